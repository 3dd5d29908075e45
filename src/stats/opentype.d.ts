// opentype.js ships no types, and @types/opentype.js references the DOM lib,
// which would leak browser globals into the whole project: the little the
// stats renderer uses, declared here.
declare module "opentype.js" {
  export interface Glyph {
    advanceWidth?: number;
  }
  export interface Font {
    unitsPerEm: number;
    charToGlyph(char: string): Glyph;
    charToGlyphIndex(char: string): number;
  }
  const opentype: { parse(buffer: ArrayBuffer): Font };
  export default opentype;
}
