import type ExcelJS from "exceljs";

/**
 * exceljs, loaded when the first report is written or the first .xlsx
 * manifest read, not at every start: it is the largest library the bot has
 * (about 30 MB of memory once loaded), and most of a bot's life needs none.
 */
export async function loadExcelJS(): Promise<typeof ExcelJS> {
  return (await import("exceljs")).default;
}
