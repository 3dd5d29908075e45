import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository root: the nearest folder above this module that holds
 * package.json. Relative paths in the config resolve against it, never against
 * the shell's working directory (SPEC §3), and it is the same whether the code
 * runs compiled from dist/ or from src/.
 */
export const projectRoot: string = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, "package.json"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
}

export function fromRoot(path: string): string {
  return isAbsolute(path) ? path : resolve(projectRoot, path);
}
