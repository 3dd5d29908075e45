import { randomBytes } from "node:crypto";
import QRCode from "qrcode";

/**
 * A personal entry pass: "pass_" and 32 hex characters (128 random bits).
 * Invite codes are 22 characters of base64url, so the two can never be
 * mistaken for each other, whatever a deep link carries.
 */
export const PASS_FORMAT = /^pass_[0-9a-f]{32}$/;

export function newPassCode(): string {
  return `pass_${randomBytes(16).toString("hex")}`;
}

/** What the QR image encodes: a door steward's camera opens the bot with /start <pass>. */
export function passLink(botUsername: string, code: string): string {
  return `https://t.me/${botUsername}?start=${code}`;
}

/** The pass as a PNG QR image, large enough to scan from a phone screen in a dim entrance. */
export function passImage(link: string): Promise<Buffer> {
  return QRCode.toBuffer(link, { type: "png", errorCorrectionLevel: "M", margin: 3, width: 600 });
}
