import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { migrate, openDatabase } from "../../src/db/database.js";
import { migrations } from "../../src/db/migrations/index.js";
import { createRepos } from "../../src/db/repos/index.js";
import { createI18n, translator } from "../../src/i18n.js";
import { chatLogText, securityActionText } from "../../src/reports/markers.js";

const i18n = createI18n("ru");
const ru = translator(i18n, "ru");
const en = translator(i18n, "en");

describe("chat-log markers", () => {
  it("are stored without words and read in the reader's language", () => {
    const line = { kind: "edited_document", detail: "plan.pdf", content: "вот план" };
    assert.equal(chatLogText(line, ru), "[изменено] [документ: plan.pdf] вот план");
    assert.equal(chatLogText(line, en), "[edited] [document: plan.pdf] вот план");
    assert.equal(chatLogText({ kind: "button", detail: "✅ Принимаю", content: "" }, ru), "[кнопка «✅ Принимаю»]");
    assert.equal(chatLogText({ kind: "copy_photo", detail: null, content: "Схема зала" }, ru), "[фото] Схема зала");
    assert.equal(chatLogText({ kind: "forward_text", detail: null, content: "hi" }, en), "[forwarded message] hi");
    assert.equal(chatLogText({ kind: "edit", detail: null, content: "новый текст" }, ru), "[изменено] новый текст");
    assert.equal(chatLogText({ kind: "document", detail: null, content: "" }, ru), "[документ]");
  });

  it("leave a person's own text that looks like a marker alone", () => {
    assert.equal(chatLogText({ kind: "text", detail: null, content: "[photo] not really" }, ru), "[photo] not really");
  });

  it("security log actions read in the reader's language", () => {
    assert.equal(securityActionText("/export_users", ru), "/export_users");
    assert.equal(securityActionText("button ✅ Подтвердить", ru), "кнопка «✅ Подтвердить»");
    assert.equal(securityActionText("pass scan", en), "a pass opened by someone who is not door staff");
  });

  it("written in English before the upgrade become kinds and details, and agreement versions get their dates", () => {
    const db = openDatabase(":memory:", migrations.slice(0, 5));
    const insert = db.prepare(`INSERT INTO chat_log (at, user_id, direction, kind, message_id, content) VALUES (1, 7, ?, ?, NULL, ?)`);
    insert.run("in", "document", "[document: tickets.zip] /upload_zip");
    insert.run("in", "edited_text", "[edited] [photo] my words");
    insert.run("out", "edit_document", "[edited] [document: a.pdf] Ваш билет");
    insert.run("in", "button", "[button: ✅ Accept]");
    insert.run("out", "copy", "[photo] Hall plan");
    insert.run("out", "copy", "plain text announcement");
    insert.run("in", "text", "[photo] typed by a person");
    insert.run("in", "sticker", "[sticker 👍]");
    db.prepare(`INSERT INTO users (id, first_name, agreement_version, consent_at, first_seen_at, last_seen_at) VALUES (7, 'A', 'ru-abc', 1000, 1, 1), (8, 'B', 'ru-abc', 500, 1, 1)`).run();
    migrate(db, migrations);
    const rows = db.prepare(`SELECT kind, detail, content FROM chat_log ORDER BY id`).all();
    assert.deepEqual(rows, [
      { kind: "document", detail: "tickets.zip", content: "/upload_zip" },
      { kind: "edited_text", detail: null, content: "[photo] my words" },
      { kind: "edit_document", detail: "a.pdf", content: "Ваш билет" },
      { kind: "button", detail: "✅ Accept", content: "" },
      { kind: "copy_photo", detail: null, content: "Hall plan" },
      { kind: "copy_text", detail: null, content: "plain text announcement" },
      { kind: "text", detail: null, content: "[photo] typed by a person" },
      { kind: "sticker", detail: "👍", content: "" },
    ]);
    assert.deepEqual([...createRepos(db).agreements.firstSeen()], [["ru-abc", 500]]);
  });
});
