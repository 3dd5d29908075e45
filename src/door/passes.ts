import { randomBytes } from "node:crypto";
import QRCode from "qrcode";

/**
 * A personal entry pass: "pass_" and 32 hex characters (128 random bits).
 * Invite codes are 22 characters of base64url, so the two can never be
 * mistaken for each other, whatever a deep link carries.
 */
export const PASS_FORMAT = /^pass_[0-9a-f]{32}$/;

export function newPassCode(): string {
  return `pass_${randomPool.take(16).toString("hex")}`;
}

/**
 * Random bytes drawn 4 KB at a time: a wave at the paid ceiling makes a
 * thousand passes a second, and each randomBytes(16) is a call into the
 * runtime's CSPRNG. The bytes are just as random; each is used once.
 */
const randomPool = {
  bytes: Buffer.alloc(0),
  offset: 0,
  take(length: number): Buffer {
    if (this.offset + length > this.bytes.length) {
      this.bytes = randomBytes(4096);
      this.offset = 0;
    }
    const slice = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  },
};

/** What the QR image encodes: a door steward's camera opens the bot with /start <pass>. */
export function passLink(botUsername: string, code: string): string {
  return `https://t.me/${botUsername}?start=${code}`;
}

/** The pass as a PNG QR image, large enough to scan from a phone screen in a dim entrance. */
export function passImage(link: string): Promise<Buffer> {
  return QRCode.toBuffer(link, { type: "png", errorCorrectionLevel: "M", margin: 3, width: 600 });
}
