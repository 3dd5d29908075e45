import { Composer } from "grammy";
import type { OpenRefusal } from "../../db/repos/invites.js";
import type { FinishResult } from "../../registration/operations.js";
import type { PrivateContext } from "../context.js";
import type { BotContext } from "../context.js";
import { checkUsernameKeyboard, consentKeyboard, regButtons } from "../keyboards/registration.js";
import { editOrReply } from "../replies.js";
import { eventLines } from "../../event/render.js";
import { clampText, MAX_TEXT } from "../../telegram/limits.js";

/** SPEC §5: /start with an invite code → agreement → username → registered. */
export const registrationFeature = new Composer<BotContext>();
const inPrivate = registrationFeature.chatType("private");

const REFUSALS: Record<OpenRefusal, string> = {
  unknown: "start-code-unknown",
  used: "start-code-used",
  revoked: "start-code-revoked",
  expired: "start-code-expired",
  reserved: "start-code-reserved",
};

inPrivate.command("start", async (ctx) => {
  const result = ctx.deps.ops.registration.start({ user: ctx.from, role: ctx.role, code: ctx.match });
  switch (result.kind) {
    case "organiser":
      return ctx.reply(ctx.t("start-admin"));
    case "staff":
      return ctx.reply(ctx.t("start-staff"));
    case "registered":
      return ctx.reply(ctx.t("start-registered"));
    case "ignored":
      ctx.log.info("invite attempt ignored during lock-out");
      return undefined;
    case "no_code":
      return ctx.reply(ctx.t("start-no-code"));
    case "agreement":
      return showAgreement(ctx, "reply");
    case "need_username":
      return ctx.reply(ctx.t("reg-need-username"), { reply_markup: checkUsernameKeyboard(ctx.t) });
    case "refused":
      return ctx.reply(ctx.t(REFUSALS[result.reason]));
    case "locked_now":
      ctx.deps.alerts.push({ kind: "lockout", userId: ctx.from.id, username: result.event.username, action: "/start", at: result.event.at });
      ctx.log.warn("invite lock-out started");
      return ctx.reply(ctx.t("start-locked"));
  }
});

/** The agreement in the person's language, with Accept carrying the version of this very text. */
function showAgreement(ctx: PrivateContext, how: "reply" | "edit"): Promise<unknown> {
  const agreement = ctx.deps.agreement[ctx.locale];
  const text = `${agreement.text}\n\n${ctx.t("reg-consent-question")}`;
  const keyboard = consentKeyboard(ctx.t, agreement.version);
  return how === "reply" ? ctx.reply(text, { reply_markup: keyboard }) : editOrReply(ctx, text, keyboard);
}

inPrivate.callbackQuery(regButtons.pattern, async (ctx) => {
  const press = regButtons.parse(ctx.callbackQuery.data);
  const { registration } = ctx.deps.ops;
  if (!press) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
  switch (press.action) {
    case "accept":
      return finish(ctx, registration.accept({ user: ctx.from, role: ctx.role, version: press.args[0] }));
    case "check":
      return finish(ctx, registration.check({ user: ctx.from, role: ctx.role }));
    case "decline": {
      const result = registration.decline({ userId: ctx.from.id, role: ctx.role, locale: ctx.locale });
      if (result === "already") return finish(ctx, "already");
      await ctx.answerCallbackQuery();
      return editOrReply(ctx, ctx.t("reg-declined"));
    }
  }
});

/**
 * The welcome: the event by name, when and where (as /event set them), and
 * what happens next — the ticket comes to this chat; /info has the details.
 */
function welcomeText(ctx: PrivateContext): string {
  const event = ctx.deps.ops.event.details();
  const name = ctx.from.first_name;
  const lines = [event?.name ? ctx.t("reg-welcome-event", { name, event: event.name }) : ctx.t("reg-welcome", { name })];
  const details = eventLines(ctx.t, event, ctx.deps.config.TIME_ZONE, { note: false }).slice(event?.name ? 1 : 0);
  if (details.length > 0) lines.push("", ...details);
  lines.push("", ctx.t("reg-welcome-next"));
  return clampText(lines.join("\n"), MAX_TEXT);
}

/** Shows where the registration stands after Accept or "Check again": one message for the whole flow. */
async function finish(ctx: PrivateContext, result: FinishResult): Promise<unknown> {
  switch (result) {
    case "still_no_username":
      return ctx.answerCallbackQuery({ text: ctx.t("reg-still-no-username"), show_alert: true });
    case "agreement_changed":
      // A button from before the operator edited the text: the current text again, nothing recorded.
      await ctx.answerCallbackQuery({ text: ctx.t("reg-agreement-changed"), show_alert: true });
      return showAgreement(ctx, "edit");
    default:
      await ctx.answerCallbackQuery();
  }
  switch (result) {
    case "registered":
      ctx.log.info("participant registered");
      // The agreement message turns into the welcome.
      return editOrReply(ctx, welcomeText(ctx));
    case "need_username":
      return editOrReply(ctx, ctx.t("reg-need-username"), checkUsernameKeyboard(ctx.t));
    case "already":
      return editOrReply(ctx, ctx.t(ctx.role === "participant" ? "start-registered" : "start-admin"));
    case "code_gone":
      return editOrReply(ctx, ctx.t("reg-code-gone"));
    case "expired":
      return editOrReply(ctx, ctx.t("reg-expired"));
  }
}
