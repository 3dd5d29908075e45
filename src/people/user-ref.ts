import type { UserRow } from "../db/repos/users.js";

/** How an admin names a person in a command: "@username" or a numeric id. */
export type UserRef = { kind: "id"; id: number } | { kind: "username"; username: string };

const USERNAME = /^@?([A-Za-z][A-Za-z0-9_]{3,31})$/;
const NUMERIC_ID = /^\d{1,16}$/;

/** Parses the first word of a command's argument; undefined when it is neither form. */
export function parseUserRef(argument: string): UserRef | undefined {
  const word = argument.trim().split(/\s+/)[0] ?? "";
  if (NUMERIC_ID.test(word)) {
    const id = Number(word);
    return Number.isSafeInteger(id) && id > 0 ? { kind: "id", id } : undefined;
  }
  const match = USERNAME.exec(word);
  return match ? { kind: "username", username: match[1]! } : undefined;
}

export function showRef(ref: UserRef): string {
  return ref.kind === "id" ? String(ref.id) : `@${ref.username}`;
}

/** "@name (123)" or "123" for people without a username; "deleted user #123" once erased. */
export function showUser(user: Pick<UserRow, "id" | "username" | "deleted_at">, deletedLabel?: string): string {
  if (user.deleted_at !== null && !user.username) return deletedLabel ?? `#${user.id}`;
  return user.username ? `@${user.username} (${user.id})` : String(user.id);
}

/** "Анна Иванова, @anna (123)": a person's name and who they are on Telegram, on one line. */
export function showPerson(user: Pick<UserRow, "id" | "username" | "deleted_at" | "first_name" | "last_name">, deletedLabel?: string): string {
  const name = [user.first_name, user.last_name].filter(Boolean).join(" ");
  const who = showUser(user, deletedLabel);
  return name ? `${name}, ${who}` : who;
}
