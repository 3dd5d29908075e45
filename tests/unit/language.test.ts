import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { createI18n, LOCALES, translator, type Locale } from "../../src/i18n.js";
import { projectRoot } from "../../src/paths.js";

/** Every message of a locale: its key and its source text (the lines after "key ="). */
function messagesOf(locale: Locale): Map<string, string> {
  const dir = join(projectRoot, "locales", locale);
  const messages = new Map<string, string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ftl"))) {
    let key: string | undefined;
    for (const line of readFileSync(join(dir, file), "utf8").split("\n")) {
      const start = /^([a-z][a-z0-9_-]*)\s*=(.*)$/.exec(line);
      if (start) {
        key = start[1]!;
        messages.set(key, start[2]!);
      } else if (key !== undefined && /^(\s+\S|})/.test(line)) messages.set(key, `${messages.get(key)!}\n${line}`);
      else key = undefined;
    }
  }
  return messages;
}

/**
 * Noun (and adjective) forms by the plural category of the number before
 * them. A form may serve several categories through grammatical case
 * ("для 21 участника": genitive singular; "2 участника": the few form).
 * Ru categories: 1, 21, 101 → one; 2 → few; 0, 5, 11 → many.
 */
const RU: Record<string, { one: string[]; few: string[]; many: string[] }> = {
  билет: { one: ["билет", "билета", "билету"], few: ["билета", "билетов", "билетам"], many: ["билетов", "билетам"] },
  участник: { one: ["участник", "участника", "участнику"], few: ["участника", "участников", "участникам"], many: ["участников", "участникам"] },
  приглашение: { one: ["приглашение", "приглашения", "приглашению"], few: ["приглашения", "приглашений", "приглашениям"], many: ["приглашений", "приглашениям"] },
  строка: { one: ["строка", "строки", "строку"], few: ["строки", "строк"], many: ["строк"] },
  событие: { one: ["событие", "события"], few: ["события", "событий"], many: ["событий"] },
  запись: { one: ["запись", "записи"], few: ["записи", "записей"], many: ["записей"] },
  сообщение: { one: ["сообщение", "сообщения"], few: ["сообщения", "сообщений"], many: ["сообщений"] },
  ошибка: { one: ["ошибка", "ошибки"], few: ["ошибки", "ошибок"], many: ["ошибок"] },
  попытка: { one: ["попытка", "попытки"], few: ["попытки", "попыток"], many: ["попыток"] },
  пропуск: { one: ["пропуск", "пропуска"], few: ["пропуска", "пропусков"], many: ["пропусков"] },
  файл: { one: ["файл", "файла"], few: ["файла", "файлов"], many: ["файлов"] },
  элемент: { one: ["элемент", "элемента"], few: ["элемента", "элементов"], many: ["элементов"] },
  человек: { one: ["человек", "человека", "человеку"], few: ["человека", "человек", "людям"], many: ["человек", "людям"] },
  контролёр: { one: ["контролёр", "контролёра"], few: ["контролёра", "контролёров"], many: ["контролёров"] },
  администратор: { one: ["администратор", "администратора"], few: ["администратора", "администраторов"], many: ["администраторов"] },
  день: { one: ["день", "дня"], few: ["дня", "дней"], many: ["дней"] },
  отказ: { one: ["отказ", "отказа"], few: ["отказа", "отказов"], many: ["отказов"] },
  блокировка: { one: ["блокировка", "блокировки"], few: ["блокировки", "блокировок"], many: ["блокировок"] },
  отправка: { one: ["отправка", "отправку", "отправки"], few: ["отправки", "отправок"], many: ["отправок"] },
  обладатель: { one: ["обладателя"], few: ["обладателей"], many: ["обладателей"] },
  получатель: { one: ["получатель", "получателя", "получателю"], few: ["получателя", "получателей", "получателям"], many: ["получателей", "получателям"] },
  раз: { one: ["раз"], few: ["раза"], many: ["раз"] },
  вложение: { one: ["вложение", "вложения"], few: ["вложения", "вложений"], many: ["вложений"] },
  символ: { one: ["символ", "символа"], few: ["символа", "символов"], many: ["символов"] },
  свободный: { one: ["свободный", "свободного"], few: ["свободных"], many: ["свободных"] },
  именной: { one: ["именной", "именного"], few: ["именных"], many: ["именных"] },
  служебный: { one: ["служебный"], few: ["служебных"], many: ["служебных"] },
  отправленный: { one: ["отправленный"], few: ["отправленных"], many: ["отправленных"] },
};

