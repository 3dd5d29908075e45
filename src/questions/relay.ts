import { GrammyError, HttpError, InlineKeyboard, InputFile, type Api } from "grammy";
import type { Message, MessageEntity } from "grammy/types";
import type { Config } from "../config.js";
import type { Repos } from "../db/repos/index.js";
import type { QuestionRow, RelayRow } from "../db/repos/questions.js";
import type { UserRow } from "../db/repos/users.js";
import { localeFor, type Translate } from "../i18n.js";
import type { Logger } from "../logger.js";
import { showPerson, showUser } from "../people/user-ref.js";
import { clampText, fitList, MAX_CAPTION, MAX_TEXT } from "../telegram/limits.js";
import { formatClock } from "../time.js";
import { relayButtons } from "./buttons.js";
import { chatLogText } from "../reports/markers.js";

/** What the use-case layer asks of the relay (src/questions/operations.ts). */
export interface RelayControl {
  /**
   * Questions were stored: sends whatever is due now and sets the wake-up
   * for the next batch; resolves when this round is over.
   */
  kick(): Promise<void>;
  /** An organiser's reply, to the participant, quoted under their question. */
  sendAnswer(args: { user: UserRow; quote: number; fromChatId: number; message: Message }): Promise<{ ok: true } | { ok: false; description: string }>;
  /** The relay was answered: every copy of it shows so (in the background). */
  markAnswered(relayId: number): void;
  /** A batch's files copied into a chat; how many. */
  copyFiles(relayId: number, chatId: number): Promise<number>;
}

export interface RelayDeps {
  config: Pick<Config, "SUPPORT_CHAT_ID" | "DEFAULT_LOCALE" | "TIME_ZONE">;
  repos: Repos;
  /** The bot's Api (the shared outbound gate paces it; it retries 429 and 5xx itself). */
  api: Api;
  translate(locale: string): Translate;
  /** Owners and admins now: where questions go without SUPPORT_CHAT_ID. */
  adminIds(): number[];
  logger: Logger;
}

/** Message kinds that carry a caption: an answer sent as a copy of one gets the organisers' heading in it. */
const CAPTIONED: ReadonlyArray<keyof Message> = ["photo", "video", "document", "audio", "voice", "animation"];
const RETRY_MS = 10_000;

/**
 * Carries questions to the organisers, in the background: every relay due
 * (now, or a batch whose minute is over) goes to SUPPORT_CHAT_ID, or to each
 * owner's and admin's private chat; when the support chat refuses for good
 * (the bot was removed from it), to the admins instead. Each relay is one
 * message, the "card" (who asked, what, a button to their person card); a
 * single photo, voice message or file is copied first and the card replies
 * to it. Every chat reached is recorded at once, so after a crash a relay
 * goes again only to the chats it had not reached; the Telegram failures
 * that may pass (network, Telegram's own errors) are tried again in 10 s.
 */
export class RelayService implements RelayControl {
  private running: Promise<void> | undefined;
  private again = false;
  private started = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private retryAt = 0;

  constructor(private readonly deps: RelayDeps) {}

  /** From now on relays go out (main.ts; a bot built by tests without starting it relays nothing). */
  start(): void {
    this.started = true;
    void this.kick();
  }

