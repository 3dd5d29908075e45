import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import opentype, { type Font } from "opentype.js";
import { graphemes } from "../tickets/names.js";

/**
 * The one typeface of the /stats picture: PT Sans by ParaType (SIL Open Font
 * License 1.1, the licence is in the package as LICENSE_FONT), drawn for
 * Russian and Latin alike, taken from the @expo-google-fonts/pt-sans package.
 * The renderer hands these files to the rasteriser itself and never looks at
 * the system's fonts, so a server with no fonts installed draws the same
 * picture, Cyrillic included.
 */
export const FONT_FAMILY = "PT Sans";

const require = createRequire(import.meta.url);
export const FONT_FILES = {
  regular: require.resolve("@expo-google-fonts/pt-sans/400Regular/PTSans_400Regular.ttf"),
  bold: require.resolve("@expo-google-fonts/pt-sans/700Bold/PTSans_700Bold.ttf"),
} as const;

/** A parsed font and the advance of each character met so far, in font units. */
interface Face {
  font: Font;
  advances: Map<string, number>;
}

let faces: { regular: Face; bold: Face } | undefined;

function face(bold: boolean): Face {
  faces ??= { regular: loadFace(FONT_FILES.regular), bold: loadFace(FONT_FILES.bold) };
  return bold ? faces.bold : faces.regular;
}

function loadFace(path: string): Face {
  const bytes = readFileSync(path);
  return { font: opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)), advances: new Map() };
}

/**
 * Width in pixels of one line of `text` set in PT Sans at `fontSize`: the sum
 * of the characters' advances. Kerning is left out (a pixel or two on a
 * label); opentype.js's shaping costs a third of a millisecond a call, and
 * Vega measures every label many times while it lays a chart out.
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const { font, advances } = face(bold);
  let units = 0;
  for (const char of text) {
    let advance = advances.get(char);
    if (advance === undefined) {
      advance = font.charToGlyph(char).advanceWidth ?? 0;
      advances.set(char, advance);
    }
    units += advance;
  }
  return (units * fontSize) / font.unitsPerEm;
}

/** `text` cut on a whole character to at most `maxWidth` pixels, ending in "…" when cut. */
export function fitText(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  const chars = graphemes(text);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(`${chars.slice(0, mid).join("").trimEnd()}…`, fontSize, bold) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join("").trimEnd()}…`;
}
