/**
 * Message text processing as Telegram does it:
 *
 * - `parseHtml`: parse_mode "HTML", a port of TDLib's `parse_html` (byte-wise
 *   over UTF-8 so that error messages carry the same byte offsets). Unescaped
 *   user input such as "a < b" fails here exactly as it fails in production.
 * - `fixText`: TDLib's `fix_formatted_text` – control characters become
 *   spaces, "\r" disappears, whitespace-only entities are dropped, the text is
 *   trimmed, and url/mention/hashtag/email/bot_command entities are detected.
 *
 * All offsets are UTF-16 code units, like the Bot API.
 */
import type { MessageEntity, User } from "grammy/types";

export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

/** Carries TDLib's description; callers prefix "Bad Request: can't parse entities: ". */
export class EntityParseError extends Error {}

// ---------------------------------------------------------------------------
// HTML

const HTML_TAGS = new Set([
  "a", "b", "strong", "i", "em", "s", "strike", "del", "u", "ins",
  "tg-spoiler", "tg-emoji", "span", "pre", "code", "blockquote",
]);

/** TDLib's is_space; NUL counts because TDLib scans a NUL-terminated string. */
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a || c === 0 || c === 0x0b;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isAlpha = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isAlnum = (c: number) => isDigit(c) || isAlpha(c);
const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
const hexVal = (c: number) => (isDigit(c) ? c - 0x30 : (c | 0x20) - 0x61 + 10);

interface RawEntity {
  kind: string;
  offset: number;
  length: number;
  arg?: string;
  user?: User;
}

function decodeHtmlEntity(at: (i: number) => number, src: Buffer, pos: number): [number, number] | null {
  let end = pos + 1;
  let code = 0;
  if (at(pos + 1) === 0x23 /* # */) {
    end++;
    if (at(pos + 2) === 0x78 /* x */) {
      end++;
      while (isHex(at(end))) code = code * 16 + hexVal(at(end++));
    } else {
      while (isDigit(at(end))) code = code * 10 + (at(end++) - 0x30);
    }
    if (code === 0 || code >= 0x10ffff || end - pos >= 10) return null;
  } else {
    while (isAlpha(at(end))) end++;
    const name = src.toString("latin1", pos + 1, end);
    if (name === "lt") code = 0x3c;
    else if (name === "gt") code = 0x3e;
    else if (name === "amp") code = 0x26;
    else if (name === "quot") code = 0x22;
    else return null;
  }
  if (at(end) === 0x3b /* ; */) end++;
  return [code, end];
}

function writeUtf8(out: Buffer, pos: number, code: number): number {
  if (code < 0x80) {
    out[pos] = code;
    return 1;
  }
  if (code < 0x800) {
    out[pos] = 0xc0 | (code >> 6);
    out[pos + 1] = 0x80 | (code & 0x3f);
    return 2;
  }
  if (code < 0x10000) {
    out[pos] = 0xe0 | (code >> 12);
    out[pos + 1] = 0x80 | ((code >> 6) & 0x3f);
    out[pos + 2] = 0x80 | (code & 0x3f);
    return 3;
  }
  out[pos] = 0xf0 | (code >> 18);
  out[pos + 1] = 0x80 | ((code >> 12) & 0x3f);
  out[pos + 2] = 0x80 | ((code >> 6) & 0x3f);
  out[pos + 3] = 0x80 | (code & 0x3f);
  return 4;
}

const asciiLower = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

/**
 * Parse Telegram-flavoured HTML. `lookupUser` resolves `tg://user?id=` links
 * into text_mention entities.
 */
