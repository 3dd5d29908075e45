/**
 * The Emulator facade: starts the HTTP server and exposes the test-side
 * controls (users, faults, inspection) over the shared World.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Message } from "grammy/types";
import { findBotCommands, fixText } from "./entities.js";
import { commandsKey } from "./methods/core.js";
import { ApiServer } from "./server.js";
import type {
  ApiCall,
  BotCommandRecord,
  BotMessage,
  Emulator,
  EmulatorOptions,
  EmulatorStats,
  Faults,
  SentDocument,
  SimUser,
  SimUserInit,
} from "./types.js";
import { SimUserImpl } from "./users.js";
import { apiView, type ChatState, World } from "./world.js";

const DEFAULT_GROUP_ID = { group: -4000000001, supergroup: -1001000000001 } as const;
const DEFAULT_CHANNEL_ID = -1002000000001;

class EmulatorImpl implements Emulator {
  readonly apiRoot: string;
  private closing?: Promise<void>;

  constructor(
    private readonly w: World,
    private readonly server: ApiServer,
    readonly port: number,
    host: string,
    private readonly localDir?: string,
  ) {
    this.apiRoot = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  }

  get token(): string {
    return this.w.token;
  }

  get botInfo() {
    return { id: this.w.bot.id, username: this.w.bot.username, firstName: this.w.bot.first_name };
  }

  get faults(): Faults {
    return this.w.faults;
  }

  get calls(): ApiCall[] {
    return this.w.calls;
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.w.updates.release();
      await this.server.close();
      for (const chat of this.w.chats.values()) {
        for (const waiter of chat.waiters) waiter.reject(new Error("Emulator closed"));
        chat.waiters.clear();
      }
      if (this.localDir) await rm(this.localDir, { recursive: true, force: true });
    })();
    return this.closing;
  }

  // ------------------------------------------------------------------ users

  user(init: SimUserInit = {}): SimUser {
    let id = init.id;
    if (id === undefined) {
      while (this.w.users.has(this.w.nextUserId)) this.w.nextUserId++;
      id = this.w.nextUserId++;
    } else if (this.w.users.has(id)) {
      throw new Error(`User ${id} already exists`);
    }
    const user = new SimUserImpl(this.w, { ...init, id });
    this.w.users.set(id, user);
    return user;
  }

  getUser(id: number): SimUser | undefined {
    const u = this.w.users.get(id);
    return u instanceof SimUserImpl ? u : undefined;
  }

  users(): SimUser[] {
    return [...this.w.users.values()].filter((u): u is SimUserImpl => u instanceof SimUserImpl);
  }

  // ------------------------------------------------------------- inspection

  stats(): EmulatorStats {
    return {
      byMethod: { ...this.w.statsByMethod },
      errors: { ...this.w.statsErrors },
      tooManyRequests: this.w.tooManyRequests,
    };
  }

  on(event: "call", fn: (c: ApiCall) => void): this;
  on(event: "botMessage", fn: (chatId: number, message: BotMessage) => void): this;
  on(event: string, fn: (...args: never[]) => void): this {
    this.w.events.on(event, fn as (...args: unknown[]) => void);
    return this;
  }

  off(event: "call" | "botMessage", fn: (...args: never[]) => void): this {
    this.w.events.off(event, fn as (...args: unknown[]) => void);
    return this;
  }

  waitForPolling(timeoutMs = 10_000): Promise<void> {
    if (this.w.updates.isPolling()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onPolling = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.w.updates.off("polling", onPolling);
        reject(new Error(`No getUpdates long poll arrived within ${timeoutMs} ms (is the bot running?)`));
      }, timeoutMs);
      this.w.updates.once("polling", onPolling);
    });
  }

  isPolling(): boolean {
    return this.w.updates.isPolling();
  }

  pendingUpdateCount(): number {
    return this.w.updates.pending();
  }

  lastUpdateId(): number | undefined {
    return this.w.updates.lastId();
  }

  openConnections(): number {
    return this.server.openConnections();
  }

  simulateConflict(ms: number): void {
    this.w.updates.simulateConflict(ms);
  }

  chatMessages(chatId: number): BotMessage[] {
    return this.w.chats.get(chatId)?.botMessages ?? [];
  }

  commands(scope?: object, languageCode?: string): BotCommandRecord[] {
    return this.w.commands.get(commandsKey(scope, languageCode)) ?? [];
  }

  description(languageCode = ""): string | undefined {
    return this.w.descriptions.get(languageCode);
  }

  shortDescription(languageCode = ""): string | undefined {
    return this.w.shortDescriptions.get(languageCode);
  }

  menuButton(chatId?: number): unknown {
    return this.w.menuButtons.get(chatId === undefined ? "" : String(chatId));
  }

  fileContent(fileId: string): Buffer | undefined {
    return this.w.files.get(fileId)?.data;
  }

  sentDocuments(): SentDocument[] {
    return [...this.w.sentDocuments];
  }

  // ----------------------------------------------------------- group/channel

  private textContent(text: string): Partial<Message> {
    const t = fixText(text, []) ?? { text, entities: findBotCommands(text) };
    return t.entities.length > 0 ? { text: t.text, entities: t.entities } : { text: t.text };
  }

  private post(chat: ChatState, type: string, msg: Record<string, unknown>): Message {
    const message = msg as unknown as Message;
    chat.messages.set(message.message_id, message);
    this.w.enqueue(type, structuredClone(message));
    return structuredClone(message);
  }

  sendChannelPost(text: string, opts: { chatId?: number; title?: string } = {}): Message {
    const chat = this.w.ensureChat(opts.chatId ?? DEFAULT_CHANNEL_ID, "channel", { title: opts.title ?? "Test Channel" });
    const chatObj = this.w.chatObject(chat);
    return this.post(chat, "channel_post", {
      message_id: this.w.nextMessageId(chat),
      sender_chat: chatObj,
      chat: chatObj,
      date: Math.floor(Date.now() / 1000),
      ...this.textContent(text),
    });
  }

  sendGroupMessage(
    from: SimUser,
    text: string,
    type: "group" | "supergroup" = "group",
    opts: { chatId?: number; title?: string; replyTo?: number } = {},
  ): Message {
    const user = this.w.users.get(from.id);
    if (!user) throw new Error(`Unknown user ${from.id}`);
    const chat = this.w.ensureChat(opts.chatId ?? DEFAULT_GROUP_ID[type], type, {
      title: opts.title ?? (type === "group" ? "Test Group" : "Test Supergroup"),
    });
    let replyTo: Record<string, unknown> | undefined;
    if (opts.replyTo !== undefined) {
      const target = chat.messages.get(opts.replyTo);
      if (!target) throw new Error(`Cannot reply: message ${opts.replyTo} does not exist in chat ${chat.id}`);
      replyTo = { ...apiView(target) } as Record<string, unknown>;
      delete replyTo.reply_to_message;
    }
    return this.post(chat, "message", {
      message_id: this.w.nextMessageId(chat),
      from: this.w.userObject(user),
      chat: this.w.chatObject(chat),
      date: Math.floor(Date.now() / 1000),
      ...this.textContent(text),
      ...(replyTo ? { reply_to_message: replyTo } : {}),
    });
  }
}

export async function startEmulator(opts: EmulatorOptions): Promise<Emulator> {
  if (!opts.token) throw new Error("startEmulator: token is required");
  const localDir = opts.localMode ? await mkdtemp(path.join(tmpdir(), "tg-emulator-")) : undefined;
  const world = new World(opts, localDir);
  const server = new ApiServer(world);
  const host = opts.host ?? "127.0.0.1";
  const port = await server.listen(host, opts.port ?? 0);
  return new EmulatorImpl(world, server, port, host, localDir);
}
