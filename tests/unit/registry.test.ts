import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import ts from "typescript";
import { CALLBACK_PREFIXES, callbackPrefix, COMMANDS } from "../../src/bot/commands.js";
import { projectRoot } from "../../src/paths.js";

/**
 * The authorization guard only knows what bot/commands.ts lists. These tests
 * read the bot's source and make sure no handler is registered for a command
 * or a button that the registry (and so the guard) does not know: a feature
 * added later without its registry line fails here, not in production.
 */

type Kind = "command" | "captionCommand" | "callbackQuery" | "menu";

interface Registration {
  where: string;
  kind: Kind;
  /** Command names, callback data strings or menu ids. */
  values: string[];
  /** Regular expressions given to callbackQuery. */
  patterns: RegExp[];
  /** Why the trigger could not be read statically (then it cannot be checked, which is itself a failure). */
  unreadable?: string;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith(".ts") && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** Every command, caption command, callback and menu registration in the given files. */
function scanRegistrations(files: readonly string[]): Registration[] {
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const found: Registration[] = [];

  for (const file of files) {
    const source = program.getSourceFile(file);
    assert.ok(source, `TypeScript did not load ${file}`);
    const visit = (node: ts.Node): void => {
      const kind = registrationKind(node);
      const trigger = kind && (node as ts.CallExpression | ts.NewExpression).arguments?.[0];
      if (kind) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        const registration: Registration = { where: `${relative(projectRoot, file)}:${line + 1}`, kind, values: [], patterns: [] };
        if (trigger) readTrigger(trigger, checker, registration);
        else registration.unreadable = "no trigger argument";
        found.push(registration);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

function registrationKind(node: ts.Node): Kind | undefined {
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "Menu") return "menu";
  if (!ts.isCallExpression(node)) return undefined;
  const callee = node.expression;
  if (ts.isIdentifier(callee) && callee.text === "captionCommand") return "captionCommand";
  if (ts.isPropertyAccessExpression(callee)) {
    const name = callee.name.text;
    // bot.command(...), composer.command(...); not ctx.api.setMyCommands and the like.
    if (name === "command" || name === "callbackQuery") return name;
  }
  return undefined;
}

/** Literal strings, regexes, arrays of them, or anything whose type is a union of string literals. */
function readTrigger(node: ts.Expression, checker: ts.TypeChecker, into: Registration): void {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    into.values.push(node.text);
    return;
  }
  if (ts.isRegularExpressionLiteral(node)) {
    const match = /^\/(.*)\/([a-z]*)$/s.exec(node.text);
    into.patterns.push(new RegExp(match![1]!, match![2]));
    return;
  }
  if (ts.isArrayLiteralExpression(node)) {
    for (const element of node.elements) readTrigger(element as ts.Expression, checker, into);
    return;
  }
  // `menu:${id}`: a fixed head that already ends the prefix decides it.
  if (ts.isTemplateExpression(node) && /[:/]/.test(node.head.text)) {
    into.values.push(node.head.text);
    return;
  }
  // Every button of a family built by the one codec: `family.pattern`, where
  // `family = buttonFamily("prefix", …)`; the prefix is its first argument.
  if (ts.isPropertyAccessExpression(node) && node.name.text === "pattern") {
    const family = constantInitializer(node.expression, checker);
    if (family && ts.isCallExpression(family) && ts.isIdentifier(family.expression) && family.expression.text === "buttonFamily") {
      const prefix = family.arguments[0];
      if (prefix && ts.isStringLiteral(prefix)) {
        into.values.push(`${prefix.text}:`);
        return;
      }
    }
  }
  // A constant defined elsewhere: read its initializer.
  const initializer = constantInitializer(node, checker);
  if (initializer) {
    readTrigger(initializer, checker, into);
    return;
  }
  const type = checker.getTypeAtLocation(node);
  const parts = type.isUnion() ? type.types : [type];
  if (parts.every((part) => part.isStringLiteral())) {
    into.values.push(...parts.map((part) => (part as ts.StringLiteralType).value));
    return;
  }
  into.unreadable = `trigger \`${node.getText()}\` is of type ${checker.typeToString(type)}; use literals (or \`as const\`) so the registry can be checked`;
}

function constantInitializer(node: ts.Expression, checker: ts.TypeChecker): ts.Expression | undefined {
  if (!ts.isIdentifier(node) && !ts.isPropertyAccessExpression(node)) return undefined;
  let symbol = checker.getSymbolAtLocation(node);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declaration = symbol?.valueDeclaration;
  if (!declaration) return undefined;
  if (ts.isPropertyAssignment(declaration)) return declaration.initializer;
  if (ts.isVariableDeclaration(declaration) && declaration.initializer && ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) {
    // A for-of variable has no initializer; its literal type is read by the caller.
    return declaration.initializer;
  }
  return undefined;
}

/**
 * The prefix every string a callback regex can match starts with, or why
 * there is none: the guard decides by the prefix, so a pattern that can match
 * data of another prefix (unanchored, or with a top-level alternative) would
 * run a handler under someone else's rule.
 */
function regexPrefix(pattern: RegExp): { prefix: string } | { problem: string } {
  const source = pattern.source;
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    else if (c === "|" && depth === 0) return { problem: "has a top-level alternative" };
  }
  if (pattern.flags.includes("i")) return { problem: "is case-insensitive (the guard compares prefixes exactly)" };
  const match = /^\^([A-Za-z0-9_-]+)(?::|\\?\/)/.exec(source);
  if (!match) return { problem: "is not anchored to a fixed prefix followed by ':' or '/'" };
  return { prefix: match[1]! };
}

/** What is wrong with the registrations: empty when every handler is reachable only through the guard. */
function registryProblems(registrations: readonly Registration[]): string[] {
  const commandNames = new Set(COMMANDS.map((c) => c.name));
  const problems: string[] = [];
  for (const r of registrations) {
    if (r.unreadable) problems.push(`${r.where}: ${r.kind}: ${r.unreadable}`);
    for (const value of r.values) {
      if (r.kind === "command" || r.kind === "captionCommand") {
        if (!commandNames.has(value)) problems.push(`${r.where}: /${value} is handled but not listed in COMMANDS`);
      } else if (!(callbackPrefix(value) in CALLBACK_PREFIXES)) {
        problems.push(`${r.where}: ${r.kind} "${value}" has prefix "${callbackPrefix(value)}", not in CALLBACK_PREFIXES`);
      }
    }
    for (const pattern of r.patterns) {
      const result = regexPrefix(pattern);
      if ("problem" in result) problems.push(`${r.where}: callback pattern ${String(pattern)} ${result.problem}`);
      else if (!(result.prefix in CALLBACK_PREFIXES)) problems.push(`${r.where}: callback pattern ${String(pattern)} has prefix "${result.prefix}", not in CALLBACK_PREFIXES`);
    }
  }
  return problems;
}

describe("command and callback registry", () => {
  const registrations = scanRegistrations(tsFiles(join(projectRoot, "src", "bot")));

  it("finds the bot's registrations (the scanner itself works)", () => {
    const commands = new Set(registrations.filter((r) => r.kind === "command").flatMap((r) => r.values));
    for (const name of ["start", "help", "add_admin", "gen_invites", "delete_user", "upload_zip", "upload_zip_add", "menu"]) {
      assert.ok(commands.has(name), `no .command("${name}") found; the scanner missed it`);
    }
    const captions = registrations.filter((r) => r.kind === "captionCommand").flatMap((r) => r.values);
    assert.ok(captions.includes("upload_zip"), "captionCommand(upload_zip) not found");
    const callbacks = registrations.filter((r) => r.kind === "callbackQuery");
    assert.ok(callbacks.some((r) => r.values.includes("reg:")), "the registration buttons were not found");
    assert.ok(callbacks.some((r) => r.values.includes("user:")), "the /delete_user buttons were not found");
    assert.ok(callbacks.some((r) => r.values.includes("job:")), "the delivery stop button was not found");
    assert.ok(registrations.some((r) => r.kind === "menu" && r.values.includes("menu")), "the admin menu was not found");
  });

  it("every handled command and callback is in the registry the guard reads", () => {
    assert.deepEqual(registryProblems(registrations), []);
  });

  it("every registry entry is well-formed (Bot API command names, unique)", () => {
    const names = COMMANDS.map((c) => c.name);
    assert.equal(new Set(names).size, names.length, "duplicate command names");
    for (const name of names) assert.match(name, /^[a-z0-9_]{1,32}$/);
    for (const prefix of Object.keys(CALLBACK_PREFIXES)) {
      assert.match(prefix, /^[A-Za-z0-9_-]+$/, `callback prefix "${prefix}" would not survive callbackPrefix()`);
      assert.equal(callbackPrefix(`${prefix}:x`), prefix);
    }
  });

  it("a handler outside the registry is reported", () => {
    const dir = mkdtempSync(join(tmpdir(), "registry-scan-"));
    try {
      const file = join(dir, "sneaky.ts");
      writeFileSync(
        file,
        [
          "declare const bot: any;",
          "declare function captionCommand(name: string): unknown;",
          'bot.command("export_users", () => 0);',
          'bot.command(["secret_dump", "help"], () => 0);',
          'bot.filter(captionCommand("covert_upload"), () => 0);',
          'bot.callbackQuery("admin:drop", () => 0);',
          "bot.callbackQuery(/^user:delete:/, () => 0);",
          "bot.callbackQuery(/delete:/, () => 0);",
          "bot.callbackQuery(/^reg:x|^nuke:/, () => 0);",
          "const name: string = String(Date.now());",
          "bot.command(name, () => 0);",
          'const fixed = ["wave:end", "wave:keep"] as const;',
          "for (const data of fixed) bot.callbackQuery(data, () => 0);",
          "declare function buttonFamily(prefix: string, actions: object): { pattern: RegExp };",
          'const DANGER = buttonFamily("danger", {});',
          "bot.callbackQuery(DANGER.pattern, () => 0);",
          'declare class Menu { constructor(id: string) }',
          'new Menu("secretmenu");',
          "const part = String(Date.now());",
          "new Menu(`menu:${part}`);",
          "new Menu(`${part}:menu`);",
        ].join("\n"),
      );
      const problems = registryProblems(scanRegistrations([file]));
      const expected = [/\/secret_dump is handled/, /\/covert_upload is handled/, /"admin:drop" has prefix "admin"/, /\/delete:\/ is not anchored/, /top-level alternative/, /:11: command: trigger .* is of type string/, /menu "secretmenu"/, /"danger:" has prefix "danger"/, /menu: trigger ``\$\{part\}:menu`` is of type string/];
      for (const pattern of expected) assert.ok(problems.some((p) => pattern.test(p)), `${String(pattern)} not reported in:\n${problems.join("\n")}`);
      assert.equal(problems.length, expected.length, problems.join("\n"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
