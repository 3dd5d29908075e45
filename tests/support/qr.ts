import jsQRModule from "jsqr";
import { PNG } from "pngjs";

// jsqr is CommonJS with an ES-style declaration: the function is the module itself at run time.
const jsQR = ((jsQRModule as { default?: unknown }).default ?? jsQRModule) as typeof jsQRModule.default;

/** What a QR image says, read the way a phone camera would. */
export function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}
