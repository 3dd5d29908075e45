import type { MessageEntity } from "grammy/types";
import type { Db } from "../database.js";

export type BroadcastStatus = "draft" | "sending" | "sent" | "stopped" | "cancelled";

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
  status: BroadcastStatus;
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
  };
}

export type BroadcastsRepo = ReturnType<typeof createBroadcastsRepo>;
