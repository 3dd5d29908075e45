import AdmZip from "adm-zip";

/** The text of every part of an .xlsx (a ZIP of XML files), to search for what must not be in it. */
export function sheetText(xlsx: Buffer): string {
  return new AdmZip(xlsx)
    .getEntries()
    .map((entry) => entry.getData().toString("utf8"))
    .join("\n");
}

/** Where each needle occurs (case-insensitively), with a little context: [] when none does. */
export function findIn(sources: ReadonlyArray<{ where: string; text: string }>, needles: readonly string[]): string[] {
  const found: string[] = [];
  for (const { where, text } of sources) {
    const lower = text.toLowerCase();
    for (const needle of needles) {
      const at = lower.indexOf(needle.toLowerCase());
      if (at >= 0) found.push(`${where}: …${text.slice(Math.max(0, at - 80), at + needle.length + 40)}…`);
    }
  }
  return found.slice(0, 30);
}