export function parseHtml(html: string, lookupUser?: (id: number) => User | undefined): FormattedText {
  const src = Buffer.from(html, "utf8");
  const n = src.length;
  const at = (i: number) => (i < n ? src[i]! : 0);
  // Decoding never makes the text longer, so the output fits in n bytes.
  const out = Buffer.allocUnsafe(n);
  let outLen = 0;
  let utf16 = 0;
  const stack: Array<{ tag: string; arg: string; offset: number; begin: number; expandable: boolean }> = [];
  const found: RawEntity[] = [];

  for (let i = 0; i < n; i++) {
    const c = src[i]!;
    if (c === 0x26 /* & */) {
      const decoded = decodeHtmlEntity(at, src, i);
      if (decoded) {
        const [code, end] = decoded;
        if (code >= 0xd800 && code <= 0xdfff) {
          throw new EntityParseError(
            "Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units",
          );
        }
        i = end - 1;
        utf16 += code > 0xffff ? 2 : 1;
        outLen += writeUtf8(out, outLen, code);
        continue;
      }
    }
    if (c !== 0x3c /* < */) {
      if ((c & 0xc0) !== 0x80) utf16 += c >= 0xf0 ? 2 : 1;
      out[outLen++] = c;
      continue;
    }

    const begin = i++;
    if (at(i) !== 0x2f /* / */) {
      while (!isSpace(at(i)) && at(i) !== 0x3e) i++;
      if (i >= n) throw new EntityParseError(`Unclosed start tag at byte offset ${begin}`);
      const tag = asciiLower(src.toString("utf8", begin + 1, i));
      if (!HTML_TAGS.has(tag)) {
        throw new EntityParseError(`Unsupported start tag "${tag}" at byte offset ${begin}`);
      }
      let arg = "";
      let expandable = false;
      while (at(i) !== 0x3e /* > */) {
        while (i < n && isSpace(at(i))) i++;
        if (at(i) === 0x3e) break;
        const nameBegin = i;
        while (!isSpace(at(i)) && at(i) !== 0x3d && at(i) !== 0x3e) i++;
        const attrName = src.toString("utf8", nameBegin, i);
        if (attrName.length === 0) {
          throw new EntityParseError(`Empty attribute name in the tag "${tag}" at byte offset ${begin}`);
        }
        while (i < n && isSpace(at(i))) i++;
        if (at(i) !== 0x3d /* = */) {
          if (tag === "blockquote" && attrName === "expandable") {
            expandable = true;
            if (i >= n) throw new EntityParseError(`Unclosed start tag at byte offset ${begin}`);
            continue;
          }
          throw new EntityParseError(
            `Expected equal sign in declaration of an attribute of the tag "${tag}" at byte offset ${begin}`,
          );
        }
        i++;
        while (i < n && isSpace(at(i))) i++;
        if (i >= n) throw new EntityParseError(`Unclosed start tag "${tag}" at byte offset ${begin}`);
        let value: string;
        const q = at(i);
        if (q !== 0x27 && q !== 0x22) {
          const tokenBegin = i;
          while (isAlnum(at(i)) || at(i) === 0x2e || at(i) === 0x2d) i++;
          value = asciiLower(src.toString("latin1", tokenBegin, i));
          if (!isSpace(at(i)) && at(i) !== 0x3e) {
            throw new EntityParseError(`Unexpected end of name token at byte offset ${tokenBegin}`);
          }
        } else {
          i++;
          const buf = Buffer.allocUnsafe(n - i + 4);
          let len = 0;
          while (i < n && at(i) !== q) {
            if (at(i) === 0x26) {
              const decoded = decodeHtmlEntity(at, src, i);
              if (decoded) {
                len += writeUtf8(buf, len, decoded[0]);
                i = decoded[1];
                continue;
              }
            }
            buf[len++] = at(i++);
          }
          if (at(i) === q) i++;
          value = buf.toString("utf8", 0, len);
        }
        if (i >= n) throw new EntityParseError(`Unclosed start tag at byte offset ${begin}`);
        if (tag === "a" && attrName === "href") arg = value;
        else if (tag === "code" && attrName === "class" && value.startsWith("language-")) arg = value.slice(9);
        else if (tag === "span" && attrName === "class" && value.startsWith("tg-")) arg = value.slice(3);
        else if (tag === "tg-emoji" && attrName === "emoji-id") arg = value;
      }
      if (tag === "span" && arg !== "spoiler") {
        throw new EntityParseError(`Tag "span" must have class "tg-spoiler" at byte offset ${begin}`);
      }
      stack.push({ tag, arg, offset: utf16, begin: outLen, expandable });
    } else {
      if (stack.length === 0) throw new EntityParseError(`Unexpected end tag at byte offset ${begin}`);
      while (!isSpace(at(i)) && at(i) !== 0x3e) i++;
      const endTag = asciiLower(src.toString("utf8", begin + 2, i));
      while (i < n && isSpace(at(i))) i++;
      if (at(i) !== 0x3e) throw new EntityParseError(`Unclosed end tag at byte offset ${begin}`);
      const open = stack[stack.length - 1]!;
      if (endTag !== "" && endTag !== open.tag) {
        throw new EntityParseError(
          `Unmatched end tag at byte offset ${begin}, expected "</${open.tag}>", found "</${endTag}>"`,
        );
      }
      if (utf16 > open.offset) {
        const offset = open.offset;
        const length = utf16 - offset;
        const last = found[found.length - 1];
        switch (open.tag) {
          case "i":
          case "em":
            found.push({ kind: "italic", offset, length });
            break;
          case "b":
          case "strong":
            found.push({ kind: "bold", offset, length });
            break;
          case "s":
          case "strike":
          case "del":
            found.push({ kind: "strikethrough", offset, length });
            break;
          case "u":
          case "ins":
            found.push({ kind: "underline", offset, length });
            break;
          case "tg-spoiler":
          case "span":
            found.push({ kind: "spoiler", offset, length });
            break;
          case "tg-emoji":
            if (!/^-?\d+$/.test(open.arg) || BigInt(open.arg) === 0n) {
              throw new EntityParseError("Invalid custom emoji identifier specified");
            }
            found.push({ kind: "custom_emoji", offset, length, arg: open.arg });
            break;
          case "a": {
            const url = open.arg || out.toString("utf8", open.begin, outLen);
            const userId = linkUserId(url);
            if (userId !== undefined) {
              const user = lookupUser?.(userId) ?? { id: userId, is_bot: false, first_name: "" };
              found.push({ kind: "text_mention", offset, length, user });
            } else {
              const checked = checkLink(url);
              if (checked) found.push({ kind: "text_link", offset, length, arg: checked });
            }
            break;
          }
          case "pre":
            if (last && last.kind === "code" && last.offset === offset && last.length === length && last.arg) {
              last.kind = "pre";
            } else {
              found.push({ kind: "pre", offset, length });
            }
            break;
          case "code":
            if (last && last.kind === "pre" && last.offset === offset && last.length === length && open.arg) {
              last.arg = open.arg;
            } else {
              found.push({ kind: "code", offset, length, arg: open.arg || undefined });
            }
            break;
          case "blockquote":
            found.push({ kind: open.expandable ? "expandable_blockquote" : "blockquote", offset, length });
            break;
        }
      }
      stack.pop();
    }
  }
  if (stack.length > 0) {
    throw new EntityParseError(`Can't find end tag corresponding to start tag ${stack[stack.length - 1]!.tag}`);
  }
  const entities = found.map(toBotApiEntity);
  sortEntities(entities);
  return { text: out.toString("utf8", 0, outLen), entities };
}

