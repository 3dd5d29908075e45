import type { Db } from "../database.js";

export interface RelayRow {
  id: number;
  user_id: number;
  created_at: number;
  due_at: number;
  sent_at: number | null;
  answered_at: number | null;
  answered_by: number | null;
}

export interface QuestionRow {
  id: number;
  relay_id: number;
  user_id: number;
  message_id: number;
  kind: string;
  /** The kind's detail (a file name): see src/telegram/describe.ts. */
  detail: string | null;
  content: string;
  at: number;
  acknowledged: number;
}

export interface RelayMessageRow {
  chat_id: number;
  message_id: number;
  relay_id: number;
  role: "card" | "copy";
}

/**
 * Questions to the organisers: each participant's message (questions), what
 * carries them to the organisers (relays: one question, or a batch), where a
 * relay went (relay_targets) and the bot's messages there (relay_messages).
 */
export function createQuestionsRepo(db: Db) {
  const insertRelay = db.prepare<{ user: number; at: number; due: number }>(
    `INSERT INTO relays (user_id, created_at, due_at) VALUES (@user, @at, @due)`,
  );
  const relayById = db.prepare<[number], RelayRow>(`SELECT * FROM relays WHERE id = ?`);
  const openBatch = db.prepare<{ user: number; now: number }, RelayRow>(
    `SELECT * FROM relays WHERE user_id = @user AND sent_at IS NULL AND due_at > @now ORDER BY id DESC LIMIT 1`,
  );
  // Relays released (due) within the window: what the rate limit counts.
  const releasedSince = db.prepare<{ user: number; from: number; now: number }, { due_at: number }>(
    `SELECT due_at FROM relays WHERE user_id = @user AND due_at > @from AND due_at <= @now ORDER BY due_at DESC`,
  );
  const insertQuestion = db.prepare<{ relay: number; user: number; message: number; kind: string; detail: string | null; content: string; at: number; ack: number }>(
    `INSERT INTO questions (relay_id, user_id, message_id, kind, detail, content, at, acknowledged) VALUES (@relay, @user, @message, @kind, @detail, @content, @at, @ack)`,
  );
  const lastAck = db.prepare<[number], { at: number | null }>(`SELECT MAX(at) AS at FROM questions WHERE user_id = ? AND acknowledged = 1`);
  const questionsOf = db.prepare<[number], QuestionRow>(`SELECT * FROM questions WHERE relay_id = ? ORDER BY id`);
  const questionsOfUser = db.prepare<[number], QuestionRow & { answered_at: number | null; answered_by: number | null }>(`
    SELECT q.*, r.answered_at, r.answered_by FROM questions q JOIN relays r ON r.id = q.relay_id WHERE q.user_id = ? ORDER BY q.id
  `);
  const due = db.prepare<{ now: number; limit: number }, RelayRow>(
    `SELECT * FROM relays WHERE sent_at IS NULL AND due_at <= @now ORDER BY due_at, id LIMIT @limit`,
  );
  const nextDue = db.prepare<[], { due_at: number | null }>(`SELECT MIN(due_at) AS due_at FROM relays WHERE sent_at IS NULL`);
  const markSent = db.prepare<{ id: number; at: number }>(`UPDATE relays SET sent_at = @at WHERE id = @id AND sent_at IS NULL`);
  const markAnswered = db.prepare<{ id: number; by: number; at: number }>(`UPDATE relays SET answered_at = @at, answered_by = @by WHERE id = @id`);
  const insertTarget = db.prepare<{ relay: number; chat: number; status: string; error: string | null; at: number }>(
    `INSERT INTO relay_targets (relay_id, chat_id, status, error, at) VALUES (@relay, @chat, @status, @error, @at)
     ON CONFLICT (relay_id, chat_id) DO UPDATE SET status = excluded.status, error = excluded.error, at = excluded.at`,
  );
  const targetsOf = db.prepare<[number], { chat_id: number; status: "sent" | "failed" }>(`SELECT chat_id, status FROM relay_targets WHERE relay_id = ?`);
  const insertMessage = db.prepare<{ chat: number; message: number; relay: number; role: string }>(
    `INSERT OR REPLACE INTO relay_messages (chat_id, message_id, relay_id, role) VALUES (@chat, @message, @relay, @role)`,
  );
  const messageAt = db.prepare<{ chat: number; message: number }, RelayMessageRow>(
    `SELECT * FROM relay_messages WHERE chat_id = @chat AND message_id = @message`,
  );
  const messagesOf = db.prepare<[number], RelayMessageRow>(`SELECT * FROM relay_messages WHERE relay_id = ? ORDER BY chat_id, message_id`);
  const messagesOfUser = db.prepare<[number], RelayMessageRow>(
    `SELECT m.* FROM relay_messages m JOIN relays r ON r.id = m.relay_id WHERE r.user_id = ?`,
  );
  const eraseQuestions = db.prepare<[number]>(`DELETE FROM questions WHERE user_id = ?`);
  const closeUnsent = db.prepare<{ user: number; at: number }>(`UPDATE relays SET sent_at = @at WHERE user_id = @user AND sent_at IS NULL`);

  return {
    relay(id: number): RelayRow | undefined {
      return relayById.get(id);
    },
    /** The participant's batch still waiting for its minute, if any. */
    openBatch(userId: number, now = Date.now()): RelayRow | undefined {
      return openBatch.get({ user: userId, now });
    },
    /** When this person's relays within (now - windowMs, now] went out, newest first. */
    releasedSince(userId: number, windowMs: number, now = Date.now()): number[] {
      return releasedSince.all({ user: userId, from: now - windowMs, now }).map((r) => r.due_at);
    },
    createRelay(userId: number, dueAt: number, now = Date.now()): RelayRow {
      return relayById.get(Number(insertRelay.run({ user: userId, at: now, due: dueAt }).lastInsertRowid))!;
    },
    addQuestion(
      args: { relayId: number; userId: number; messageId: number; kind: string; detail?: string | undefined; content: string; acknowledged: boolean },
      now = Date.now(),
    ): number {
      const row = { relay: args.relayId, user: args.userId, message: args.messageId, kind: args.kind, detail: args.detail ?? null, content: args.content };
      return Number(insertQuestion.run({ ...row, at: now, ack: args.acknowledged ? 1 : 0 }).lastInsertRowid);
    },
    /** When this person was last told their message went to the organisers. */
    lastAcknowledged(userId: number): number | null {
      return lastAck.get(userId)!.at;
    },
    questionsOf(relayId: number): QuestionRow[] {
      return questionsOf.all(relayId);
    },
    /** Every question of a person, with whether and when it was answered (/mydata). */
    questionsOfUser(userId: number): Array<QuestionRow & { answered_at: number | null; answered_by: number | null }> {
      return questionsOfUser.all(userId);
    },
    due(limit: number, now = Date.now()): RelayRow[] {
      return due.all({ now, limit });
    },
    /** The earliest due time of a relay not sent yet (undefined: nothing waits). */
    nextDue(): number | undefined {
      return nextDue.get()!.due_at ?? undefined;
    },
    markSent(relayId: number, now = Date.now()): boolean {
      return markSent.run({ id: relayId, at: now }).changes === 1;
    },
    markAnswered(relayId: number, by: number, now = Date.now()): void {
      markAnswered.run({ id: relayId, by, at: now });
    },
    recordTarget(relayId: number, chatId: number, status: "sent" | "failed", error: string | null, now = Date.now()): void {
      insertTarget.run({ relay: relayId, chat: chatId, status, error: error?.slice(0, 300) ?? null, at: now });
    },
    targetsOf(relayId: number): Array<{ chat_id: number; status: "sent" | "failed" }> {
      return targetsOf.all(relayId);
    },
    recordMessage(relayId: number, chatId: number, messageId: number, role: "card" | "copy"): void {
      insertMessage.run({ chat: chatId, message: messageId, relay: relayId, role });
    },
    /** The relay a message in an organisers' chat belongs to (an admin replied to it). */
    messageAt(chatId: number, messageId: number): RelayMessageRow | undefined {
      return messageAt.get({ chat: chatId, message: messageId });
    },
    messagesOf(relayId: number): RelayMessageRow[] {
      return messagesOf.all(relayId);
    },
    /** Every message the bot sent organisers about this person's questions (an erasure rewrites their chat-log lines). */
    messagesOfUser(userId: number): RelayMessageRow[] {
      return messagesOfUser.all(userId);
    },
    /** An erasure: what the person wrote goes; their relays keep the id only, and none is sent any more. */
    eraseUser(userId: number, now = Date.now()): number {
      closeUnsent.run({ user: userId, at: now });
      return eraseQuestions.run(userId).changes;
    },
  };
}

export type QuestionsRepo = ReturnType<typeof createQuestionsRepo>;