const EN: Record<string, { one: string[]; other: string[] }> = {
  ticket: { one: ["ticket"], other: ["tickets"] },
  participant: { one: ["participant"], other: ["participants"] },
  invite: { one: ["invite"], other: ["invites"] },
  line: { one: ["line"], other: ["lines"] },
  event: { one: ["event"], other: ["events"] },
  entry: { one: ["entry"], other: ["entries"] },
  message: { one: ["message"], other: ["messages"] },
  error: { one: ["error"], other: ["errors"] },
  attempt: { one: ["attempt"], other: ["attempts"] },
  pass: { one: ["pass"], other: ["passes"] },
  file: { one: ["file"], other: ["files"] },
  person: { one: ["person"], other: ["people"] },
  admin: { one: ["admin"], other: ["admins"] },
  day: { one: ["day"], other: ["days"] },
  refusal: { one: ["refusal"], other: ["refusals"] },
  send: { one: ["send"], other: ["sends"] },
  record: { one: ["record"], other: ["records"] },
  problem: { one: ["problem"], other: ["problems"] },
  holder: { one: ["holder"], other: ["holders"] },
  link: { one: ["link"], other: ["links"] },
  attachment: { one: ["attachment"], other: ["attachments"] },
  character: { one: ["character"], other: ["characters"] },
  pdf: { one: ["pdf"], other: ["pdfs"] },
};

const NUMBERS = [0, 1, 2, 5, 11, 21, 101];

/** Variables that hold names, times and descriptions, never a count: these may stand in brackets, and are rendered as a word. */
const NOT_NUMBERS = new Set([
  "zone", "what", "kind", "user", "person", "people", "wave", "old", "new", "file", "files", "name", "id", "reason", "date", "time",
  "status", "version", "by", "text", "admin", "other", "data", "event", "header", "path", "sheet", "details", "action", "replacement",
  "agreement", "language", "duration", "max", "row",
]);

function ruCategory(n: number): "one" | "few" | "many" {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return "one";
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return "few";
  return "many";
}

/** form → the categories it may follow. */
function formIndex(locale: Locale): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  const table: Record<string, Record<string, string[]>> = locale === "ru" ? RU : EN;
  for (const forms of Object.values(table)) {
    for (const [category, words] of Object.entries(forms)) {
      for (const word of words) {
        if (!index.has(word)) index.set(word, new Set());
        index.get(word)!.add(category);
      }
    }
  }
  return index;
}

const i18n = createI18n("ru");

/** Every message rendered with all its variables set to n. */
function renderAll(locale: Locale, n: number): Array<{ key: string; text: string }> {
  const t = translator(i18n, locale);
  return [...messagesOf(locale)].map(([key, source]) => {
    const variables: Record<string, number | string> = {};
    for (const m of source.matchAll(/\$([a-z_]+)/g)) variables[m[1]!] = NOT_NUMBERS.has(m[1]!) ? "«X»" : n;
    return { key, text: t(key, variables) };
  });
}

