/**
 * Every command the bot knows, with who may use it. This registry is the
 * single source for the authorization guard, /help, the admin menu and
 * setMyCommands: a command that is not listed here is answered as unknown
 * before any feature sees it, so no handler can run unguarded.
 */
import type { Role } from "../people/operations.js";

export type { Role };
/**
 * Who may use a command: everyone; registered participants (admins too: they
 * are answered that organisers get no tickets); door staff (admins too);
 * admins; owners.
 */
export type Audience = "anyone" | "participant" | "staff" | "admin" | "founder";

export interface CommandSpec {
  readonly name: string;
  readonly audience: Audience;
  /** Published in the Telegram command menu (setMyCommands). */
  readonly listed: boolean;
}

const command = (name: string, audience: Audience, listed = true): CommandSpec => ({ name, audience, listed });

export const COMMANDS: readonly CommandSpec[] = [
  command("start", "anyone"),
  command("help", "anyone"),
  command("myid", "anyone"),
  command("cancel", "anyone"),
  command("ticket", "participant"),
  command("pass", "participant"),
  command("info", "participant"),
  command("mydata", "participant"),
  command("leave", "participant"),
  command("checkin", "staff"),
  command("find", "staff"),
  command("door", "staff"),
  command("menu", "admin"),
  command("stats", "admin"),
  command("add_admin", "founder"),
  command("remove_admin", "founder"),
  command("export_users", "admin"),
  command("delete_user", "admin"),
  command("add_staff", "admin"),
  command("remove_staff", "admin"),
  command("checkin_undo", "admin"),
  command("reissue", "admin"),
  command("gen_invites", "admin"),
  command("revoke_invite", "admin"),
  command("revoke_invites", "admin"),
  command("new_wave", "admin"),
  command("upload_zip", "admin"),
  command("upload_zip_add", "admin"),
  command("confirm_wave", "admin"),
  command("send_tickets", "admin"),
  command("end_wave", "admin"),
  command("list_tickets", "admin"),
  command("full_report", "admin"),
  command("failed_report", "admin"),
  command("chatlog", "admin"),
  command("broadcast", "admin"),
  command("scheduled", "admin"),
  command("security_log", "admin"),
  command("event", "admin"),
];

/**
 * Callback-data prefixes (the part before the first ":" or "/") and who may
 * press such a button. Checked by the same guard at the moment of the press.
 */
export const CALLBACK_PREFIXES: Readonly<Record<string, Audience>> = {
  reg: "anyone",
  menu: "admin",
  wave: "admin",
  send: "admin",
  bc: "admin",
  user: "admin",
  job: "admin",
  pass: "participant",
  card: "admin",
  reissue: "admin",
  door: "staff",
  relay: "admin",
  leave: "participant",
};

const commandsByName = new Map(COMMANDS.map((c) => [c.name, c]));

export function findCommand(name: string): CommandSpec | undefined {
  return commandsByName.get(name.toLowerCase());
}

export function callbackPrefix(data: string): string {
  const match = /^[^:/]*/.exec(data);
  return match ? match[0] : "";
}

export function mayUse(role: Role, audience: Audience): boolean {
  switch (audience) {
    case "anyone":
      return true;
    case "participant":
      return role === "participant" || role === "admin" || role === "founder";
    case "staff":
      return role === "staff" || role === "admin" || role === "founder";
    case "admin":
      return role === "admin" || role === "founder";
    case "founder":
      return role === "founder";
  }
}

export function commandsFor(role: Role): CommandSpec[] {
  return COMMANDS.filter((c) => mayUse(role, c.audience));
}
