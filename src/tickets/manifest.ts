import { parse } from "csv-parse/sync";
import type ExcelJS from "exceljs";
import { loadExcelJS } from "../reports/exceljs.js";
import type { Repos } from "../db/repos/index.js";
import { parseUserRef, type UserRef } from "../people/user-ref.js";
import { cutText } from "./names.js";

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
  /** Only a base name was given and several files in different folders have it. */
  | { reason: "ambiguous_file"; row: number; value: string }
  | { reason: "file_twice"; row: number; value: string }
  | { reason: "person_twice"; row: number; value: string };

export type ManifestResult =
  | { ok: true; owners: Map<string, Owner>; waitingFor(repos: Pick<Repos, "users">): string[] }
  | { ok: false; problems: ManifestProblem[] };

/** A ticket of a manifest import that the manifest does not name: it goes to nobody. */
export const NOBODY: Owner = { key: "nobody", shown: "" };

export const ownerKey = (ref: UserRef): string => (ref.kind === "id" ? `id:${ref.id}` : `username:${ref.username.toLowerCase()}`);

/**
 * manifest.csv (comma or semicolon separated, UTF-8 or Windows-1251) or
 * manifest.xlsx (first sheet): one row per ticket, file name then person
 * (@username or numeric id), further columns ignored, an optional header row.
 * Every file must be in the ZIP and every person named once, or the whole
 * import is refused. Problems name the row as the spreadsheet numbers it.
 */
export async function readManifest(manifest: { name: string; data: Buffer }, fileNames: readonly string[]): Promise<ManifestResult> {
  let rows: ManifestRow[];
  try {
    rows = manifest.name.toLowerCase().endsWith(".xlsx") ? await xlsxRows(manifest.data) : csvRows(manifest.data);
  } catch {
    return { ok: false, problems: [{ reason: "unreadable" }] };
  }
  rows = rows
    .map((r) => ({ row: r.row, cells: r.cells.map((c) => c.trim()) }))
    .filter((r) => r.cells.some((c) => c !== ""));

  const byBase = new Map<string, string[]>();
  for (const name of fileNames) {
    const base = baseOf(name);
    byBase.set(base, [...(byBase.get(base) ?? []), name]);
  }
  const exact = new Set(fileNames);
  // Exact path first, then the base name, with or without ".pdf".
  const filesFor = (cell: string): string[] => {
    if (exact.has(cell)) return [cell];
    const found = byBase.get(baseOf(cell));
    return found ?? (/\.pdf$/i.test(cell) ? [] : (byBase.get(`${baseOf(cell)}.pdf`) ?? []));
  };

  // A header row ("file;person", "Файл,Участник") names no file and no
  // @person; a first row that names a missing PDF or an @person is data and
  // refused below, never skipped.
  const first = rows[0];
  if (first && isHeader(first.cells, filesFor)) rows = rows.slice(1);
  if (rows.length === 0) return { ok: false, problems: [{ reason: "empty" }] };

  const owners = new Map<string, Owner>();
  const people = new Set<string>();
  const problems: ManifestProblem[] = [];
  for (const { row, cells } of rows) {
    const [fileCell = "", personCell = ""] = cells;
    const ref = parseUserRef(personCell);
    if (!ref || personCell.split(/\s+/).length > 1) {
      problems.push({ reason: "bad_person", row, value: cutText(personCell, 60) });
      continue;
    }
    const candidates = filesFor(fileCell);
    if (candidates.length !== 1) {
      problems.push({ reason: candidates.length > 1 ? "ambiguous_file" : "unknown_file", row, value: cutText(fileCell, 80) });
      continue;
    }
    const file = candidates[0]!;
    if (owners.has(file)) {
      problems.push({ reason: "file_twice", row, value: cutText(fileCell, 80) });
      continue;
    }
    const key = ownerKey(ref);
    if (people.has(key)) {
      problems.push({ reason: "person_twice", row, value: personCell });
      continue;
    }
    people.add(key);
    owners.set(file, { key, shown: ref.kind === "id" ? String(ref.id) : `@${ref.username}` });
  }
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

interface ManifestRow {
  /** 1-based, as the spreadsheet or text editor shows it. */
  row: number;
  cells: string[];
}

function isHeader([file = "", person = ""]: string[], filesFor: (cell: string) => string[]): boolean {
  return filesFor(file).length === 0 && !/\.pdf$/i.test(file) && !/^(@|\d+$)/.test(person);
}

const baseOf = (name: string): string => name.split(/[\\/]/).pop()!.toLowerCase();

function csvRows(data: Buffer): ManifestRow[] {
  const text = decodeText(data).replace(/^\uFEFF/, "");
  // The delimiter is whichever of ; and , the first line uses more, outside quotes.
  const firstLine = (text.split(/\r?\n/, 1)[0] ?? "").replace(/"[^"]*"/g, "");
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, info: true }) as unknown as Array<{
    record: string[];
    info: { lines: number };
  }>;
  return records.map(({ record, info }) => ({ row: info.lines, cells: record }));
}

/** UTF-8, or Windows-1251 when the bytes are not UTF-8 (Excel's "CSV" on a Russian Windows). */
function decodeText(data: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    return new TextDecoder("windows-1251").decode(data);
  }
}

async function xlsxRows(data: Buffer): Promise<ManifestRow[]> {
  const workbook = new (await loadExcelJS()).Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: ManifestRow[] = [];
  sheet.eachRow((row, number) => {
    rows.push({ row: number, cells: [cellText(row.getCell(1).value), cellText(row.getCell(2).value)] });
  });
  return rows;
}

/** A cell as the person sees it: plain values, hyperlinks, rich text and formula results. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "object") return String(value);
  if (value instanceof Date) return value.toISOString();
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("text" in value) return String(value.text);
  if ("result" in value) return value.result === undefined ? "" : cellText(value.result as ExcelJS.CellValue);
  return "";
}
