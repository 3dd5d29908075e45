import type { MessageEntity } from "grammy/types";
import type { Db } from "../database.js";

export type BroadcastStatus = "draft" | "scheduled" | "sending" | "sent" | "stopped" | "cancelled";

/** Who an announcement goes to (besides organisers, when chosen): see src/db/repos/audiences.ts. */
export const AUDIENCES = ["everyone", "without_ticket", "with_ticket", "not_checked_in", "waiting"] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface BroadcastRow {
  id: number;
  kind: "text" | "copy";
  created_by: number;
  created_at: number;
  chat_id: number;
  source_message_id: number | null;
  text: string | null;
  entities: string | null;
  caption: string | null;
  caption_entities: string | null;
  summary: string;
  include_admins: number;
  audience: Audience;
  status: BroadcastStatus;
  /** When a scheduled announcement starts, who scheduled it and the language its delivery speaks to them. */
  scheduled_at: number | null;
  scheduled_by: number | null;
  locale: string | null;
  control_message_id: number | null;
  job_id: number | null;
}

export type NewBroadcast =
  | { kind: "text"; text: string; entities: MessageEntity[] }
  | { kind: "copy"; sourceMessageId: number; caption?: { text: string; entities: MessageEntity[] } };

export function createBroadcastsRepo(db: Db) {
  const insert = db.prepare<{
    kind: string;
    by: number;
    at: number;
    chat: number;
    source: number | null;
    text: string | null;
    entities: string | null;
    caption: string | null;
    captionEntities: string | null;
    summary: string;
  }>(
    `INSERT INTO broadcasts (kind, created_by, created_at, chat_id, source_message_id, text, entities, caption, caption_entities, summary, status)
     VALUES (@kind, @by, @at, @chat, @source, @text, @entities, @caption, @captionEntities, @summary, 'draft')`,
  );
  const byId = db.prepare<[number], BroadcastRow>(`SELECT * FROM broadcasts WHERE id = ?`);
  const setControl = db.prepare<{ id: number; message: number }>(`UPDATE broadcasts SET control_message_id = @message WHERE id = @id`);
  const toggleAdmins = db.prepare<[number]>(`UPDATE broadcasts SET include_admins = 1 - include_admins WHERE id = ? AND status = 'draft'`);
  const setStatus = db.prepare<{ id: number; from: string; to: string }>(`UPDATE broadcasts SET status = @to WHERE id = @id AND status = @from`);
  const setJob = db.prepare<{ id: number; job: number }>(`UPDATE broadcasts SET job_id = @job, status = 'sending' WHERE id = @id AND status = 'draft'`);
  const draftsOf = db.prepare<[number], BroadcastRow>(`SELECT * FROM broadcasts WHERE created_by = ? AND status = 'draft'`);
  const setAudience = db.prepare<{ id: number; audience: string }>(`UPDATE broadcasts SET audience = @audience WHERE id = @id AND status = 'draft'`);
  const schedule = db.prepare<{ id: number; at: number; by: number; locale: string }>(
    `UPDATE broadcasts SET status = 'scheduled', scheduled_at = @at, scheduled_by = @by, locale = @locale WHERE id = @id AND status = 'draft'`,
  );
  const startScheduled = db.prepare<{ id: number; job: number }>(`UPDATE broadcasts SET job_id = @job, status = 'sending' WHERE id = @id AND status = 'scheduled'`);
  const scheduled = db.prepare<[], BroadcastRow>(`SELECT * FROM broadcasts WHERE status = 'scheduled' ORDER BY scheduled_at, id`);
  const due = db.prepare<[number], BroadcastRow>(`SELECT * FROM broadcasts WHERE status = 'scheduled' AND scheduled_at <= ? ORDER BY scheduled_at, id`);

  return {
    createDraft(args: { by: number; chatId: number; summary: string; content: NewBroadcast }, now = Date.now()): BroadcastRow {
      const c = args.content;
      const id = Number(
        insert.run({
          kind: c.kind,
          by: args.by,
          at: now,
          chat: args.chatId,
          source: c.kind === "copy" ? c.sourceMessageId : null,
          text: c.kind === "text" ? c.text : null,
          entities: c.kind === "text" ? JSON.stringify(c.entities) : null,
          caption: c.kind === "copy" && c.caption ? c.caption.text : null,
          captionEntities: c.kind === "copy" && c.caption ? JSON.stringify(c.caption.entities) : null,
          summary: args.summary,
        }).lastInsertRowid,
      );
      return byId.get(id)!;
    },
    byId(id: number): BroadcastRow | undefined {
      return byId.get(id);
    },
    setControlMessage(id: number, messageId: number): void {
      setControl.run({ id, message: messageId });
    },
    toggleAdmins(id: number): boolean {
      return toggleAdmins.run(id).changes === 1;
    },
    /** draft → sending, linked to its delivery job; false if it was not a draft any more. */
    attachJob(id: number, jobId: number): boolean {
      return setJob.run({ id, job: jobId }).changes === 1;
    },
    transition(id: number, from: BroadcastStatus, to: BroadcastStatus): boolean {
      return setStatus.run({ id, from, to }).changes === 1;
    },
    draftsOf(adminId: number): BroadcastRow[] {
      return draftsOf.all(adminId);
    },
    setAudience(id: number, audience: Audience): boolean {
      return setAudience.run({ id, audience }).changes === 1;
    },
    /** draft → scheduled for `at`; false if it was not a draft any more. */
    schedule(id: number, args: { at: number; by: number; locale: string }): boolean {
      return schedule.run({ id, ...args }).changes === 1;
    },
    /** scheduled → sending, linked to its delivery job; false if it was cancelled or started meanwhile. */
    startScheduled(id: number, jobId: number): boolean {
      return startScheduled.run({ id, job: jobId }).changes === 1;
    },
    /** Announcements waiting for their moment, soonest first. */
    scheduled(): BroadcastRow[] {
      return scheduled.all();
    },
    /** Scheduled announcements whose moment has come (or passed while the bot was down). */
    due(now: number): BroadcastRow[] {
      return due.all(now);
    },
  };
}

export type BroadcastsRepo = ReturnType<typeof createBroadcastsRepo>;