describe("plural forms", () => {
  for (const locale of LOCALES) {
    const forms = formIndex(locale);
    it(`${locale}: every noun after a number agrees with it (0, 1, 2, 5, 11, 21, 101)`, () => {
      const wrong: string[] = [];
      for (const n of NUMBERS) {
        const category = locale === "ru" ? ruCategory(n) : n === 1 ? "one" : "other";
        for (const { key, text } of renderAll(locale, n)) {
          // The number, then up to three words of the same phrase: the first one the table knows must fit the number.
          for (const m of text.matchAll(new RegExp(`(?<![\\d.,:/#№-])${n}(?![\\d.,])((?:[ \\u00A0]+[\\p{L}’']+){1,3})`, "gu"))) {
            const words = m[1]!.trim().split(/[ \u00A0]+/).map((w) => w.toLowerCase());
            // English nouns stand before nouns as modifiers ("2 ticket holders", "5 invite links"): then the second one counts.
            const first = words.findIndex((w) => forms.has(w));
            const known = first < 0 ? undefined : locale === "en" && forms.has(words[first + 1] ?? "") ? words[first + 1] : words[first];
            if (known !== undefined && !forms.get(known)!.has(category)) wrong.push(`${key} with ${n}: “${m[0].trim()}”`);
          }
        }
      }
      assert.deepEqual(wrong, []);
    });

    it(`${locale}: no number is dodged with brackets or put after a noun and a colon`, () => {
      const dodged = [...messagesOf(locale)]
        .filter(([, source]) => [...source.matchAll(/\(\s*\{\s*\$([a-z_]+)\s*\}\s*\)/g)].some((m) => !NOT_NUMBERS.has(m[1]!)))
        .map(([key]) => key);
      assert.deepEqual(dodged, [], "“участникам ({ $count })”");
      const labelled: string[] = [];
      for (const { key, text } of renderAll(locale, 5)) {
        for (const m of text.matchAll(/([\p{L}]+): 5(?![\d]| [\p{L}])/gu)) if (forms.has(m[1]!.toLowerCase())) labelled.push(`${key}: “${m[0]}”`);
      }
      assert.deepEqual(labelled, [], "“билетов: 5”");
    });
  }

  it("the table knows the forms the locale files use most", () => {
    // A sanity check of the test itself: a wrong form is caught.
    const forms = formIndex("ru");
    assert.equal(forms.get("участников")!.has("one"), false);
    assert.equal(forms.get("билет")!.has("many"), false);
    assert.equal(ruCategory(21), "one");
    assert.equal(ruCategory(11), "many");
    assert.equal(ruCategory(101), "one");
    assert.equal(ruCategory(2), "few");
  });
});

describe("glossary", () => {
  const glossary = readFileSync(join(projectRoot, "locales", "GLOSSARY.md"), "utf8");
  const rows = glossary
    .split("\n")
    .filter((line) => line.startsWith("|") && !line.startsWith("| ---") && !line.startsWith("| concept"))
    .map((line) => line.split("|").map((cell) => cell.trim()));
  const retired: Record<Locale, string[]> = { ru: [], en: [] };
  for (const cells of rows) {
    // | concept | ru | en | retired ru | retired en |
    retired.ru.push(...(cells[4] ?? "").split(",").map((s) => s.trim()).filter(Boolean));
    retired.en.push(...(cells[5] ?? "").split(",").map((s) => s.trim()).filter(Boolean));
  }

  it("retires terms in both languages", () => {
    assert.ok(retired.ru.includes("основател"));
    assert.ok(retired.en.includes("founder"));
  });

  for (const locale of LOCALES) {
    it(`${locale}: no text uses a term the glossary retires`, () => {
      const found: string[] = [];
      for (const [key, source] of messagesOf(locale)) {
        // Selector keys and variables are code, not words: only the text a person reads counts.
        const text = source.replace(/\{\s*\$[a-z_]+[^}]*\}/g, " ").replace(/\[[a-z0-9]+\]/g, " ");
        for (const term of retired[locale]) {
          if (new RegExp(`(?<![\\p{L}])${term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "iu").test(text)) found.push(`${key}: ${term}`);
        }
      }
      assert.deepEqual(found, []);
    });
  }
});