function toBotApiEntity(e: RawEntity): MessageEntity {
  switch (e.kind) {
    case "pre":
      return e.arg
        ? { type: "pre", offset: e.offset, length: e.length, language: e.arg }
        : { type: "pre", offset: e.offset, length: e.length };
    case "text_link":
      return { type: "text_link", offset: e.offset, length: e.length, url: e.arg ?? "" };
    case "text_mention":
      return { type: "text_mention", offset: e.offset, length: e.length, user: e.user! };
    case "custom_emoji":
      return { type: "custom_emoji", offset: e.offset, length: e.length, custom_emoji_id: e.arg ?? "" };
    default:
      // code with a language outside <pre> loses it, as in TDLib
      return { type: e.kind as "bold", offset: e.offset, length: e.length };
  }
}

function linkUserId(url: string): number | undefined {
  const m = /^tg:(?:\/\/)?user\?id=(\d{1,15})$/i.exec(url.trim());
  return m ? Number(m[1]) : undefined;
}

/** Loose port of LinkManager::get_checked_link: "" when the link is rejected. */
export function checkLink(raw: string): string {
  const url = raw.trim();
  if (url === "" || /[\s]/.test(url)) return "";
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === "tg" || scheme === "ton" || scheme === "tonsite") return url;
  const withScheme = scheme === undefined || !url.includes("://") ? `http://${url}` : url;
  try {
    const u = new URL(withScheme);
    if (!["http:", "https:", "ftp:"].includes(u.protocol) || u.hostname === "") return "";
    return u.href;
  } catch {
    return "";
  }
}

