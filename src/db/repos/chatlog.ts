import type { Db } from "../database.js";

export interface ChatLogEntry {
  id: number;
  at: number;
  user_id: number;
  direction: "in" | "out";
  kind: string;
  message_id: number | null;
  content: string;
}

/** Every message of a user and of the bot to them, in both directions (SPEC §9). */
export function createChatLogRepo(db: Db) {
  const insert = db.prepare<{ at: number; user: number; direction: string; kind: string; messageId: number | null; content: string }>(
    `INSERT INTO chat_log (at, user_id, direction, kind, message_id, content)
     VALUES (@at, @user, @direction, @kind, @messageId, @content)`,
  );
  const ofUser = db.prepare<[number], ChatLogEntry>(`SELECT * FROM chat_log WHERE user_id = ? ORDER BY id`);
  const countOfUser = db.prepare<[number], { n: number }>(`SELECT COUNT(*) AS n FROM chat_log WHERE user_id = ?`);
  const incomingMessage = db.prepare<{ user: number; messageId: number }, ChatLogEntry>(
    `SELECT * FROM chat_log WHERE user_id = @user AND message_id = @messageId AND direction = 'in' ORDER BY id DESC LIMIT 1`,
  );
  const eraseUser = db.prepare<[number]>(`DELETE FROM chat_log WHERE user_id = ?`);

  return {
    record(entry: { userId: number; direction: "in" | "out"; kind: string; messageId?: number | undefined; content: string }, now = Date.now()): void {
      insert.run({
        at: now,
        user: entry.userId,
        direction: entry.direction,
        kind: entry.kind,
        messageId: entry.messageId ?? null,
        content: entry.content,
      });
    },
    /** Streams a user's whole conversation without loading it into memory. */
    iterate(userId: number): IterableIterator<ChatLogEntry> {
      return ofUser.iterate(userId);
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
  };
}

export type ChatLogRepo = ReturnType<typeof createChatLogRepo>;
