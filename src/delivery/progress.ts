import type { Api, InlineKeyboard } from "grammy";
import type { Logger } from "../logger.js";

type Text = string | (() => string);

/**
 * Intermediate updates are at least this far apart. A person reads progress
 * every few seconds at most, and an admin chat kept well under Telegram's
 * ~1 message/s per chat has room at the end for the final edit and the
 * summary without a 429 (which costs a whole second each).
 */
const MIN_INTERVAL_MS = 3000;

/**
 * One progress message per job, edited in place. Updates arrive faster than
 * it is worth editing, so only the latest text is kept while an edit is on
 * its way or the interval has not passed: the admin sees current figures and
 * the engine never waits for them. `settle()` (the final text) skips the
 * interval.
 */
export class ProgressMessage {
  private latest: { text: Text; keyboard: InlineKeyboard | undefined } | undefined;
  private shown: string | undefined;
  private busy: Promise<void> | undefined;
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private urgent = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly api: Api,
    private readonly chatId: number,
    private messageId: number | null,
    private readonly onCreated: (messageId: number) => void,
    private readonly logger: Logger,
    private readonly minIntervalMs = MIN_INTERVAL_MS,
  ) {}

  /** `text` may be a function: it is then rendered only when an edit is really sent, with the figures of that moment. */
  update(text: Text, keyboard?: InlineKeyboard): void {
    this.latest = { text, keyboard };
    if (!this.busy) this.busy = this.flush();
  }

  /** Shows the latest text now, without waiting for the interval, and waits until it is on screen. */
  async settle(): Promise<void> {
    this.urgent = true;
    this.wake?.();
    while (this.busy) await this.busy;
  }

  private async flush(): Promise<void> {
    while (this.latest) {
      const wait = this.lastSentAt + this.minIntervalMs - performance.now();
      if (wait > 0 && !this.urgent) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, wait);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
      }
      const { keyboard } = this.latest;
      const text = typeof this.latest.text === "function" ? this.latest.text() : this.latest.text;
      this.latest = undefined;
      if (text === this.shown) continue;
      try {
        const markup = keyboard ? { reply_markup: keyboard } : {};
        if (this.messageId === null) {
          const message = await this.api.sendMessage(this.chatId, text, markup);
          this.messageId = message.message_id;
          this.onCreated(message.message_id);
        } else {
          await this.api.editMessageText(this.chatId, this.messageId, text, markup);
        }
        this.shown = text;
      } catch (error) {
        // A lost progress update is not worth failing a delivery over.
        this.logger.debug({ err: error }, "progress message not updated");
      }
      this.lastSentAt = performance.now();
    }
    this.busy = undefined;
  }
}