// ---------------------------------------------------------------------------
// Normalisation (fix_formatted_text)

const PRIORITY: Record<string, number> = {
  mention: 50, hashtag: 50, cashtag: 50, bot_command: 50, url: 50, email: 50, phone_number: 50,
  bold: 90, italic: 91, underline: 92, strikethrough: 93, spoiler: 94, custom_emoji: 99,
  code: 20, pre: 11, text_link: 49, text_mention: 49, blockquote: 0, expandable_blockquote: 0,
};

export function sortEntities(entities: MessageEntity[]): void {
  entities.sort((a, b) => {
    if (a.offset !== b.offset) return a.offset - b.offset;
    if (a.length !== b.length) return b.length - a.length;
    const pa = a.type === "pre" && "language" in a && a.language ? 10 : (PRIORITY[a.type] ?? 50);
    const pb = b.type === "pre" && "language" in b && b.language ? 10 : (PRIORITY[b.type] ?? 50);
    return pa - pb;
  });
}

/** Entities whose value lives outside the visible text; TDLib keeps them even over whitespace. */
const HIDDEN_DATA = new Set(["text_link", "text_mention", "custom_emoji"]);
/** Entities new auto-detected entities must not intersect. */
const CONTINUOUS = new Set(["code", "pre", "text_link", "text_mention", "custom_emoji"]);

const isWs = (code: number) => code === 0x20 || code === 0x0a;

function cleanChar(code: number): number | null {
  if (code === 0x0d) return null; // "\r" is removed
  if (code < 0x20 && code !== 0x0a) return 0x20; // other control characters (tab too) become spaces
  if (code >= 0x2028 && code <= 0x202e) return null; // line/paragraph separators, bidi overrides
  if (code === 0x0333 || code === 0x033f || code === 0x030a) return null; // "vertical lines" TDLib strips
  return code;
}

/**
 * Apply Telegram's normalisation. Returns null when nothing visible is left
 * (the caller decides between "message text is empty" and an empty caption).
 */
