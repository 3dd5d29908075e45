import type { Api, InlineKeyboard } from "grammy";
import type { Logger } from "../logger.js";

/**
 * One progress message per job, edited in place. Updates arrive faster than
 * Telegram lets a chat be edited (about once a second), so only the latest
 * text is kept while an edit is on its way: the admin sees current figures
 * and the engine never waits for them.
 */
export class ProgressMessage {
  private latest: { text: string; keyboard: InlineKeyboard | undefined } | undefined;
  private shown: string | undefined;
  private busy: Promise<void> | undefined;

  constructor(
    private readonly api: Api,
    private readonly chatId: number,
    private messageId: number | null,
    private readonly onCreated: (messageId: number) => void,
    private readonly logger: Logger,
  ) {}

  update(text: string, keyboard?: InlineKeyboard): void {
    this.latest = { text, keyboard };
    if (!this.busy) this.busy = this.flush();
  }

  /** Waits until the latest text is on screen. */
  async settle(): Promise<void> {
    while (this.busy) await this.busy;
  }

  private async flush(): Promise<void> {
    while (this.latest) {
      const { text, keyboard } = this.latest;
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
    }
    this.busy = undefined;
  }
}
