import { Composer, InlineKeyboard } from "grammy";
import type { DoorVerdict } from "../../door/operations.js";
import { PASS_FORMAT } from "../../door/passes.js";
import { showPerson, showUser } from "../../people/user-ref.js";
import { shownName } from "../../tickets/names.js";
import { formatClock, formatTime } from "../../time.js";
import type { BotContext, PrivateContext } from "../context.js";
import { doorButtons } from "../keyboards/door.js";
import { fileStamp, replyWithWorkbook } from "../replies.js";
import { resolveTarget } from "../targets.js";

/**
 * The door (the "event day" issue): scanning a pass (a door steward's camera
 * opens the bot with /start <pass>), /checkin by hand, /checkin_undo, and
 * /door with the door list. Door staff, admins and owners only; anyone else
 * opening a pass link is refused and logged like any staff action.
 */
export const doorFeature = new Composer<BotContext>();
const inPrivate = doorFeature.chatType("private");

// Ahead of registration: a deep link with a pass is a scan, not an invite.
inPrivate.command("start", async (ctx, next) => {
  const code = ctx.match.trim();
  if (!PASS_FORMAT.test(code)) return next();
  const verdict = ctx.deps.ops.door.scan({ code, by: ctx.from, role: ctx.role });
  return answer(ctx, verdict);
});

inPrivate.command("checkin", async (ctx) => {
  const argument = ctx.match.trim();
  if (argument === "") return ctx.reply(ctx.t("checkin-usage"));
  return answer(ctx, ctx.deps.ops.door.checkIn({ target: argument, by: ctx.from.id }));
});

inPrivate.command("checkin_undo", async (ctx) => {
  const target = await resolveTarget(ctx, ctx.match, "checkin-undo-usage");
  if (!target) return;
  const undone = ctx.deps.ops.door.undo({ userId: target.id, by: ctx.from.id });
  return ctx.reply(ctx.t(undone ? "checkin-undone" : "checkin-undo-not-inside", { user: showUser(target) }));
});

/** ✅, ⛔ or ❌ — what a door steward sees at once. */
function answer(ctx: PrivateContext, verdict: DoorVerdict): Promise<unknown> {
  const zone = ctx.deps.config.TIME_ZONE;
  switch (verdict.kind) {
    case "admitted":
      return ctx.reply(
        ctx.t("door-admitted", { person: showPerson(verdict.person), file: shownName(verdict.ticket.file_name), wave: verdict.wave.name }),
      );
    case "already_inside":
      return ctx.reply(
        ctx.t("door-already-inside", {
          person: showPerson(verdict.person),
          time: formatClock(verdict.checkin.at, zone),
          by: verdict.by ? showUser(verdict.by) : String(verdict.checkin.by),
        }),
      );
    case "invalid":
      return ctx.reply(ctx.t(`door-invalid-${verdict.reason}`));
    case "not_allowed":
      ctx.deps.alerts.push({ kind: "unauthorized", userId: ctx.from.id, username: verdict.event.username, action: "pass scan", at: verdict.event.at });
      ctx.log.warn("a pass was opened by someone who is not door staff");
      return ctx.reply(ctx.t("not-allowed"));
  }
}

inPrivate.command("door", (ctx) => showDoor(ctx));

/** Entered N of M, the latest ten check-ins, scans refused in the last hour; the door list as a button. */
export function showDoor(ctx: PrivateContext): Promise<unknown> {
  const zone = ctx.deps.config.TIME_ZONE;
  const door = ctx.deps.ops.door.overview();
  const lines = [
    ctx.t("door-entered", { entered: door.entered, holders: door.holders }),
    ctx.t("door-refused-last-hour", { count: door.refusedLastHour }),
  ];
  if (door.latest.length > 0) {
    lines.push("", ctx.t("door-latest", { zone }));
    for (const { checkin, person, by } of door.latest) {
      lines.push(
        ctx.t("door-latest-line", {
          time: formatTime(checkin.at, zone),
          person: person ? showPerson(person, ctx.t("deleted-user", { id: String(checkin.user_id) })) : String(checkin.user_id),
          by: by ? showUser(by) : String(checkin.by),
        }),
      );
    }
  }
  const keyboard = new InlineKeyboard().text(ctx.t("door-button-list"), doorButtons.data("list"));
  return ctx.reply(lines.join("\n"), { reply_markup: keyboard });
}

inPrivate.callbackQuery(doorButtons.pattern, async (ctx) => {
  await ctx.answerCallbackQuery();
  await replyWithWorkbook(ctx, `door-list-${fileStamp(ctx.deps.config.TIME_ZONE)}.xlsx`, [ctx.deps.ops.reports.sheets(ctx.t).doorList(ctx.deps.ops.door.doorList())], (counts) =>
    ctx.t("door-list-caption", { count: counts[ctx.t("sheet-door-list")] ?? 0 }),
  );
});
