import type { Config } from "../../config.js";
import type { Repos } from "../../db/repos/index.js";
import type { Role } from "../commands.js";

/** Founders come from the config; admins and participants from the database, read at the moment of use. */
export function roleOf(userId: number, config: Pick<Config, "FOUNDER_IDS">, repos: Pick<Repos, "admins" | "users">): Role {
  if (config.FOUNDER_IDS.includes(userId)) return "founder";
  if (repos.admins.isAdmin(userId)) return "admin";
  if (repos.users.isParticipant(userId)) return "participant";
  return "visitor";
}

export const isAdminRole = (role: Role): boolean => role === "admin" || role === "founder";
