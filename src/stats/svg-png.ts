import { renderAsync } from "@resvg/resvg-js";
import { FONT_FAMILY, FONT_FILES } from "./fonts.js";

/**
 * An SVG document as a PNG of its own size, rasterised by resvg off the main
 * thread. Only the given font files are used — the system's fonts are never
 * loaded — so the picture is the same on a server with no fonts installed.
 */
export async function svgToPng(svg: string, fontFiles: readonly string[] = Object.values(FONT_FILES)): Promise<Buffer> {
  const image = await renderAsync(svg, {
    font: { loadSystemFonts: false, fontFiles: [...fontFiles], defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    background: "white",
    logLevel: "error",
  });
  return image.asPng();
}
