import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, effect, inject, signal } from '@angular/core';
import {
  type EvaluationRoundSummary,
  type IsoDate,
  type RoundOccasionKind,
  dayIsOver,
  dayOnDevice,
  todayInLondon,
} from '@heard/domain';
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { firstValueFrom } from 'rxjs';
import { activityUrl } from '../activities/activities-api';
import { API } from '../core/api-urls';
import { SessionService } from '../core/session.service';
import { roundsAtOccasionUrl } from '../evaluations/evaluation-rounds-api';
import { roundUrl } from '../evaluations/evaluations-api';
import { sessionUrl } from '../groups/sessions-api';
import { FROM_THE_SERVER } from './day-store.interceptor';

/** The occasions an officer runs on the day: an activity day, or a group's session. */
export type DayKind = Extract<RoundOccasionKind, 'activity_day' | 'group_session'>;

/** What the day's page hands over when the officer gets ready. */
export interface DayToKeep {
  kind: DayKind;
  id: string;
  /** The officer's words for it ("Bowling at Lakeside"), shown on every page while it is kept. */
  title: string;
  /** Its date in London: the data is wiped when it is over. */
  day: IsoDate;
}

/** The day kept on this device, and for whom. */
export interface KeptDay extends DayToKeep {
  officerId: string;
  readyAt: string;
  /** Every API answer kept, by the URL the pages ask for. */
  urls: string[];
  /** How many evaluation rounds of the day were kept, to say so. */
  rounds: number;
}

export interface KeptAnswer {
  url: string;
  body: unknown;
  keptAt: string;
}

interface DayDb extends DBSchema {
  day: { key: string; value: KeptDay };
  answers: { key: string; value: KeptAnswer };
}

export const DAY_DB = 'heard-day';
const THE_DAY = 'day';

/** The day's own pages and what they read, so they open on the device without signal. */
function urlsFor(day: DayToKeep): string[] {
  const pages =
    day.kind === 'activity_day'
      ? [
          activityUrl(day.id),
          `${activityUrl(day.id)}/day-sheet`,
          `${activityUrl(day.id)}/invitations`,
          `${activityUrl(day.id)}/consents`,
        ]
      : [sessionUrl(day.id)];
  // The session check too: the guards ask who is signed in before a staff page opens.
  return [API.session, ...pages];
}

/**
 * "Get ready for the day" (docs/offline.md, ADR 0032): the day sheet, the register and the day's
 * open evaluation rounds, kept in IndexedDB so the day's pages open with no signal. One day, for
 * one officer, for the shortest time: from the evening before to the end of the day in London.
 * Heard wipes it the first time it runs after the day (a browser cannot delete on a timer while
 * nothing runs), on signing out, and whenever the server says the officer is not signed in (a
 * session ended elsewhere, as when a phone is reported lost). The HTTP interceptor beside it
 * answers the pages from here only when the network does not answer.
 */
@Injectable({ providedIn: 'root' })
export class DayStore {
  private readonly http = inject(HttpClient);
  private readonly session = inject(SessionService);
  private db: Promise<IDBPDatabase<DayDb>> | null = null;
  readonly available = typeof indexedDB !== 'undefined';

  /** The day kept on this device, once read from it; null when none is. */
  readonly kept = signal<KeptDay | null>(null);
  /** Settled once the device has been read, so "nothing kept" is known and not assumed. */
  readonly loaded: Promise<void>;

  constructor() {
    this.loaded = this.load();
    effect(() => {
      if (!this.session.settled()) return;
      const officer = this.session.user()?.id ?? null;
      const kept = this.kept();
      // Signed out, or another person signed in on this device: the day is not theirs to see.
      if (kept && kept.officerId !== officer) void this.wipe();
    });
  }

  /** Keeps the day on the device, replacing whichever day was kept before. Rejects without signal. */
  async getReady(day: DayToKeep): Promise<KeptDay> {
    const officer = this.session.user();
    if (!officer) throw new Error('Sign in to get ready for the day.');
    const when = dayOnDevice(day.day, todayInLondon());
    if (when.state !== 'may-keep') throw new Error(when.words);
    const context = new HttpContext().set(FROM_THE_SERVER, true);
    const fetch = async (url: string): Promise<KeptAnswer> => ({
      url,
      body: await firstValueFrom(this.http.get<unknown>(url, { context })),
      keptAt: new Date().toISOString(),
    });
    const [answers, roundList] = await Promise.all([
      Promise.all(urlsFor(day).map(fetch)),
      fetch(roundsAtOccasionUrl(day.kind, day.id)),
    ]);
    // A round not open yet may open on the day; a closed one takes no more answers.
    const open = (roundList.body as EvaluationRoundSummary[]).filter((r) => r.state !== 'closed');
    answers.push(roundList, ...(await Promise.all(open.map((r) => fetch(roundUrl(r.id))))));
    const kept: KeptDay = {
      ...day,
      officerId: officer.id,
      readyAt: new Date().toISOString(),
      urls: answers.map((a) => a.url),
      rounds: open.length,
    };
    const tx = (await this.open()).transaction(['day', 'answers'], 'readwrite');
    await Promise.all([
      tx.objectStore('answers').clear(),
      ...answers.map((a) => tx.objectStore('answers').put(a)),
      tx.objectStore('day').put(kept, THE_DAY),
      tx.done,
    ]);
    this.kept.set(kept);
    return kept;
  }

  /** The kept answer to a GET, while the day is kept and not over; undefined otherwise. */
  async answerFor(url: string): Promise<KeptAnswer | undefined> {
    if (!this.available) return undefined;
    await this.loaded;
    const kept = this.kept();
    if (!kept?.urls.includes(url)) return undefined;
    if (dayIsOver(kept.day, todayInLondon())) return void (await this.wipe());
    return (await this.open()).get('answers', url);
  }

  /** Keeps the newer answer when a page read a kept URL with signal, so the device stays current. */
  async refresh(url: string, body: unknown): Promise<void> {
    if (!this.kept()?.urls.includes(url)) return;
    await (await this.open()).put('answers', { url, body, keptAt: new Date().toISOString() });
  }

  /** Takes the day off the device. */
  async wipe(): Promise<void> {
    this.kept.set(null);
    if (!this.available) return;
    const tx = (await this.open()).transaction(['day', 'answers'], 'readwrite');
    await Promise.all([tx.objectStore('day').clear(), tx.objectStore('answers').clear(), tx.done]);
  }

  private async load(): Promise<void> {
    if (!this.available) return;
    const kept = (await (await this.open()).get('day', THE_DAY)) ?? null;
    if (kept && dayIsOver(kept.day, todayInLondon())) return this.wipe();
    this.kept.set(kept);
  }

  private open(): Promise<IDBPDatabase<DayDb>> {
    this.db ??= openDB<DayDb>(DAY_DB, 1, {
      upgrade(db) {
        db.createObjectStore('day');
        db.createObjectStore('answers', { keyPath: 'url' });
      },
    });
    return this.db;
  }
}
