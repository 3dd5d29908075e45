import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { loadExcelJS } from "./exceljs.js";

export type CellValue = string | number | Date | null | undefined;

export interface Column<R> {
  header: string;
  width: number;
  /** date: a real Excel date; id: a whole number (Telegram ids exceed Excel's default display). */
  type?: "text" | "number" | "id" | "date";
  value(row: R): CellValue;
}

export interface Sheet<R = unknown> {
  name: string;
  columns: readonly Column<R>[];
  rows: Iterable<R> | AsyncIterable<R>;
}

const DATE_FORMAT = "yyyy-mm-dd hh:mm:ss";
const ID_FORMAT = "0";
const CELL_STYLES: Record<NonNullable<Column<unknown>["type"]>, Partial<ExcelJS.Style>> = {
  text: {},
  number: {},
  date: { numFmt: DATE_FORMAT },
  id: { numFmt: ID_FORMAT },
};
/** Write rows in slices and let the event loop breathe between them: a 50 000-row report must not stall the bot. */
const ROWS_PER_SLICE = 1000;
/** The longest wait for the zip to take a slice's XML (see compressed()). */
const DRAIN_WAIT_MS = 5000;

/**
 * Streams sheets into an .xlsx file with exceljs' WorkbookWriter: rows are
 * committed as they are written, so the workbook is never held in memory.
 * Each sheet gets a frozen, filterable header row and fixed column widths.
 * Returns the number of data rows per sheet.
 */
export async function writeWorkbook(path: string, sheets: readonly Sheet<unknown>[]): Promise<Record<string, number>> {
  const { stream } = await loadExcelJS();
  const workbook = new stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  workbook.creator = "ticket-bot";
  workbook.created = new Date();
  const counts: Record<string, number> = {};
  for (const sheet of sheets) {
    const lastColumn = columnLetter(sheet.columns.length);
    const worksheet = workbook.addWorksheet(sheet.name, {
      views: [{ state: "frozen", ySplit: 1 }],
    });
    worksheet.autoFilter = `A1:${lastColumn}1`;
    const styles = sheet.columns.map((column) => CELL_STYLES[column.type ?? "text"]);
    worksheet.columns = sheet.columns.map((column, index) => ({ key: String(index), width: column.width, style: styles[index]! }));
    const header = worksheet.addRow(sheet.columns.map((column) => column.header));
    header.font = { bold: true };
    header.commit();
    let count = 0;
    for await (const row of sheet.rows) {
      const line = worksheet.addRow(sheet.columns.map((column) => normalize(column.value(row))));
      // The same style object in every cell of a column: exceljs looks a style
      // up by identity first, else renders it to XML to find it again — for
      // every cell of a 100 000-row sheet.
      styles.forEach((style, index) => {
        line.getCell(index + 1).style = style;
      });
      line.commit();
      if (++count % ROWS_PER_SLICE === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        await compressed(worksheet);
      }
    }
    worksheet.commit();
    counts[sheet.name] = count;
  }
  await workbook.commit();
  return counts;
}

/**
 * exceljs hands each sheet's XML to the zip without waiting for it: archiver
 * puts a PassThrough between exceljs' stream and the zip, and exceljs writes
 * into it ignoring its backpressure, so rows written faster than zlib
 * compresses them piled up there — about 70 MB per 100 000-row sheet, 350 MB
 * of peak RSS for /full_report at 105 000 participants. Between slices we wait
 * until that buffer has drained (readable-stream's PassThrough, as archiver
 * uses it, has no `writableNeedDrain`: its state says it). A zip that stops
 * reading is not waited for longer than a few seconds a slice: the report
 * then goes on as before, buffering.
 */
async function compressed(worksheet: ExcelJS.Worksheet): Promise<void> {
  const buffer = (worksheet as unknown as { stream?: { pipes?: unknown[] } }).stream?.pipes?.[0] as
    | (NodeJS.EventEmitter & { _writableState?: { needDrain?: boolean } })
    | undefined;
  if (!buffer?._writableState?.needDrain) return;
  await once(buffer, "drain", { signal: AbortSignal.timeout(DRAIN_WAIT_MS) }).catch(() => undefined);
}

function normalize(value: CellValue): string | number | Date | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return sanitizeText(value);
  return value;
}

/**
 * Control characters are not allowed in the sheet's XML: one in a user's name
 * would make the whole file unreadable. (Strings are written as string cells,
 * so a leading "=" is never evaluated as a formula.)
 */
function sanitizeText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
}

function columnLetter(n: number): string {
  let s = "";
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/** Runs `fn` with a fresh temporary folder that is removed afterwards. */
export async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "ticket-bot-"));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const msToDate = (ms: number | null | undefined): Date | null => (ms == null ? null : new Date(ms));
