import { z } from "zod";
import { MAX_CALLBACK_BYTES } from "./limits.js";

/** A database id on a button. */
export const idArg = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** A short token on a button (an agreement version, a code). */
export const tokenArg = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);

type Schemas = readonly z.ZodType[];
type Outputs<S extends Schemas> = { -readonly [I in keyof S]: z.output<S[I]> };
type Inputs<S extends Schemas> = { -readonly [I in keyof S]: z.input<S[I]> };

/** A pressed button of a family, parsed and validated: its action and typed arguments. */
export type Press<A extends Record<string, Schemas>> = { [K in keyof A & string]: { action: K; args: Outputs<A[K]> } }[keyof A & string];

/**
 * One family of inline buttons, "<prefix>:<action>:<arg>…", built, parsed and
 * validated in one place. The prefix decides who may press (bot/commands.ts);
 * each action declares its arguments, so a forged or outdated payload parses
 * to undefined instead of being trusted, and no button is ever built over
 * Telegram's 64 bytes.
 */
export function buttonFamily<const A extends Record<string, Schemas>>(prefix: string, actions: A) {
  return {
    prefix,
    /** Every button of the family, for composer.callbackQuery. */
    pattern: new RegExp(`^${prefix}:`),
    data<K extends keyof A & string>(action: K, ...args: Inputs<A[K]>): string {
      const data = [prefix, action, ...(args as unknown[]).map(String)].join(":");
      if (Buffer.byteLength(data) > MAX_CALLBACK_BYTES) throw new RangeError(`callback data over ${MAX_CALLBACK_BYTES} bytes: ${data}`);
      return data;
    },
    parse(data: string | undefined): Press<A> | undefined {
      const [head, action = "", ...raw] = (data ?? "").split(":");
      if (head !== prefix || !Object.hasOwn(actions, action)) return undefined;
      const schemas = actions[action]!;
      if (raw.length > schemas.length) return undefined;
      const args: unknown[] = [];
      for (const [index, schema] of schemas.entries()) {
        const parsed = schema.safeParse(raw[index]);
        if (!parsed.success) return undefined;
        args.push(parsed.data);
      }
      return { action, args } as Press<A>;
    },
  };
}
