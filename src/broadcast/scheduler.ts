import type { Api } from "grammy";
import type { Config } from "../config.js";
import type { Translate } from "../i18n.js";
import type { Logger } from "../logger.js";
import { formatDateTime, formatDuration } from "../time.js";
import type { BroadcastOperations } from "./operations.js";
import { announcementTitle } from "./title.js";

/** How often the clock is looked at: a scheduled announcement starts within this of its moment. */
const TICK_MS = 1000;
/** Later than this after its moment (the scheduler looks every second), the bot was down: the admin is told how late it is. */
const LATE_MS = 5_000;

export interface SchedulerDeps {
  config: Pick<Config, "TIME_ZONE">;
  broadcasts: Pick<BroadcastOperations, "due" | "startScheduled">;
  api: Api;
  translate: (locale: string) => Translate;
  logger: Logger;
}

/**
 * Starts scheduled announcements when their moment comes: once a second it
 * asks the database what is due (an indexed query), so one scheduled a few
 * seconds ahead is not missed and one whose moment passed while the bot was
 * down goes at start-up, with the delay told to the admin who scheduled it.
 * Each starts exactly once: the operation moves it to "sending" and makes
 * its job in one transaction.
 */
export class AnnouncementScheduler {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly deps: SchedulerDeps) {}

  start(): void {
    this.stopped = false;
    void this.tick();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private async tick(): Promise<void> {
    try {
      for (const broadcast of this.deps.broadcasts.due()) await this.begin(broadcast.id);
    } catch (error) {
      this.deps.logger.error({ err: error }, "starting scheduled announcements failed; trying again");
    }
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  private async begin(id: number): Promise<void> {
    const { config, api, logger } = this.deps;
    const started = this.deps.broadcasts.startScheduled(id);
    if (!started.ok && started.reason === "not_scheduled") return;
    const { broadcast } = started;
    const t = this.deps.translate(broadcast.locale ?? "ru");
    const title = announcementTitle(broadcast.summary, t);
    const at = formatDateTime(broadcast.scheduled_at!, config.TIME_ZONE);
    let text: string;
    if (!started.ok) text = t("scheduled-nobody", { title, at, zone: config.TIME_ZONE });
    else if (started.lateMs > LATE_MS) {
      text = t("scheduled-started-late", { title, at, zone: config.TIME_ZONE, late: formatDuration(started.lateMs, t, broadcast.locale ?? "ru"), job: started.job.id, count: started.total });
    } else text = t("scheduled-started", { title, job: started.job.id, count: started.total });
    logger.info({ broadcast_id: id, late_ms: started.ok ? started.lateMs : undefined, job_id: started.ok ? started.job.id : undefined }, "scheduled announcement due");
    await api.sendMessage(broadcast.chat_id, text).catch((error: unknown) => logger.warn({ err: error }, "could not tell the admin that a scheduled announcement started"));
  }
}