  kick(): Promise<void> {
    if (!this.started || this.stopped) return Promise.resolve();
    if (this.running) {
      // The round under way goes once more, and so sends what was just stored.
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Shutdown: the relay being sent finishes; what is still due goes at the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private async loop(): Promise<void> {
    try {
      do {
        this.again = false;
        await this.sendDue();
      } while (this.again && !this.stopped);
    } catch (error) {
      this.deps.logger.error({ err: error }, "relaying questions failed; trying again soon");
      this.retryAt = Date.now() + RETRY_MS;
    }
    this.schedule();
  }

  /** Wakes up when the next batch is due (or the retry after a failure). */
  private schedule(): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    const next = this.deps.repos.questions.nextDue();
    if (next === undefined) return;
    const at = Math.max(next, this.retryAt);
    this.timer = setTimeout(() => void this.kick(), Math.max(0, at - Date.now()) + 20);
    this.timer.unref();
  }

  private async sendDue(): Promise<void> {
    if (Date.now() < this.retryAt) return;
    for (;;) {
      const due = this.deps.repos.questions.due(20);
      if (due.length === 0) return;
      for (const relay of due) {
        if (this.stopped) return;
        if (!(await this.sendRelay(relay))) {
          this.retryAt = Date.now() + RETRY_MS;
          return;
        }
      }
    }
  }

  /** One relay to every chat it has not reached yet; false when a failure that may pass stopped it. */
  private async sendRelay(relay: RelayRow): Promise<boolean> {
    const { repos, config, logger } = this.deps;
    const asked = repos.questions.questionsOf(relay.id);
    const person = repos.users.findById(relay.user_id);
    if (asked.length === 0 || !person || person.deleted_at !== null) {
      repos.questions.markSent(relay.id);
      return true;
    }
    const support = config.SUPPORT_CHAT_ID;
    const reached = new Map(repos.questions.targetsOf(relay.id).map((t) => [t.chat_id, t.status]));
    const tryChats = async (chats: readonly number[]): Promise<boolean> => {
      for (const chatId of chats) {
        if (reached.has(chatId)) continue;
        const outcome = await this.deliverTo(chatId, relay, person, asked);
        if (outcome === "retry") return false;
        reached.set(chatId, outcome);
      }
      return true;
    };
    if (!(await tryChats(support !== undefined ? [support] : this.deps.adminIds()))) return false;
    if (support !== undefined && reached.get(support) === "failed") {
      logger.warn({ chat_id: support }, "SUPPORT_CHAT_ID refused a question; it goes to the admins' private chats");
      if (!(await tryChats(this.deps.adminIds()))) return false;
    }
    if (![...reached.values()].includes("sent")) logger.error({ relay_id: relay.id }, "a question reached no organiser (it stays in the database and the chat log)");
    repos.questions.markSent(relay.id);
    return true;
  }

  private translateFor(chatId: number): Translate {
    const language = chatId > 0 ? this.deps.repos.users.findById(chatId)?.language_code : undefined;
    return this.deps.translate(localeFor(language, this.deps.config.DEFAULT_LOCALE));
  }

  /** The relay in one chat: "sent", "failed" for good (recorded), or "retry" later. */
  private async deliverTo(chatId: number, relay: RelayRow, person: UserRow, asked: QuestionRow[]): Promise<"sent" | "failed" | "retry"> {
    const { api, repos, logger } = this.deps;
    const t = this.translateFor(chatId);
    try {
      const single = asked.length === 1 ? asked[0]! : undefined;
      let copyId: number | undefined;
      if (single && single.kind !== "text") {
        try {
          copyId = (await api.copyMessage(chatId, relay.user_id, single.message_id)).message_id;
          repos.questions.recordMessage(relay.id, chatId, copyId, "copy");
        } catch (error) {
          // The participant deleted it meanwhile: the card alone says what it was.
          if (!(error instanceof GrammyError) || error.error_code !== 400 || /chat not found/i.test(error.description)) throw error;
        }
      }
      const card = this.card(t, relay, person, asked);
      const sent = await api.sendMessage(chatId, card.text, {
        reply_markup: card.keyboard,
        ...(copyId !== undefined ? { reply_parameters: { message_id: copyId, allow_sending_without_reply: true } } : {}),
      });
      repos.questions.recordMessage(relay.id, chatId, sent.message_id, "card");
      if (card.fullList) {
        const file = await api.sendDocument(chatId, new InputFile(Buffer.from(card.fullList.join("\n") + "\n", "utf8"), `questions-${person.id}-${relay.id}.txt`), {
          caption: t("relay-full-list-caption", { count: card.fullList.length }),
          reply_parameters: { message_id: sent.message_id, allow_sending_without_reply: true },
        });
        repos.questions.recordMessage(relay.id, chatId, file.message_id, "copy");
      }
      repos.questions.recordTarget(relay.id, chatId, "sent", null);
      return "sent";
    } catch (error) {
      if (error instanceof GrammyError && error.error_code >= 400 && error.error_code < 500 && error.error_code !== 429) {
        logger.warn({ chat_id: chatId, relay_id: relay.id, error: error.description }, "a question could not be relayed to this chat");
        repos.questions.recordTarget(relay.id, chatId, "failed", error.description);
        return "failed";
      }
      if (error instanceof GrammyError || error instanceof HttpError) {
        logger.warn({ err: error, chat_id: chatId, relay_id: relay.id }, "relaying a question failed for now; trying again");
        return "retry";
      }
      throw error;
    }
  }

  /**
   * The card: who asked (name, @username, id) and what — one message, or a
   * batch with the time of each — and, once answered, by whom and when.
   * Always within Telegram's limit; a batch that does not fit ends with
   * "… and N more" and comes whole as a .txt file.
   */
  private card(t: Translate, relay: RelayRow, person: UserRow, asked: QuestionRow[]): { text: string; keyboard: InlineKeyboard; fullList?: string[] } {
    const zone = this.deps.config.TIME_ZONE;
    const who = showPerson(person);
    const answered = relay.answered_at !== null && relay.answered_by !== null ? this.answeredLine(t, relay.answered_by, relay.answered_at) : undefined;
    const tail = answered ?? "";
    const keyboard = new InlineKeyboard().text(t("relay-button-card"), relayButtons.data("card", person.id));
    const files = asked.filter((q) => q.kind !== "text").length;
    let text: string;
    let fullList: string[] | undefined;
    if (asked.length === 1) {
      const head = t("relay-card-title", { person: who });
      const room = MAX_TEXT - head.length - tail.length - 4;
      text = [head, clampText(chatLogText(asked[0]!, t), room), tail].filter((part) => part !== "").join("\n\n");
    } else {
      const lines = asked.map((q) => `${formatClock(q.at, zone)} ${chatLogText(q, t)}`);
      const fitted = fitList({ head: t("relay-card-batch", { person: who, count: asked.length }), lines, tail, more: (count) => t("list-and-more", { count }) });
      text = fitted.text;
      if (fitted.omitted > 0) fullList = lines;
      if (files > 0) keyboard.row().text(t("relay-button-files", { count: files }), relayButtons.data("files", relay.id));
    }
    return { text: clampText(text, MAX_TEXT), keyboard, ...(fullList ? { fullList } : {}) };
  }

  private answeredLine(t: Translate, by: number, at: number): string {
    const admin = this.deps.repos.users.findById(by);
    return t("relay-answered", { admin: admin ? showUser(admin) : String(by), time: formatClock(at, this.deps.config.TIME_ZONE), zone: this.deps.config.TIME_ZONE });
  }

  markAnswered(relayId: number): void {
    void this.refreshCards(relayId).catch((error: unknown) => this.deps.logger.warn({ err: error, relay_id: relayId }, "could not mark a question answered"));
  }

  private async refreshCards(relayId: number): Promise<void> {
    const { repos, api } = this.deps;
    const relay = repos.questions.relay(relayId);
    const person = relay ? repos.users.findById(relay.user_id) : undefined;
    const asked = relay ? repos.questions.questionsOf(relay.id) : [];
    if (!relay || !person || asked.length === 0) return;
    for (const message of repos.questions.messagesOf(relayId)) {
      if (message.role !== "card") continue;
      const card = this.card(this.translateFor(message.chat_id), relay, person, asked);
      try {
        await api.editMessageText(message.chat_id, message.message_id, card.text, { reply_markup: card.keyboard });
      } catch (error) {
        // Deleted by an admin, or already showing exactly this: nothing to mark.
        if (!(error instanceof GrammyError) || error.error_code !== 400) throw error;
      }
    }
  }

  async sendAnswer(args: { user: UserRow; quote: number; fromChatId: number; message: Message }): Promise<{ ok: true } | { ok: false; description: string }> {
    const { api, translate, config } = this.deps;
    const t = translate(localeFor(args.user.language_code, config.DEFAULT_LOCALE));
    const header = t("answer-header");
    const shift = header.length + 2;
    const reply = { reply_parameters: { message_id: args.quote, allow_sending_without_reply: true } };
    const shifted = (entities: MessageEntity[] | undefined, length: number) =>
      (entities ?? []).filter((e) => e.offset + e.length <= length).map((e) => ({ ...e, offset: e.offset + shift }));
    try {
      const { message } = args;
      if (message.text !== undefined) {
        const body = clampText(message.text, MAX_TEXT - shift);
        await api.sendMessage(args.user.id, `${header}\n\n${body}`, { entities: shifted(message.entities, body.length), ...reply });
      } else if (CAPTIONED.some((kind) => message[kind] !== undefined)) {
        const body = message.caption ? clampText(message.caption, MAX_CAPTION - shift) : "";
        await api.copyMessage(args.user.id, args.fromChatId, message.message_id, {
          caption: body ? `${header}\n\n${body}` : header,
          caption_entities: shifted(message.caption_entities, body.length),
          ...reply,
        });
      } else {
        await api.copyMessage(args.user.id, args.fromChatId, message.message_id, reply);
      }
      return { ok: true };
    } catch (error) {
      if (error instanceof GrammyError) return { ok: false, description: error.description };
      throw error;
    }
  }

  async copyFiles(relayId: number, chatId: number): Promise<number> {
    const { repos, api } = this.deps;
    const relay = repos.questions.relay(relayId);
    if (!relay) return 0;
    let copied = 0;
    for (const question of repos.questions.questionsOf(relayId)) {
      if (question.kind === "text") continue;
      try {
        const copy = await api.copyMessage(chatId, relay.user_id, question.message_id);
        repos.questions.recordMessage(relayId, chatId, copy.message_id, "copy");
        copied++;
      } catch (error) {
        if (!(error instanceof GrammyError) || error.error_code !== 400) throw error;
      }
    }
    return copied;
  }
}
