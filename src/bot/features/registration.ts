import { Composer } from "grammy";
import type { OpenRefusal, PendingRegistration } from "../../db/repos/invites.js";
import { failpoint } from "../../failpoints.js";
import { isAdminRole } from "../filters/roles.js";
import type { BotContext } from "../context.js";
import { completeRegistration } from "../../registration/complete.js";
import { ACCEPT_PATTERN, checkUsernameKeyboard, consentKeyboard, REG } from "../keyboards/registration.js";
import { editOrReply } from "../replies.js";

/** Deep-link payloads are at most 64 characters of [A-Za-z0-9_-] (Bot API). */
const CODE_FORMAT = /^[A-Za-z0-9_-]{1,64}$/;

/** SPEC §5: /start with an invite code → agreement → username → registered. */
export const registrationFeature = new Composer<BotContext>();

registrationFeature.command("start", async (ctx) => {
  const code = ctx.match.trim();
  const user = ctx.from!;
  const { repos } = ctx.deps;
  if (isAdminRole(ctx.role)) return ctx.reply(ctx.t("start-admin"));
  if (ctx.role === "participant") return ctx.reply(ctx.t("start-registered"));
  if (repos.invites.lockedUntil(user.id) !== null) {
    ctx.log.info("invite attempt ignored during lock-out");
    return;
  }
  if (code === "") {
    const pending = repos.invites.pending(user.id);
    return pending ? continueRegistration(ctx, pending) : ctx.reply(ctx.t("start-no-code"));
  }
  const opened = CODE_FORMAT.test(code) ? repos.invites.open(user.id, code) : ({ ok: false, reason: "unknown" } as const);
  if (opened.ok) return continueRegistration(ctx, opened.pending);
  if (repos.invites.recordBadAttempt(user.id)) {
    const event = repos.records.security({
      userId: user.id,
      username: user.username ?? null,
      kind: "lockout",
      action: "/start",
      details: "more than 5 invalid invite codes in 10 minutes",
    });
    ctx.deps.alerts.push({ kind: "lockout", userId: user.id, username: event.username, action: "/start", at: event.at });
    ctx.log.warn("invite lock-out started");
    return ctx.reply(ctx.t("start-locked"));
  }
  return ctx.reply(ctx.t(REFUSALS[opened.reason]));
});

const REFUSALS: Record<OpenRefusal, string> = {
  unknown: "start-code-unknown",
  used: "start-code-used",
  revoked: "start-code-revoked",
  expired: "start-code-expired",
  reserved: "start-code-reserved",
};

/** Shows the step the person is at: the agreement, or the username requirement. */
async function continueRegistration(ctx: BotContext, pending: PendingRegistration): Promise<unknown> {
  if (pending.consent_at === null) return showAgreement(ctx, "reply");
  return ctx.reply(ctx.t("reg-need-username"), { reply_markup: checkUsernameKeyboard(ctx.t) });
}

/** The agreement in the person's language, with Accept carrying the version of this very text. */
function showAgreement(ctx: BotContext, how: "reply" | "edit"): Promise<unknown> {
  const agreement = ctx.deps.agreement[ctx.locale];
  const text = `${agreement.text}\n\n${ctx.t("reg-consent-question")}`;
  const keyboard = consentKeyboard(ctx.t, agreement.version);
  return how === "reply" ? ctx.reply(text, { reply_markup: keyboard }) : editOrReply(ctx, text, keyboard);
}

registrationFeature.callbackQuery(ACCEPT_PATTERN, async (ctx) => {
  if (ctx.role !== "visitor") return alreadyDone(ctx);
  // The version the button was shown with: the text the person actually read.
  // A button from before the operator edited the text (or without a version)
  // shows the current text again instead of recording a consent to it.
  const version = ctx.match[1];
  const shown = Object.values(ctx.deps.agreement).find((a) => a.version === version);
  if (!shown) {
    await ctx.answerCallbackQuery({ text: ctx.t("reg-agreement-changed"), show_alert: true });
    return showAgreement(ctx, "edit");
  }
  const pending = ctx.deps.repos.invites.recordConsent(ctx.from.id, shown.version);
  if (!pending) return expired(ctx);
  return finish(ctx, "accept");
});

registrationFeature.callbackQuery(REG.check, async (ctx) => {
  if (ctx.role !== "visitor") return alreadyDone(ctx);
  if (!ctx.deps.repos.invites.pending(ctx.from.id)) return expired(ctx);
  return finish(ctx, "check");
});

registrationFeature.callbackQuery(REG.decline, async (ctx) => {
  if (ctx.role !== "visitor") return alreadyDone(ctx);
  // The refusal is all that is kept (the version of the text as it is now in their language).
  ctx.deps.repos.invites.decline(ctx.from.id, ctx.deps.agreement[ctx.locale].version);
  await ctx.answerCallbackQuery();
  return editOrReply(ctx, ctx.t("reg-declined"));
});

/** Registers the person if they have a username; otherwise explains how to set one (step 4). */
async function finish(ctx: BotContext, step: "accept" | "check"): Promise<unknown> {
  const user = ctx.from!;
  if (!user.username) {
    if (step === "check") return ctx.answerCallbackQuery({ text: ctx.t("reg-still-no-username"), show_alert: true });
    await ctx.answerCallbackQuery();
    return editOrReply(ctx, ctx.t("reg-need-username"), checkUsernameKeyboard(ctx.t));
  }
  failpoint("register:before-commit");
  const result = completeRegistration(ctx.deps.repos, user);
  if (result === "registered") failpoint("register:committed");
  await ctx.answerCallbackQuery();
  if (result === "registered") {
    ctx.log.info("participant registered");
    // One message for the whole flow: the agreement turns into the welcome.
    return editOrReply(ctx, ctx.t("reg-welcome", { name: user.first_name }));
  }
  return editOrReply(ctx, ctx.t(result === "code_gone" ? "reg-code-gone" : "reg-expired"));
}

async function alreadyDone(ctx: BotContext): Promise<unknown> {
  await ctx.answerCallbackQuery();
  return editOrReply(ctx, ctx.t(ctx.role === "participant" ? "start-registered" : "start-admin"));
}

async function expired(ctx: BotContext): Promise<unknown> {
  await ctx.answerCallbackQuery();
  return editOrReply(ctx, ctx.t("reg-expired"));
}
