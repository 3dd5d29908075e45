import type Database from "better-sqlite3";
import { initial } from "./0001-initial.js";
import { wavesAndDelivery } from "./0002-waves-and-delivery.js";
import { broadcasts } from "./0003-broadcasts.js";
import { guarantees } from "./0004-guarantees.js";
import { door } from "./0005-door.js";
import { language } from "./0006-language.js";
import { eventQuestionsWaitingList } from "./0007-event-questions-waiting-list.js";
import { announcements } from "./0008-announcements.js";
import { largeWaves } from "./0009-large-waves.js";

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/** Numbered, append-only: a migration that has landed is never edited. */
export const migrations: readonly Migration[] = [initial, wavesAndDelivery, broadcasts, guarantees, door, language, eventQuestionsWaitingList, announcements, largeWaves];
