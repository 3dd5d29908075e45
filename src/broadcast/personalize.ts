import type { MessageEntity } from "grammy/types";

/** The placeholders a text announcement may use, and what each becomes for one person. */
const PLACEHOLDER = /\{(name|username)\}/g;

export interface Person {
  first_name: string | null;
  username: string | null;
}

/** Whether a text uses {name} or {username} (the preview then says whose values it shows). */
export function hasPlaceholders(text: string): boolean {
  return new RegExp(PLACEHOLDER.source).test(text);
}

/**
 * "{name}, doors open at 19:00" for Anna: the placeholders replaced by the
 * person's first name and @username, and every formatting entity moved (or
 * stretched, when it covers a placeholder) to where its text now is.
 * Offsets are UTF-16 code units, as Telegram counts them and as JavaScript
 * strings index.
 */
export function personalize(text: string, entities: readonly MessageEntity[], person: Person): { text: string; entities: MessageEntity[] } {
  const values = { name: person.first_name ?? person.username ?? "", username: person.username ? `@${person.username}` : "" };
  const replaced: Array<{ start: number; end: number; length: number }> = [];
  let out = "";
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const value = values[match[1] as keyof typeof values];
    out += text.slice(last, match.index) + value;
    replaced.push({ start: match.index, end: match.index + match[0].length, length: value.length });
    last = match.index + match[0].length;
  }
  if (replaced.length === 0) return { text, entities: [...entities] };
  out += text.slice(last);
  /** Where position `p` of the original text is in the new one. */
  const moved = (p: number): number => {
    let shift = 0;
    for (const r of replaced) {
      if (r.end <= p) shift += r.length - (r.end - r.start);
      else if (r.start < p) return r.start + shift + Math.min(p - r.start, r.length);
      else break;
    }
    return p + shift;
  };
  const shifted = entities
    .map((entity) => {
      const start = moved(entity.offset);
      return { ...entity, offset: start, length: moved(entity.offset + entity.length) - start };
    })
    .filter((entity) => entity.length > 0);
  return { text: out, entities: shifted };
}