export function fixText(
  input: string,
  inputEntities: readonly MessageEntity[],
  opts: { detectBotCommands?: boolean } = {},
): FormattedText | null {
  // 1. Clean characters, keeping a map from old to new UTF-16 positions.
  const len = input.length;
  const map = new Int32Array(len + 1);
  const parts: string[] = [];
  let runStart = 0;
  let removed = 0;
  for (let i = 0; i < len; i++) {
    map[i] = i - removed;
    const code = input.charCodeAt(i);
    const cleaned = cleanChar(code);
    if (cleaned === code) continue;
    parts.push(input.slice(runStart, i));
    if (cleaned === null) removed++;
    else parts.push(String.fromCharCode(cleaned));
    runStart = i + 1;
  }
  map[len] = len - removed;
  parts.push(input.slice(runStart));
  let text = parts.join("");

  let entities: MessageEntity[] = [];
  for (const e of inputEntities) {
    const start = Math.max(0, Math.min(len, e.offset));
    const end = Math.max(start, Math.min(len, e.offset + e.length));
    const offset = map[start]!;
    const length = map[end]! - offset;
    if (length > 0) entities.push({ ...e, offset, length });
  }

  // 2. Entities lose leading whitespace; whitespace-only ones disappear.
  entities = entities.filter((e) => {
    if (HIDDEN_DATA.has(e.type)) return true;
    while (e.length > 0 && isWs(text.charCodeAt(e.offset))) {
      e.offset++;
      e.length--;
    }
    for (let i = e.offset; i < e.offset + e.length; i++) if (!isWs(text.charCodeAt(i))) return true;
    return false;
  });

  // 3. Trim: right side fully, left side only up to the first entity.
  let last = text.length - 1;
  while (last >= 0 && isWs(text.charCodeAt(last))) last--;
  if (last < 0) return null;
  text = text.slice(0, last + 1);
  entities = entities.filter((e) => e.offset < text.length);
  for (const e of entities) e.length = Math.min(e.length, text.length - e.offset);
  const firstEntity = entities.reduce((m, e) => Math.min(m, e.offset), text.length);
  let lead = 0;
  while (lead < firstEntity && isWs(text.charCodeAt(lead))) lead++;
  if (lead > 0) {
    text = text.slice(lead);
    for (const e of entities) e.offset -= lead;
  }

  // 4. Auto-detected entities, skipping any that cross code/pre/links.
  const blockers = entities.filter((e) => CONTINUOUS.has(e.type));
  for (const e of findEntities(text, opts.detectBotCommands ?? true)) {
    const crosses = blockers.some((b) => e.offset < b.offset + b.length && b.offset < e.offset + e.length);
    if (!crosses) entities.push(e);
  }
  sortEntities(entities);
  return { text, entities };
}

// ---------------------------------------------------------------------------
// Entity detection (find_entities), simplified but following TDLib's rules.

const WORD = /[\p{L}\p{N}_]/u;
const isWordCp = (cp: number | undefined) => cp !== undefined && WORD.test(String.fromCodePoint(cp));
const isAsciiWord = (c: number) => isAlnum(c) || c === 0x5f;

function codePointBefore(s: string, i: number): number | undefined {
  if (i <= 0) return undefined;
  const lo = s.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) return s.codePointAt(i - 2);
  return lo;
}

/** bot_command as TDLib's match_bot_commands: /cmd (1-64 chars) with an optional @bot (3-32). */
export function findBotCommands(text: string): MessageEntity[] {
  const res: MessageEntity[] = [];
  let from = 0;
  for (;;) {
    const i = text.indexOf("/", from);
    if (i < 0) break;
    from = i + 1;
    const prev = codePointBefore(text, i);
    if (prev !== undefined && (isWordCp(prev) || prev === 0x2f || prev === 0x3c || prev === 0x3e)) continue;
    let j = i + 1;
    while (j < text.length && isAsciiWord(text.charCodeAt(j))) j++;
    const cmdLen = j - i - 1;
    from = j;
    if (cmdLen < 1 || cmdLen > 64) continue;
    let end = j;
    if (text.charCodeAt(j) === 0x40 /* @ */) {
      let k = j + 1;
      while (k < text.length && isAsciiWord(text.charCodeAt(k))) k++;
      const mentionLen = k - j - 1;
      from = k;
      if (mentionLen < 3 || mentionLen > 32) continue;
      end = k;
    }
    const next = text.codePointAt(end);
    if (next !== undefined && (isWordCp(next) || next === 0x2f || next === 0x3c || next === 0x3e)) continue;
    res.push({ type: "bot_command", offset: i, length: end - i });
  }
  return res;
}

function findMentions(text: string): MessageEntity[] {
  const res: MessageEntity[] = [];
  for (const m of text.matchAll(/@([A-Za-z0-9_]{2,32})/g)) {
    const i = m.index;
    if (isWordCp(codePointBefore(text, i))) continue;
    if (isWordCp(text.codePointAt(i + m[0].length))) continue;
    if (m[1]!.length < 5) continue; // TDLib drops short ones except a fixed whitelist
    res.push({ type: "mention", offset: i, length: m[0].length });
  }
  return res;
}

