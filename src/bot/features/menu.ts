import { Menu, type MenuFlavor, type MenuRange } from "@grammyjs/menu";
import { Composer, GrammyError } from "grammy";
import type { WaveStage } from "../../waves/operations.js";
import type { BotContext, PrivateContext } from "../context.js";
import { showScheduled } from "./broadcast.js";
import { currentDetails } from "./event.js";
import { generateInvites } from "./invites.js";
import { exportUsers, failedReport, fullReport, listTickets, showSecurityLog } from "./reports.js";
import { sendTickets } from "./send-tickets.js";
import { sendStats } from "./stats.js";
import { startUpload } from "./uploads.js";
import { askEndWave, confirmWave, newWave } from "./waves.js";

/**
 * /menu: the admin commands by buttons (SPEC §6), each calling the same
 * function as the command, under a heading that says where the event
 * stands. The wave's buttons follow its state: the first row holds the next
 * step, the Wave submenu only what the open wave's state allows.
 *
 * Every press is checked twice. The menu plugin compares a fingerprint of
 * the wave's state taken when the menu was drawn with one taken at the
 * press: a menu drawn for another wave or state is redrawn ("the menu was
 * out of date"), never acted on. The action then runs as its command would,
 * re-checking the state itself; whatever would change a wave asks first
 * with a prompt of its own. The guard (middlewares/authorization.ts) checks
 * the role at that moment, so a menu drawn for a since-removed admin does
 * nothing for them. Commands that need an argument (a name, a user, a text)
 * answer with how to write them.
 */
type MenuContext = PrivateContext & MenuFlavor;

/** The wave's stage for this update, read once per drawing (redraw() reads it again after an action). */
const stages = new WeakMap<object, WaveStage>();
function stageOf(ctx: PrivateContext): WaveStage {
  let stage = stages.get(ctx);
  if (!stage) {
    stage = ctx.deps.ops.waves.stage();
    stages.set(ctx, stage);
  }
  return stage;
}

/** What decides which wave buttons a menu shows: a menu drawn under another is out of date. */
function fingerprint(ctx: PrivateContext): string {
  const stage = stageOf(ctx);
  const wave = "wave" in stage ? stage.wave.id : "";
  const job = stage.state === "sending" ? (stage.job?.id ?? "") : "";
  const waiting = "waiting" in stage && stage.waiting > 0 ? "w" : "";
  return `${stage.state}:${wave}:${job}:${waiting}`;
}

/** The heading and the buttons again, as they are now (Telegram refuses an edit that changes nothing; an old message cannot be edited). */
async function redraw(ctx: MenuContext): Promise<void> {
  stages.delete(ctx);
  // The menu plugin puts the current buttons of the pressed menu on an edit of its message.
  await ctx.editMessageText(menuText(ctx)).catch((error: unknown) => {
    if (!(error instanceof GrammyError) || error.error_code !== 400) throw error;
  });
}

async function outdated(ctx: MenuContext): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t("menu-outdated") });
  await redraw(ctx);
}

/** The menus' ids (callback data starts with them: "menu" is the admins' prefix in bot/commands.ts). */
type MenuId = "menu" | "menu:wave" | "menu:announcements" | "menu:invites" | "menu:people" | "menu:reports";
const menu = (id: MenuId, options: { followsWave?: boolean } = {}) =>
  new Menu<PrivateContext>(id, options.followsWave ? { onMenuOutdated: outdated, fingerprint } : { onMenuOutdated: false });
const back = (m: Menu<PrivateContext>) => m.back((ctx) => ctx.t("menu-back"));
const hint = (key: string) => (ctx: PrivateContext) => ctx.reply(ctx.t(key));

type WaveAction = "new" | "load" | "replace" | "add" | "confirm" | "send" | "end" | "list" | "stop";

