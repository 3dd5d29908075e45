import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import AdmZip from "adm-zip";
import type { SourceEntry } from "./inspect.js";

const ZIP_MAGIC = Buffer.from([0x50, 0x4b]);

/** The entries of a ZIP held in memory, or undefined when it is not a readable ZIP. */
export function zipEntries(zip: Buffer): SourceEntry[] | undefined {
  if (zip.length < 22 || !zip.subarray(0, 2).equals(ZIP_MAGIC)) return undefined;
  let archive: AdmZip;
  try {
    archive = new AdmZip(zip);
  } catch {
    return undefined;
  }
  let entries: AdmZip.IZipEntry[];
  try {
    entries = archive.getEntries();
  } catch {
    return undefined;
  }
  return entries.map((entry) => ({
    name: entry.entryName,
    isDirectory: entry.isDirectory,
    size: entry.header.size,
    compressedSize: entry.header.compressedSize,
    encrypted: (entry.header.flags & 1) === 1,
    read: () => entry.getData(),
  }));
}

/** The files of a folder on the server (`npm run import -- <folder>`), with names relative to it. */
export function folderEntries(folder: string): SourceEntry[] {
  const out: SourceEntry[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      // lstat: a symbolic link is neither followed (a loop would never end)
      // nor imported (it may point anywhere on the server).
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) continue;
      if (stat.isDirectory()) {
        if (!name.startsWith(".")) walk(path);
        continue;
      }
      out.push({
        name: relative(folder, path).split("\\").join("/"),
        isDirectory: false,
        size: stat.size,
        compressedSize: stat.size,
        encrypted: false,
        read: () => readFileSync(path),
      });
    }
  };
  walk(folder);
  return out;
}
