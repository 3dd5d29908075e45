import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { Repos } from "../db/repos/index.js";
import { parseUserRef, type UserRef } from "../bot/user-ref.js";

/** Who a named ticket belongs to: "id:123" or "username:anna" (lowercase), and how the manifest wrote it. */
export interface Owner {
  key: string;
  shown: string;
}

export type ManifestProblem =
  | { reason: "unreadable" }
  | { reason: "empty" }
  | { reason: "bad_person"; row: number; value: string }
  | { reason: "unknown_file"; row: number; value: string }
  | { reason: "file_twice"; row: number; value: string }
  | { reason: "person_twice"; row: number; value: string };

export type ManifestResult =
  | { ok: true; owners: Map<string, Owner>; waitingFor(repos: Pick<Repos, "users">): string[] }
  | { ok: false; problems: ManifestProblem[] };

/** A ticket of a manifest import that the manifest does not name: it goes to nobody. */
export const NOBODY: Owner = { key: "nobody", shown: "" };

export const ownerKey = (ref: UserRef): string => (ref.kind === "id" ? `id:${ref.id}` : `username:${ref.username.toLowerCase()}`);

/**
 * manifest.csv (comma or semicolon separated) or manifest.xlsx (first sheet):
 * one row per ticket, file name then person (@username or numeric id), an
 * optional header row. Every file must be in the ZIP and every person named
 * once, or the whole import is refused.
 */
export async function readManifest(manifest: { name: string; data: Buffer }, fileNames: readonly string[]): Promise<ManifestResult> {
  let rows: string[][];
  try {
    rows = manifest.name.toLowerCase().endsWith(".xlsx") ? await xlsxRows(manifest.data) : csvRows(manifest.data);
  } catch {
    return { ok: false, problems: [{ reason: "unreadable" }] };
  }
  rows = rows.map((r) => r.map((c) => c.trim())).filter((r) => r.some((c) => c !== ""));
  if (rows.length > 0 && !parseUserRef(rows[0]![1] ?? "")) rows = rows.slice(1); // a header row
  if (rows.length === 0) return { ok: false, problems: [{ reason: "empty" }] };

  const byBase = new Map<string, string[]>();
  for (const name of fileNames) {
    const base = name.split("/").pop()!.toLowerCase();
    byBase.set(base, [...(byBase.get(base) ?? []), name]);
  }
  const exact = new Set(fileNames);
  const owners = new Map<string, Owner>();
  const people = new Map<string, number>();
  const problems: ManifestProblem[] = [];
  rows.forEach(([fileCell = "", personCell = ""], index) => {
    const row = index + 1;
    const ref = parseUserRef(personCell);
    if (!ref || personCell.split(/\s+/).length > 1) return problems.push({ reason: "bad_person", row, value: personCell.slice(0, 60) });
    const candidates = exact.has(fileCell) ? [fileCell] : (byBase.get(fileCell.split(/[\\/]/).pop()!.toLowerCase()) ?? []);
    if (candidates.length !== 1) return problems.push({ reason: "unknown_file", row, value: fileCell.slice(0, 80) });
    const file = candidates[0]!;
    if (owners.has(file)) return problems.push({ reason: "file_twice", row, value: fileCell.slice(0, 80) });
    const key = ownerKey(ref);
    if (people.has(key)) return problems.push({ reason: "person_twice", row, value: personCell });
    people.set(key, row);
    owners.set(file, { key, shown: ref.kind === "id" ? String(ref.id) : `@${ref.username}` });
    return undefined;
  });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    owners,
    waitingFor: (repos) =>
      [...owners.values()]
        .filter((owner) => {
          const [kind, value] = owner.key.split(":") as [string, string];
          const user = kind === "id" ? repos.users.findById(Number(value)) : repos.users.findByUsername(value);
          return !user || user.registered_at === null;
        })
        .map((owner) => owner.shown),
  };
}

function csvRows(data: Buffer): string[][] {
  const text = data.toString("utf8").replace(/^\uFEFF/, "");
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  return parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];
}

async function xlsxRows(data: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1, 3).map((v) => (v === null || v === undefined ? "" : typeof v === "object" && v && "text" in v ? String((v as { text: unknown }).text) : String(v)));
    rows.push(values);
  });
  return rows;
}
