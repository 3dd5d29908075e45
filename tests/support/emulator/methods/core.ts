/** Bot-level methods: identity, webhook stubs, polling, commands, descriptions, menu button. */
import { Errors } from "../errors.js";
import type { BotCommandRecord } from "../types.js";
import type { HandlerTable } from "./context.js";

/** JSON with sorted keys, so equal scopes map to the same key whatever the key order. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  if (v && typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(",")}}`;
  }
  return JSON.stringify(v);
}

export function commandsKey(scope: unknown, languageCode: string | undefined): string {
  return `${canonicalJson(scope ?? { type: "default" })}|${languageCode ?? ""}`;
}

const badScope = () => Errors.badParam("can't parse BotCommandScope JSON object");

export const coreMethods: HandlerTable = {
  getMe: ({ w }) => ({
    ...w.bot,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
  }),

  logOut: () => true,
  close: () => true,

  deleteWebhook: ({ w, p }) => {
    if (p.bool("drop_pending_updates")) w.updates.clear();
    return true;
  },

  getWebhookInfo: ({ w }) => ({
    url: "",
    has_custom_certificate: false,
    pending_update_count: w.updates.pending(),
  }),

  getUpdates: ({ w, p, signal }) => {
    const limitRaw = p.int("limit") ?? 100;
    // Out-of-range limits fall back to the maximum, as the Bot API does.
    const limit = limitRaw < 1 || limitRaw > 100 ? 100 : limitRaw;
    const timeout = Math.min(50, Math.max(0, p.int("timeout") ?? 0));
    const allowedRaw = p.json("allowed_updates", () => Errors.badParam("can't parse allowed updates JSON"));
    const allowed = Array.isArray(allowedRaw) ? allowedRaw.filter((x): x is string => typeof x === "string") : undefined;
    return w.updates.getUpdates({ offset: p.int("offset"), limit, timeoutSec: timeout, allowed }, signal);
  },

  setMyCommands: ({ w, p }) => {
    const raw = p.json("commands", () => Errors.badParam("can't parse commands JSON object"));
    if (!Array.isArray(raw)) throw Errors.badParam("parameter \"commands\" is required");
    if (raw.length > 100) throw Errors.badParam("too many commands");
    const commands: BotCommandRecord[] = raw.map((c: unknown) => {
      const o = (c ?? {}) as Record<string, unknown>;
      const command = typeof o.command === "string" ? o.command.replace(/^\//, "") : "";
      const description = typeof o.description === "string" ? o.description : "";
      if (!/^[a-z0-9_]{1,32}$/.test(command)) throw Errors.commandInvalid();
      if (description.trim().length === 0 || description.length > 256) throw Errors.commandDescriptionInvalid();
      return { command, description };
    });
    const key = commandsKey(p.json("scope", badScope), p.str("language_code"));
    if (commands.length === 0) w.commands.delete(key);
    else w.commands.set(key, commands);
    return true;
  },

  deleteMyCommands: ({ w, p }) => {
    w.commands.delete(commandsKey(p.json("scope", badScope), p.str("language_code")));
    return true;
  },

  getMyCommands: ({ w, p }) => w.commands.get(commandsKey(p.json("scope", badScope), p.str("language_code"))) ?? [],

  setMyDescription: ({ w, p }) => {
    const d = p.str("description") ?? "";
    if (d.length > 512) throw Errors.descriptionTooLong();
    const lang = p.str("language_code") ?? "";
    if (d === "") w.descriptions.delete(lang);
    else w.descriptions.set(lang, d);
    return true;
  },

  getMyDescription: ({ w, p }) => ({ description: w.descriptions.get(p.str("language_code") ?? "") ?? "" }),

  setMyShortDescription: ({ w, p }) => {
    const d = p.str("short_description") ?? "";
    if (d.length > 120) throw Errors.descriptionTooLong();
    const lang = p.str("language_code") ?? "";
    if (d === "") w.shortDescriptions.delete(lang);
    else w.shortDescriptions.set(lang, d);
    return true;
  },

  getMyShortDescription: ({ w, p }) => ({
    short_description: w.shortDescriptions.get(p.str("language_code") ?? "") ?? "",
  }),

  setChatMenuButton: ({ w, p }) => {
    const button = p.json("menu_button", () => Errors.badParam("can't parse menu button JSON object")) ?? {
      type: "default",
    };
    const chatId = p.int("chat_id");
    if (chatId !== undefined) w.resolveChat(chatId);
    w.menuButtons.set(chatId === undefined ? "" : String(chatId), button);
    return true;
  },

  getChatMenuButton: ({ w, p }) => {
    const chatId = p.int("chat_id");
    return w.menuButtons.get(chatId === undefined ? "" : String(chatId)) ?? w.menuButtons.get("") ?? { type: "commands" };
  },
};