/** Each wave button: its label and what it runs (the command's own function), then the menu follows the new state. */
const WAVE_ACTIONS: Record<WaveAction, { label: (ctx: PrivateContext, stage: WaveStage) => string; run: (ctx: MenuContext, stage: WaveStage) => Promise<unknown> }> = {
  new: { label: (ctx) => ctx.t("menu-wave-new"), run: (ctx) => newWave(ctx, "") },
  load: { label: (ctx) => ctx.t("menu-wave-load"), run: (ctx) => startUpload(ctx, "add") },
  replace: { label: (ctx) => ctx.t("menu-wave-upload"), run: (ctx) => startUpload(ctx, "replace") },
  add: { label: (ctx) => ctx.t("menu-wave-upload-add"), run: (ctx) => startUpload(ctx, "add") },
  confirm: { label: (ctx) => ctx.t("menu-wave-confirm"), run: (ctx) => confirmWave(ctx) },
  send: { label: (ctx) => ctx.t("menu-wave-send"), run: (ctx) => sendTickets(ctx) },
  end: { label: (ctx) => ctx.t("menu-wave-end"), run: (ctx) => askEndWave(ctx) },
  list: { label: (ctx) => ctx.t("menu-wave-list"), run: (ctx) => listTickets(ctx) },
  stop: {
    label: (ctx, stage) => ctx.t("menu-wave-stop", { job: stage.state === "sending" ? (stage.job?.id ?? "") : "" }),
    run: (ctx, stage) => {
      const job = stage.state === "sending" ? stage.job : undefined;
      const stopped = job !== undefined && ctx.deps.ops.delivery.stop({ jobId: job.id, by: ctx.from.id });
      return ctx.reply(ctx.t(stopped ? "delivery-stopping" : "delivery-not-running"));
    },
  },
};

/**
 * What the Wave submenu offers, row by row: only what the state allows
 * (Send only while someone is without a ticket; nothing but Stop and the
 * ticket list while the tickets are being delivered).
 */
function waveRows(stage: WaveStage): WaveAction[][] {
  const send: WaveAction[] = "waiting" in stage && stage.waiting > 0 ? ["send"] : [];
  const rows: WaveAction[][] = (() => {
    switch (stage.state) {
      case "none":
        return [["new"]];
      case "ended":
        return [["new"], ["list"]];
      case "open_empty":
        return [["load"], ["end", "new"]];
      case "open":
        return [["confirm", ...send], ["replace", "add"], ["end", "new"], ["list"]];
      case "confirmed":
        return [send, ["replace", "add"], ["end", "new"], ["list"]];
      case "sending":
        return [stage.job ? ["stop"] : [], ["list"]];
    }
  })();
  return rows.filter((row) => row.length > 0);
}

/** The next step, on the menu's first row. */
function nextSteps(stage: WaveStage): WaveAction[] {
  const send: WaveAction[] = "waiting" in stage && stage.waiting > 0 ? ["send"] : [];
  switch (stage.state) {
    case "none":
    case "ended":
      return ["new"];
    case "open_empty":
      return ["load"];
    case "open":
      return ["confirm", ...send];
    case "confirmed":
      return send;
    case "sending":
      return stage.job ? ["stop"] : [];
  }
}

function addWaveButtons(range: MenuRange<PrivateContext>, ctx: PrivateContext, rows: WaveAction[][]): void {
  const stage = stageOf(ctx);
  for (const row of rows) {
    for (const action of row) {
      const { label, run } = WAVE_ACTIONS[action];
      range.text(label(ctx, stage), async (pressed) => {
        await run(pressed, stageOf(pressed));
        await redraw(pressed);
      });
    }
    range.row();
  }
}

const waveMenu = menu("menu:wave", { followsWave: true }).dynamic((ctx, range) => addWaveButtons(range, ctx, waveRows(stageOf(ctx))));
back(waveMenu);

const INVITE_BATCHES = [10, 50, 100, 500] as const;
const invitesMenu = menu("menu:invites");
for (const [index, count] of INVITE_BATCHES.entries()) {
  invitesMenu.text((ctx) => ctx.t("menu-invites-generate", { count }), (ctx) => generateInvites(ctx, count, null));
  if (index % 2 === 1) invitesMenu.row();
}
invitesMenu.text((ctx) => ctx.t("menu-invites-how"), hint("menu-invites-help")).row();
back(invitesMenu);

const peopleMenu = menu("menu:people")
  .text((ctx) => ctx.t("menu-export-users"), (ctx) => exportUsers(ctx))
  .text((ctx) => ctx.t("menu-security-log"), (ctx) => showSecurityLog(ctx))
  .row()
  .text((ctx) => ctx.t("menu-delete-user"), hint("delete-user-usage"))
  .text((ctx) => ctx.t("menu-admins"), (ctx) => ctx.reply(ctx.t(ctx.role === "founder" ? "menu-admins-help" : "menu-admins-founders-only")))
  .row();
