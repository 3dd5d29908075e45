import { Composer, InputFile } from "grammy";
import type { EventPart } from "../../event/operations.js";
import { LOCALES } from "../../i18n.js";
import { eventCalendar } from "../../event/ics.js";
import { eventLines } from "../../event/render.js";
import { clampText, MAX_TEXT } from "../../telegram/limits.js";
import type { BotContext, PrivateContext } from "../context.js";

/**
 * The event's details (issue 15): /event for admins sets them, /info shows
 * them to participants and organisers with an .ics file for their calendar.
 */
export const eventFeature = new Composer<BotContext>();
const inPrivate = eventFeature.chatType("private");

const PART_NAMES: readonly EventPart[] = ["name", "date", "place", "note"];

/** The part an /event word names: its English name, or its word in any language (event-word-*). */
function partOf(ctx: BotContext, word: string): EventPart | undefined {
  const wanted = word.toLowerCase();
  return PART_NAMES.find((part) => part === wanted || LOCALES.some((locale) => ctx.deps.i18n.t(locale, `event-word-${part}`).toLowerCase() === wanted));
}

inPrivate.command("event", (ctx) => {
  const text = ctx.match.trim();
  const { event } = ctx.deps.ops;
  if (text === "") return ctx.reply(currentDetails(ctx, "event-current"));
  const [word = "", ...rest] = text.split(/\s+/);
  const part = partOf(ctx, word);
  // The value keeps its own line breaks (a note may have several lines).
  const value = text.slice(word.length).replace(/^[ \t]+/, "").replace(/^\n/, "");
  if (!part || (rest.length === 0 && value === "")) return ctx.reply(ctx.t("event-usage"));
  const result = event.set({ part, value, by: ctx.from.id });
  if (!result.ok) {
    if (result.reason === "too_long") return ctx.reply(ctx.t("event-too-long", { max: result.max }));
    return ctx.reply(ctx.t(`event-refused-${result.reason}`, { zone: ctx.deps.config.TIME_ZONE }));
  }
  return ctx.reply(currentDetails(ctx, result.cleared ? "event-cleared" : "event-saved"));
});

/** What is set now, under a heading, then how to change it (also the menu's 🎉 button). */
export function currentDetails(ctx: PrivateContext, heading: string): string {
  const details = eventLines(ctx.t, ctx.deps.ops.event.details(), ctx.deps.config.TIME_ZONE);
  const body = details.length > 0 ? details.join("\n") : ctx.t("event-nothing-yet");
  return clampText(`${ctx.t(heading)}\n\n${body}\n\n${ctx.t("event-usage")}`, MAX_TEXT);
}

inPrivate.command("info", async (ctx) => {
  const details = ctx.deps.ops.event.details();
  const lines = eventLines(ctx.t, details, ctx.deps.config.TIME_ZONE);
  if (lines.length === 0) return ctx.reply(ctx.t("info-nothing-yet"));
  await ctx.reply(clampText([ctx.t("info-title"), "", ...lines].join("\n"), MAX_TEXT));
  const calendar = eventCalendar(details, ctx.deps.botUsername());
  if (!calendar) return undefined;
  return ctx.replyWithDocument(new InputFile(Buffer.from(calendar, "utf8"), "event.ics"), { caption: ctx.t("info-calendar-caption") });
});
