import type { Db } from "../database.js";

export interface PromptRow {
  id: number;
  kind: string;
  payload: string;
  created_by: number;
  chat_id: number;
  created_at: number;
  resolved_at: number | null;
  resolution: string | null;
}

/**
 * Confirmations the bot asked for ("End wave Alpha and open Beta?"). The
 * button carries only the prompt's id; the prompt keeps its own arguments,
 * so each button acts on what its own message said, and a prompt is answered
 * once.
 */
export function createPromptsRepo(db: Db) {
  const insert = db.prepare<{ kind: string; payload: string; by: number; chat: number; at: number }>(
    `INSERT INTO prompts (kind, payload, created_by, chat_id, created_at) VALUES (@kind, @payload, @by, @chat, @at)`,
  );
  const byId = db.prepare<[number], PromptRow>(`SELECT * FROM prompts WHERE id = ?`);
  const resolve = db.prepare<{ id: number; resolution: string; at: number }>(
    `UPDATE prompts SET resolved_at = @at, resolution = @resolution WHERE id = @id AND resolved_at IS NULL`,
  );

  return {
    create(args: { kind: string; payload: unknown; by: number; chatId: number }, now = Date.now()): number {
      return Number(insert.run({ kind: args.kind, payload: JSON.stringify(args.payload), by: args.by, chat: args.chatId, at: now }).lastInsertRowid);
    },
    byId(id: number): PromptRow | undefined {
      return byId.get(id);
    },
    /** Marks the prompt answered; false when it already was (a second press, or a replay after a crash). */
    resolve(id: number, resolution: string, now = Date.now()): boolean {
      return resolve.run({ id, resolution, at: now }).changes === 1;
    },
  };
}

export type PromptsRepo = ReturnType<typeof createPromptsRepo>;