back(peopleMenu);

const announcementsMenu = menu("menu:announcements")
  .text((ctx) => ctx.t("menu-broadcast-how"), hint("broadcast-usage"))
  .text((ctx) => ctx.t("menu-scheduled"), (ctx) => showScheduled(ctx))
  .row();
back(announcementsMenu);

const reportsMenu = menu("menu:reports")
  .text((ctx) => ctx.t("menu-full-report"), (ctx) => fullReport(ctx))
  .text((ctx) => ctx.t("menu-wave-list"), (ctx) => listTickets(ctx))
  .row()
  .text((ctx) => ctx.t("menu-failed-report"), (ctx) => failedReport(ctx))
  .text((ctx) => ctx.t("menu-export-users"), (ctx) => exportUsers(ctx))
  .row()
  .text((ctx) => ctx.t("menu-chatlog"), hint("menu-chatlog-help"))
  .text((ctx) => ctx.t("menu-security-log"), (ctx) => showSecurityLog(ctx))
  .row();
back(reportsMenu);

export const adminMenu = menu("menu", { followsWave: true })
  .dynamic((ctx, range) => addWaveButtons(range, ctx, [nextSteps(stageOf(ctx))].filter((row) => row.length > 0)))
  .submenu((ctx) => ctx.t("menu-wave"), "menu:wave")
  .submenu((ctx) => ctx.t("menu-broadcast"), "menu:announcements")
  .row()
  .submenu((ctx) => ctx.t("menu-invites"), "menu:invites")
  .submenu((ctx) => ctx.t("menu-people"), "menu:people")
  .row()
  .submenu((ctx) => ctx.t("menu-reports"), "menu:reports")
  .text((ctx) => ctx.t("menu-stats"), (ctx) => sendStats(ctx))
  .row()
  .text((ctx) => ctx.t("menu-event"), (ctx) => ctx.reply(currentDetails(ctx, "event-current")))
  .text((ctx) => ctx.t("menu-refresh"), (ctx) => redraw(ctx));
adminMenu.register([waveMenu, announcementsMenu, invitesMenu, peopleMenu, reportsMenu]);

export const menuFeature = new Composer<BotContext>();
const inPrivate = menuFeature.chatType("private");
inPrivate.use(adminMenu);
inPrivate.command("menu", (ctx) => ctx.reply(menuText(ctx), { reply_markup: adminMenu }));

/**
 * The menu's heading: participants (not organisers) the bot can reach and
 * how many of them have no ticket of the open wave, those who blocked the
 * bot apart, invites used and unused, people checked in, the open wave and
 * any running delivery.
 */
export function menuText(ctx: PrivateContext): string {
  const overview = ctx.deps.ops.reports.overview();
  const { people, invites, wave } = overview;
  const lines = [
    ctx.t("menu-title"),
    wave
      ? ctx.t("menu-heading-people-wave", { participants: people.reachable, waiting: wave.withoutTicket.reachable })
      : ctx.t("menu-heading-people", { participants: people.reachable }),
    ctx.t("menu-heading-blocked", { blocked: people.blocked }),
    ctx.t("menu-heading-invites", { used: invites.used, unused: invites.unused }),
    ctx.t("menu-heading-checked-in", { count: overview.checkedIn }),
  ];
  if (!wave) lines.push(ctx.t("menu-no-wave"));
  else {
    const { counts, failed } = wave;
    lines.push(ctx.t("menu-wave-state", { wave: wave.wave.name, status: ctx.t(`wave-status-${ctx.deps.ops.waves.progress(wave.wave)}`), available: counts.available, sent: counts.sent, failed }));
  }
  for (const { job, tally } of overview.jobs) {
    lines.push(ctx.t("menu-job", { id: job.id, kind: ctx.t(`job-kind-${job.kind}`), sent: tally.sent, total: job.total, failed: tally.failed }));
  }
  if (!overview.engineBusy && overview.jobs.length > 0) lines.push(ctx.t("menu-job-waiting"));
  return lines.join("\n");
}
