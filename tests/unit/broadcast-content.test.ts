import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Message } from "grammy/types";
import { afterCommand, broadcastFromMessage } from "../../src/broadcast/content.js";
import { cleanName, safeFileName, shownName } from "../../src/tickets/names.js";

const base = { message_id: 7, date: 0, chat: { id: 1, type: "private" as const, first_name: "A" } };
const command = (length = 10) => ({ type: "bot_command" as const, offset: 0, length });

describe("what /broadcast sends", () => {
  it("takes the text after the command and moves its formatting", () => {
    const text = "/broadcast  Hello *bold* world  ";
    const result = afterCommand(text, [command(), { type: "bold", offset: 18, length: 6 }, { type: "italic", offset: 3, length: 12 }]);
    assert.equal(result.text, "Hello *bold* world");
    assert.deepEqual(result.entities, [
      { type: "bold", offset: 6, length: 6 },
      // an entity overlapping the command is cut to the part that remains
      { type: "italic", offset: 0, length: 3 },
    ]);
  });

  it("counts offsets in UTF-16 units like Telegram", () => {
    const result = afterCommand("/broadcast 🎟 <b>x", [command(), { type: "bold", offset: 14, length: 1 }]);
    assert.equal(result.text, "🎟 <b>x");
    assert.deepEqual(result.entities, [{ type: "bold", offset: 3, length: 1 }]);
  });

  it("refuses an empty one and over-long text", () => {
    assert.deepEqual(broadcastFromMessage({ ...base, text: "/broadcast", entities: [command()] }), { ok: false, reason: "empty" });
    assert.deepEqual(broadcastFromMessage({ ...base, text: "/broadcast   ", entities: [command()] }), { ok: false, reason: "empty" });
    const long = `/broadcast ${"x".repeat(4097)}`;
    assert.deepEqual(broadcastFromMessage({ ...base, text: long, entities: [command()] }), { ok: false, reason: "too_long_text" });
  });

  it("copies media sent with the caption, replacing the caption", () => {
    const photo: Message = { ...base, photo: [{ file_id: "p", file_unique_id: "u", width: 1, height: 1 }], caption: "/broadcast Hall plan", caption_entities: [command()] };
    const result = broadcastFromMessage(photo);
    assert.ok(result.ok);
    assert.deepEqual(result.content, { kind: "copy", sourceMessageId: 7, caption: { text: "Hall plan", entities: [] } });
    assert.equal(result.summary, "Hall plan");
    const bare = broadcastFromMessage({ ...photo, caption: "/broadcast" });
    assert.ok(bare.ok);
    assert.deepEqual(bare.content, { kind: "copy", sourceMessageId: 7, caption: { text: "", entities: [] } }, "the command itself never reaches participants");
    const tooLong = broadcastFromMessage({ ...photo, caption: `/broadcast ${"y".repeat(1025)}` });
    assert.deepEqual(tooLong, { ok: false, reason: "too_long_caption" });
  });

  it("copies the replied-to message as it is", () => {
    const reply: Message = { ...base, message_id: 3, document: { file_id: "d", file_unique_id: "u", file_name: "plan.pdf" }, caption: "Plan" };
    const result = broadcastFromMessage({ ...base, text: "/broadcast", entities: [command()], reply_to_message: reply as Message & { reply_to_message: undefined } });
    assert.ok(result.ok);
    assert.deepEqual(result.content, { kind: "copy", sourceMessageId: 3 });
    assert.equal(result.summary, "Plan");
  });
});

describe("ticket file names", () => {
  it("are safe on any file system and keep what they can", () => {
    assert.equal(safeFileName("Билет №1 (VIP).pdf"), "Билет_No1_VIP_.pdf");
    assert.equal(safeFileName("../../etc/passwd"), "etc_passwd.pdf");
    assert.equal(safeFileName(".hidden.PDF"), "hidden.pdf");
    assert.equal(safeFileName("///"), "ticket.pdf");
    assert.ok(safeFileName("x".repeat(300)).length <= 84);
  });

  it("are shown without control or bidi characters", () => {
    assert.equal(cleanName("evil\u202Efdp.exe"), "evilfdp.exe");
    assert.equal(cleanName("a\u0000b\nc"), "abc");
    assert.equal(cleanName(""), "(unnamed)");
    // Stored whole; shortened only where a message shows it.
    assert.equal(cleanName("z".repeat(200)).length, 200);
    assert.equal(shownName("z".repeat(200)).length, 120);
  });
});
