import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { textWidth } from "./fonts.js";

/** The part of a Vega text item that sets its size (vega-scenegraph's SceneItem). */
interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
  limit?: number;
}

/**
 * Vega lays out axes, titles and labels by the width of their text. Without
 * the browser's canvas it guesses 0.8 em a character, which for PT Sans
 * (about 0.5 em) would squeeze the plots and cut long Russian labels such as
 * "файл билета пропал с диска". vega-scenegraph lets the host measure instead
 * (as Vega's own vl-convert does); `textMetrics` is exported by vega but
 * missing from its typings.
 */
const { textMetrics } = vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } };

function measure(item: TextItem, text: unknown): number {
  const line = text === null || text === undefined ? "" : String(text).trim();
  const bold = item.fontWeight === "bold" || Number(item.fontWeight) >= 600;
  const width = textWidth(line, item.fontSize ?? 11, bold);
  // Bounds are measured on the whole text; Vega draws it cut to `limit`.
  return item.limit && item.limit > 0 ? Math.min(width, item.limit) : width;
}

/** One Vega-Lite chart as an SVG document of its own size, headless (no canvas, no browser, no network). */
export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  textMetrics.width = measure;
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
