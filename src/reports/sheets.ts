import type { PeopleOperations } from "../people/operations.js";
import type { AdminRow } from "../db/repos/admins.js";
import type { Repos } from "../db/repos/index.js";
import { inviteStatus, type InviteLine } from "../db/repos/invites.js";
import type { FailedDelivery } from "../db/repos/jobs.js";
import type { CheckinRow } from "../db/repos/checkins.js";
import type { DoorListRow } from "../db/repos/passes.js";
import type { SecurityEvent } from "../db/repos/security.js";
import type { StaffRow } from "../db/repos/staff.js";
import type { TicketLine } from "../db/repos/tickets.js";
import type { ParticipantLine, UserRow } from "../db/repos/users.js";
import type { WaveSummary } from "../db/repos/waves.js";
import type { Translate } from "../i18n.js";
import { inviteLink } from "../invites/codes.js";
import type { WaveRow } from "../db/repos/waves.js";
import { announcementTitle } from "../broadcast/title.js";
import { wallClockAsUtc } from "../time.js";
import type { WaveProgress } from "../waves/operations.js";
import { agreementVersionText, securityActionText, securityDetailsText } from "./markers.js";
import type { Column, Sheet } from "./xlsx.js";

export interface SheetDeps {
  repos: Repos;
  /** Who the organisers are (founders from the configuration, admins from the database). */
  people: Pick<PeopleOperations, "adminIds" | "roleOf">;
  /** What has happened to a wave ("sent", "partly sent"): the waves operations decide. */
  waveProgress(wave: WaveRow): WaveProgress;
  /** The bot's username, for invite links. */
  botUsername(): string;
  /** Report times are this zone's clock, and their headers name it. */
  timeZone: string;
}

interface AdminLine {
  id: number;
  role: "founder" | "admin";
  user: UserRow | undefined;
  admin: AdminRow | undefined;
}

/**
 * Every sheet of the reports (SPEC §6): its columns, in the reader's
 * language, and its rows, read from the database a page at a time (a
 * 50 000-row sheet never sits in memory). /full_report holds them all;
 * /export_users, /list_tickets and /failed_report one or two each.
 */
