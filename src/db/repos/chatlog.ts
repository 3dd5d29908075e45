import type { Db } from "../database.js";
import { keysetPages } from "./paging.js";

export interface ChatLogEntry {
  id: number;
  at: number;
  user_id: number;
  direction: "in" | "out";
  kind: string;
  message_id: number | null;
  /** The kind's detail (a file name, a button's label): see src/telegram/describe.ts. */
  detail: string | null;
  content: string;
}

/** Every message of a user and of the bot to them, in both directions (SPEC §9). */
export function createChatLogRepo(db: Db) {
  const insert = db.prepare<{ at: number; user: number; direction: string; kind: string; messageId: number | null; detail: string | null; content: string }>(
    `INSERT INTO chat_log (at, user_id, direction, kind, message_id, detail, content)
     VALUES (@at, @user, @direction, @kind, @messageId, @detail, @content)`,
  );
  const pageOfUser = db.prepare<{ user: number; after: number; until: number; limit: number }, ChatLogEntry>(
    `SELECT * FROM chat_log WHERE user_id = @user AND id > @after AND id <= @until ORDER BY id LIMIT @limit`,
  );
  const spanOfUser = db.prepare<[number], { lines: number; first_at: number | null; last_at: number | null; last_id: number | null }>(
    `SELECT COUNT(*) AS lines, MIN(at) AS first_at, MAX(at) AS last_at, MAX(id) AS last_id FROM chat_log WHERE user_id = ?`,
  );
  const countOfUser = db.prepare<[number], { n: number }>(`SELECT COUNT(*) AS n FROM chat_log WHERE user_id = ?`);
  const incomingMessage = db.prepare<{ user: number; messageId: number }, ChatLogEntry>(
    `SELECT * FROM chat_log WHERE user_id = @user AND message_id = @messageId AND direction = 'in' ORDER BY id DESC LIMIT 1`,
  );
  const eraseUser = db.prepare<[number]>(`DELETE FROM chat_log WHERE user_id = ?`);
  // LIKE is only a coarse filter ("_" is its wildcard); the exact match is made below.
  const mentioning = db.prepare<{ mention: string }, { id: number; content: string; detail: string | null }>(
    `SELECT id, content, detail FROM chat_log WHERE content LIKE '%' || @mention || '%' OR detail LIKE '%' || @mention || '%'`,
  );
  const rewrite = db.prepare<{ id: number; content: string; detail: string | null }>(`UPDATE chat_log SET content = @content, detail = @detail WHERE id = @id`);
  const rewriteMessage = db.prepare<{ user: number; message: number; kind: string; detail: string | null; content: string }>(
    `UPDATE chat_log SET kind = @kind, detail = @detail, content = @content WHERE user_id = @user AND message_id = @message AND direction = 'out'`,
  );
  const containing = db.prepare<[string], { id: number; content: string; detail: string | null }>(`SELECT id, content, detail FROM chat_log WHERE instr(content, ?) > 0`);

  return {
    record(
      entry: { userId: number; direction: "in" | "out"; kind: string; messageId?: number | undefined; detail?: string | undefined; content: string },
      now = Date.now(),
    ): void {
      insert.run({
        at: now,
        user: entry.userId,
        direction: entry.direction,
        kind: entry.kind,
        messageId: entry.messageId ?? null,
        detail: entry.detail ?? null,
        content: entry.content,
      });
    },
    /**
     * Streams a user's conversation a page at a time without loading it into
     * memory, up to entry `untilId` (a snapshot taken with span(), so that a
     * header's counts match the lines that follow it).
     */
    iterate(userId: number, untilId = Number.MAX_SAFE_INTEGER): Generator<ChatLogEntry> {
      return keysetPages(0, (after, limit) => pageOfUser.all({ user: userId, after, until: untilId, limit }), (e) => e.id);
    },
    /** How many lines a user's log has, their time range, and the last entry's id. */
    span(userId: number): { lines: number; firstAt: number | null; lastAt: number | null; lastId: number } {
      const row = spanOfUser.get(userId)!;
      return { lines: row.lines, firstAt: row.first_at, lastAt: row.last_at, lastId: row.last_id ?? 0 };
    },
    count(userId: number): number {
      return countOfUser.get(userId)!.n;
    },
    /** What a user sent as message #id (to describe a copy of it in the recipients' logs). */
    incoming(userId: number, messageId: number): ChatLogEntry | undefined {
      return incomingMessage.get({ user: userId, messageId });
    },
    erase(userId: number): number {
      return eraseUser.run(userId).changes;
    },
    /**
     * What the bot sent as message #id to this chat, in every line of it
     * (sent, then edited), becomes `content`: an erased person's question
     * relayed to an admin must not live on in the admin's chat log.
     */
    rewriteSent(userId: number, messageId: number, line: { kind: string; detail?: string; content: string }): number {
      return rewriteMessage.run({ user: userId, message: messageId, kind: line.kind, detail: line.detail ?? null, content: line.content }).changes;
    },
    /**
     * Every exact occurrence of `text` in anyone's conversation becomes
     * `replacement` ("Anna Ivanova, @anna (123)" on a person card → "#123").
     */
    forgetText(text: string, replacement: string): number {
      if (text === "") return 0;
      let changed = 0;
      for (const line of containing.all(text)) {
        rewrite.run({ id: line.id, content: line.content.split(text).join(replacement), detail: line.detail });
        changed++;
      }
      return changed;
    },
    /**
     * Replaces mentions of an erased person in everyone else's conversations
     * ("/delete_user @anna", "@anna (123) is now an admin") with "#123": their
     * name must not live on in the admins' chat logs. Only the exact mention,
     * with its "@", on word boundaries: the same word without "@" is someone
     * else's text.
     */
    forgetMentions(username: string, userId: number): number {
      const escaped = username.replace(/[^A-Za-z0-9_]/g, "\\$&");
      const mention = new RegExp(`(?<![A-Za-z0-9_@])@${escaped}(?![A-Za-z0-9_])(?: \\(${userId}\\))?`, "gi");
      let changed = 0;
      for (const line of mentioning.all({ mention: `@${username}` })) {
        const content = line.content.replace(mention, `#${userId}`);
        const detail = line.detail?.replace(mention, `#${userId}`) ?? null;
        if (content === line.content && detail === line.detail) continue;
        rewrite.run({ id: line.id, content, detail });
        changed++;
      }
      return changed;
    },
  };
}

export type ChatLogRepo = ReturnType<typeof createChatLogRepo>;