function findHashtags(text: string): MessageEntity[] {
  const res: MessageEntity[] = [];
  for (const m of text.matchAll(/#([\p{L}\p{Nd}_\u200c\u00b7]{1,256})/gu)) {
    const i = m.index;
    if (isWordCp(codePointBefore(text, i))) continue;
    if (text[i + m[0].length] === "#") continue;
    if (!/\p{L}/u.test(m[1]!)) continue;
    res.push({ type: "hashtag", offset: i, length: m[0].length });
  }
  return res;
}

function findUrls(text: string): MessageEntity[] {
  const res: MessageEntity[] = [];
  for (const m of text.matchAll(/\b(?:https?|ftp):\/\/[^\s<>"]+/giu)) {
    let url = m[0];
    // Balance brackets and strip trailing punctuation, like TDLib's fix_url.
    const bal = { "(": 0, "[": 0, "{": 0 };
    let cut = url.length;
    const schemeEnd = url.indexOf("://") + 3;
    for (let k = schemeEnd; k < url.length; k++) {
      const ch = url[k]!;
      if (ch === "(" || ch === "[" || ch === "{") bal[ch]++;
      else if (ch === ")") bal["("]--;
      else if (ch === "]") bal["["]--;
      else if (ch === "}") bal["{"]--;
      if (bal["("] < 0 || bal["["] < 0 || bal["{"] < 0) {
        cut = k;
        break;
      }
    }
    url = url.slice(0, cut);
    while (url.length > schemeEnd && ".:;,('?!`".includes(url[url.length - 1]!)) url = url.slice(0, -1);
    const host = url.slice(schemeEnd).split(/[/?#]/)[0]!.replace(/^[^@]*@/, "").replace(/:\d*$/, "");
    const valid = /^(\d{1,3}\.){3}\d{1,3}$/.test(host) || /^([\p{L}\p{N}-]+\.)+[\p{L}]{2,}$/u.test(host);
    if (!valid) continue;
    res.push({ type: "url", offset: m.index, length: url.length });
  }
  return res;
}

function findEmails(text: string): MessageEntity[] {
  const res: MessageEntity[] = [];
  for (const m of text.matchAll(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g)) {
    if (isWordCp(codePointBefore(text, m.index))) continue;
    res.push({ type: "email", offset: m.index, length: m[0].length });
  }
  return res;
}

/** All auto-detected entities, non-overlapping (first/longest wins). */
export function findEntities(text: string, detectBotCommands = true): MessageEntity[] {
  const all = [
    ...(detectBotCommands ? findBotCommands(text) : []),
    ...findUrls(text),
    ...findEmails(text),
    ...findMentions(text),
    ...findHashtags(text),
  ];
  all.sort((a, b) => a.offset - b.offset || b.length - a.length);
  const res: MessageEntity[] = [];
  let end = 0;
  for (const e of all) {
    if (e.offset < end) continue;
    res.push(e);
    end = e.offset + e.length;
  }
  return res;
}

// ---------------------------------------------------------------------------
// Helpers

/** Characters as Telegram counts them for length limits (Unicode code points). */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

const ENTITY_TYPES = new Set([
  ...Object.keys(PRIORITY),
  "date_time",
]);

/** Validate an explicit `entities` / `caption_entities` array; null when malformed. */
export function validateEntities(raw: unknown): MessageEntity[] | null {
  if (!Array.isArray(raw)) return null;
  const res: MessageEntity[] = [];
  for (const e of raw) {
    if (typeof e !== "object" || e === null) return null;
    const { type, offset, length } = e as Record<string, unknown>;
    if (typeof type !== "string" || !Number.isInteger(offset) || !Number.isInteger(length)) return null;
    if (!ENTITY_TYPES.has(type)) continue; // unknown types are ignored by the server
    if ((offset as number) < 0 || (length as number) <= 0) continue;
    res.push({ ...(e as MessageEntity) });
  }
  return res;
}