export function createSheets(deps: SheetDeps, t: Translate) {
  const { repos, people } = deps;

  /** A label without arguments (a status, a reason) translated once per report, not once per row. */
  const labels = new Map<string, string>();
  const label = (key: string): string => {
    let text = labels.get(key);
    if (text === undefined) labels.set(key, (text = t(key)));
    return text;
  };

  /** "@name (id)", the id alone, or "deleted user #id". */
  const personLabel = (id: number, user: { username: string | null; deleted_at: number | null } | undefined): string =>
    user?.deleted_at ? t("deleted-user", { id: String(id) }) : user?.username ? `@${user.username} (${id})` : String(id);

  /** personLabel for a user id, looked up once per person per report (for the few people who act: admins, stewards). */
  function whoIs(): (id: number | null | undefined) => string | null {
    const cache = new Map<number, string>();
    return (id) => {
      if (id === null || id === undefined) return null;
      let label = cache.get(id);
      if (label === undefined) {
        label = personLabel(id, repos.users.findById(id));
        cache.set(id, label);
      }
      return label;
    };
  }

  /** "@name", "deleted user #id" or "", beside a column of its own with the id. */
  const usernameLabel = (id: number, user: { username: string | null; deleted_at: number | null } | undefined): string =>
    user?.deleted_at ? t("deleted-user", { id: String(id) }) : user?.username ? `@${user.username}` : "";

  /** usernameLabel for a user id, looked up once per person per report. */
  function usernames(): (id: number | null) => string | null {
    const cache = new Map<number, string>();
    return (id) => {
      if (id === null) return null;
      let label = cache.get(id);
      if (label === undefined) {
        label = usernameLabel(id, repos.users.findById(id));
        cache.set(id, label);
      }
      return label;
    };
  }

  /** A time column: the configured zone's clock, the zone named in the header ("Зарегистрирован (Europe/Moscow)"). */
  function at<R>(key: string, value: (row: R) => number | null | undefined, width = 20): Column<R> {
    return {
      header: t("time-zone-header", { header: t(key), zone: deps.timeZone }),
      width,
      type: "date",
      value: (row) => {
        const ms = value(row);
        return ms == null ? null : new Date(wallClockAsUtc(ms, deps.timeZone));
      },
    };
  }

  const waveNames = (): Map<number, string> => new Map(repos.waves.all().map((w) => [w.id, w.name]));

  return {
    participants(): Sheet<ParticipantLine> {
      const columns: Column<ParticipantLine>[] = [
        { header: t("col-number"), width: 8, type: "number", value: (u) => u.registration_seq },
        { header: t("col-user-id"), width: 14, type: "id", value: (u) => u.id },
        { header: t("col-username"), width: 22, value: (u) => (u.username ? `@${u.username}` : "") },
        { header: t("col-first-name"), width: 18, value: (u) => u.first_name },
        { header: t("col-last-name"), width: 18, value: (u) => u.last_name },
        { header: t("col-language"), width: 10, value: (u) => u.language_code },
        at("col-registered-at", (u) => u.registered_at),
        { header: t("col-invite-code"), width: 26, value: (u) => u.invite_code },
        at("col-consent-at", (u) => u.consent_at),
        { header: t("col-agreement-version"), width: 30, value: (u) => agreementVersion(u.agreement_version) },
        { header: t("col-ticket"), width: 32, value: (u) => u.ticket_file },
        { header: t("col-ticket-status"), width: 14, value: (u) => (u.ticket_status ? label(`ticket-status-${u.ticket_status}`) : null) },
        at("col-blocked-at", (u) => u.blocked_at),
        at("col-checked-in-at", (u) => u.inside_at),
        { header: t("col-checked-in-by"), width: 22, value: (u) => byWhom(u.inside_by) },
      ];
      const byWhom = whoIs();
      const published = repos.agreements.firstSeen();
      const agreementVersion = (version: string | null) => agreementVersionText(version, version === null ? undefined : published.get(version), t, deps.timeZone);
      return { name: t("sheet-participants"), columns, rows: repos.users.iterateParticipants() };
    },

    admins(): Sheet<AdminLine> {
      const added = new Map(repos.admins.list().map((a) => [a.user_id, a]));
      const lines: AdminLine[] = people.adminIds().map((id) => {
        const founder = people.roleOf(id) === "founder";
        return { id, role: founder ? "founder" : "admin", user: repos.users.findById(id), admin: founder ? undefined : added.get(id) };
      });
      const columns: Column<AdminLine>[] = [
        { header: t("col-user-id"), width: 14, type: "id", value: (a) => a.id },
        { header: t("col-username"), width: 22, value: (a) => (a.user?.username ? `@${a.user.username}` : "") },
        { header: t("col-first-name"), width: 18, value: (a) => a.user?.first_name },
        { header: t("col-last-name"), width: 18, value: (a) => a.user?.last_name },
        { header: t("col-role"), width: 12, value: (a) => label(`role-${a.role}`) },
        { header: t("col-added-by"), width: 22, value: (a) => who(a.admin?.added_by) },
        at("col-added-at", (a) => a.admin?.added_at),
      ];
      const who = whoIs();
      return { name: t("sheet-admins"), columns, rows: lines };
    },

    tickets(): Sheet<TicketLine> {
      const names = waveNames();
      /** The ticket's holder as usernameLabel says it, from the row (joined in SQL: one query per page, not per row). */
      const holder = (x: TicketLine): string | null => {
        const id = x.user_id ?? x.held_for;
        return id === null ? null : usernameLabel(id, { username: x.holder_username, deleted_at: x.holder_deleted_at });
      };
      const columns: Column<TicketLine>[] = [
        { header: t("col-ticket-id"), width: 8, type: "number", value: (x) => x.id },
        { header: t("col-wave"), width: 18, value: (x) => names.get(x.wave_id) ?? String(x.wave_id) },
        { header: t("col-file"), width: 32, value: (x) => x.file_name },
        { header: t("col-status"), width: 12, value: (x) => label(`ticket-status-${x.status}`) },
        { header: t("col-user-id"), width: 14, type: "id", value: (x) => x.user_id ?? x.held_for },
        { header: t("col-username"), width: 22, value: holder },
        { header: t("col-named-for"), width: 20, value: (x) => (x.named_key === "nobody" ? t("named-not-in-manifest") : x.named_as) },
        at("col-assigned-at", (x) => x.assigned_at),
        at("col-sent-at", (x) => x.sent_at),
        { header: t("col-attempts"), width: 9, type: "number", value: (x) => x.attempts },
        { header: t("col-last-error"), width: 40, value: (x) => (x.held_for ? [x.last_error, t("ticket-held")].filter(Boolean).join(" — ") : x.last_error) },
        // When the holder came in with this very ticket.
        at("col-checked-in-at", (x) => (x.status === "sent" && x.inside_ticket_id === x.id ? x.inside_at : undefined)),
      ];
      return { name: t("sheet-tickets"), columns, rows: repos.tickets.iterateLines() };
    },

    invites(now = Date.now()): Sheet<InviteLine> {
      const bot = deps.botUsername();
      const columns: Column<InviteLine>[] = [
        { header: t("col-code"), width: 26, value: (i) => i.code },
        { header: t("col-link"), width: 60, value: (i) => inviteLink(bot, i.code) },
        { header: t("col-status"), width: 12, value: (i) => label(`invite-status-${inviteStatus(i, now)}`) },
        at("col-created-at", (i) => i.created_at),
        { header: t("col-created-by"), width: 22, value: (i) => who(i.created_by) },
        at("col-expires-at", (i) => i.expires_at),
        // Joined in SQL: every invite has its own user, a lookup per row would be one per participant.
        { header: t("col-used-by"), width: 22, value: (i) => (i.used_by === null ? null : personLabel(i.used_by, { username: i.used_by_username, deleted_at: i.used_by_deleted_at })) },
        at("col-used-at", (i) => i.used_at),
        at("col-revoked-at", (i) => i.revoked_at),
      ];
      const who = whoIs();
      return { name: t("sheet-invites"), columns, rows: repos.invites.iterateLines() };
    },

    /** The file /gen_invites answers with: the new codes and their links. */
    newInvites(generated: { codes: readonly string[]; createdAt: number; expiresAt: number | null }, createdBy: string): Sheet<string> {
      const bot = deps.botUsername();
      const columns: Column<string>[] = [
        { header: t("col-code"), width: 26, value: (code) => code },
        { header: t("col-link"), width: 60, value: (code) => inviteLink(bot, code) },
        at("col-created-at", () => generated.createdAt),
        { header: t("col-created-by"), width: 22, value: () => createdBy },
        at("col-expires-at", () => generated.expiresAt),
      ];
      return { name: t("sheet-invites"), columns, rows: generated.codes };
    },

    waves(): Sheet<WaveSummary> {
      const columns: Column<WaveSummary>[] = [
        { header: t("col-wave-id"), width: 8, type: "number", value: (w) => w.id },
        { header: t("col-name"), width: 24, value: (w) => w.name },
        { header: t("col-status"), width: 18, value: (w) => label(`wave-status-${deps.waveProgress(w)}`) },
        at("col-created-at", (w) => w.created_at),
        { header: t("col-created-by"), width: 22, value: (w) => who(w.created_by) },
        at("col-confirmed-at", (w) => w.confirmed_at),
        at("col-ended-at", (w) => w.ended_at),
        { header: t("col-ended-by"), width: 22, value: (w) => who(w.ended_by) },
        { header: t("col-tickets-total"), width: 10, type: "number", value: (w) => w.tickets_total },
        { header: t("col-tickets-available"), width: 10, type: "number", value: (w) => w.tickets_available },
        { header: t("col-tickets-sent"), width: 10, type: "number", value: (w) => w.tickets_sent },
        { header: t("col-tickets-archived"), width: 10, type: "number", value: (w) => w.tickets_archived },
        { header: t("col-delivery-jobs"), width: 12, type: "number", value: (w) => w.delivery_jobs },
      ];
      const who = whoIs();
      return { name: t("sheet-waves"), columns, rows: repos.waves.summaries() };
    },

    failed(): Sheet<FailedDelivery> {
      const who = usernames();
      const names = waveNames();
      const what = (d: FailedDelivery) => {
        if (d.kind === "broadcast") return t("failed-what-broadcast", { text: announcementTitle(repos.broadcasts.byId(d.ref_id)?.summary ?? "", t), job: d.job_id });
        if (d.notice !== null) return t("failed-what-notice", { wave: names.get(d.ref_id) ?? String(d.ref_id) });
        const ticket = d.item_id !== null ? repos.tickets.ticket(d.item_id) : undefined;
        return t("failed-what-ticket", { file: ticket?.file_name ?? "?", wave: names.get(d.ref_id) ?? String(d.ref_id) });
      };
      const columns: Column<FailedDelivery>[] = [
        { header: t("col-user-id"), width: 14, type: "id", value: (d) => d.user_id },
        { header: t("col-username"), width: 22, value: (d) => who(d.user_id) },
        { header: t("col-what"), width: 40, value: what },
        { header: t("col-reason"), width: 24, value: (d) => label(`failure-${d.error_kind ?? "internal"}`) },
        { header: t("col-error"), width: 50, value: (d) => d.error },
        { header: t("col-attempts"), width: 9, type: "number", value: (d) => d.attempts },
        at("col-time", (d) => d.updated_at),
      ];
      return { name: t("sheet-failed"), columns, rows: repos.jobs.iterateFailed() };
    },

    /** Door staff and who added them. */
    staff(): Sheet<StaffRow> {
      const who = whoIs();
      const columns: Column<StaffRow>[] = [
        { header: t("col-user-id"), width: 14, type: "id", value: (s) => s.user_id },
        { header: t("col-username"), width: 22, value: (s) => usernameOf(s.user_id) },
        { header: t("col-first-name"), width: 18, value: (s) => repos.users.findById(s.user_id)?.first_name },
        { header: t("col-added-by"), width: 22, value: (s) => who(s.added_by) },
        at("col-added-at", (s) => s.added_at),
      ];
      const usernameOf = (id: number) => {
        const username = repos.users.findById(id)?.username;
        return username ? `@${username}` : "";
      };
      return { name: t("sheet-staff"), columns, rows: repos.staff.list() };
    },

    /** Every check-in, undone ones too (with who undid them). */
    checkins(): Sheet<CheckinRow> {
      const who = whoIs();
      const columns: Column<CheckinRow>[] = [
        at("col-time", (c) => c.at),
        { header: t("col-user-id"), width: 14, type: "id", value: (c) => c.user_id },
        { header: t("col-person"), width: 28, value: (c) => who(c.user_id) },
        { header: t("col-file"), width: 32, value: (c) => (c.ticket_id === null ? null : (repos.tickets.ticket(c.ticket_id)?.file_name ?? null)) },
        { header: t("col-method"), width: 14, value: (c) => label(`checkin-method-${c.method}`) },
        { header: t("col-checked-in-by"), width: 22, value: (c) => who(c.by) },
        at("col-undone-at", (c) => c.undone_at),
        { header: t("col-undone-by"), width: 22, value: (c) => who(c.undone_by) },
      ];
      return { name: t("sheet-checkins"), columns, rows: repos.checkins.iterate() };
    },

    /** Who may come in with which pass: for a network failure at the venue. */
    doorList(rows: Iterable<DoorListRow>): Sheet<DoorListRow> {
      const columns: Column<DoorListRow>[] = [
        { header: t("col-name"), width: 28, value: (r) => [r.first_name, r.last_name].filter(Boolean).join(" ") },
        { header: t("col-username"), width: 22, value: (r) => (r.username ? `@${r.username}` : "") },
        { header: t("col-user-id"), width: 14, type: "id", value: (r) => r.user_id },
        { header: t("col-file"), width: 32, value: (r) => r.file_name },
        { header: t("col-pass"), width: 40, value: (r) => r.code },
        at("col-checked-in-at", (r) => repos.checkins.inside(r.user_id)?.at),
      ];
      return { name: t("sheet-door-list"), columns, rows };
    },

    security(): Sheet<SecurityEvent> {
      const columns: Column<SecurityEvent>[] = [
        at("col-time", (e) => e.at),
        { header: t("col-user-id"), width: 14, type: "id", value: (e) => e.user_id },
        { header: t("col-username"), width: 22, value: (e) => (e.username ? `@${e.username}` : "") },
        { header: t("col-kind"), width: 16, value: (e) => label(`security-kind-${e.kind}`) },
        { header: t("col-action"), width: 30, value: (e) => securityActionText(e.action, t) },
        { header: t("col-details"), width: 40, value: (e) => securityDetailsText(e.kind, t) },
      ];
      return { name: t("sheet-security"), columns, rows: repos.security.iterate() };
    },
  };
}

export type Sheets = ReturnType<typeof createSheets>;
