import type { Role } from "../../people/operations.js";

/** Founders and admins: the organisers. */
export const isAdminRole = (role: Role): boolean => role === "admin" || role === "founder";
