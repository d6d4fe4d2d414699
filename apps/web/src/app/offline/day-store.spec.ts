import '../../testing/indexed-db';
import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  HttpTestingController,
  type TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { type EvaluationRoundSummary, Role, addDays, todayInLondon } from '@heard/domain';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { firstValueFrom } from 'rxjs';
import { ACTIVITY_ID, activityResponse, daySheet, invitation } from '../../testing/activity-fixtures';
import { ROUND_ID, entryRound } from '../../testing/evaluation-fixtures';
import { indexedDbTurns, setOffline } from '../../testing/indexed-db';
import { sessionFor, signInAs } from '../../testing/session';
import { SessionService } from '../core/session.service';
import { DAY_DB, DayStore, type DayToKeep, type KeptDay } from './day-store';
import { KEPT_AT_HEADER, dayStoreInterceptor } from './day-store.interceptor';
import { eventually, requestMade } from '../../testing/eventually';

const DAY = `/api/activities/${ACTIVITY_ID}`;
const ROUNDS = `/api/evaluation-rounds?occasionKind=activity_day&occasionId=${ACTIVITY_ID}`;
const CLOSED_ROUND_ID = '44444444-4444-4444-8444-444444444444';
const today = todayInLondon();
const theDay: DayToKeep = { kind: 'activity_day', id: ACTIVITY_ID, title: 'Bowling at Lakeside', day: today };

const noSignal = (req: TestRequest) => req.error(new ProgressEvent('error'), { status: 0, statusText: '' });

describe('the day kept on the device', () => {
  let store: DayStore;
  let http: HttpTestingController;
  let client: HttpClient;

  function configure(): void {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([dayStoreInterceptor])), provideHttpClientTesting()],
    });
    store = TestBed.inject(DayStore);
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
  }

  beforeEach(async () => {
    // A fresh device for each test.
    globalThis.indexedDB = new IDBFactory();
    configure();
    await signInAs(Role.ParticipationOfficer);
    await store.loaded;
  });

  afterEach(() => {
    setOffline(false);
    http.verify();
    TestBed.resetTestingModule();
  });

  /** Gets ready for the day, answering each request the way the server would. */
  async function getReady(): Promise<KeptDay> {
    const rounds: EvaluationRoundSummary[] = [
      { ...entryRound(), state: 'open' },
      { ...entryRound(), id: CLOSED_ROUND_ID, state: 'closed' },
    ];
    const ready = store.getReady(theDay);
    (await requestMade(http, '/api/auth/session')).flush(sessionFor(Role.ParticipationOfficer));
    (await requestMade(http, DAY)).flush(activityResponse({ date: today }));
    (await requestMade(http, `${DAY}/day-sheet`)).flush(daySheet());
    (await requestMade(http, `${DAY}/invitations`)).flush([invitation()]);
    (await requestMade(http, `${DAY}/consents`)).flush({ purposes: [], rows: [] });
    (await requestMade(http, ROUNDS)).flush(rounds);
    (await requestMade(http, `/api/evaluation-rounds/${ROUND_ID}`)).flush(entryRound());
    return ready;
  }

  const read = (url: string) => firstValueFrom(client.get<unknown>(url, { observe: 'response' }));

  it("keeps the day sheet, the register and the day's open rounds, and says what it kept", async () => {
    const kept = await getReady();
    expect(kept).toEqual(
      expect.objectContaining({
        kind: 'activity_day',
        id: ACTIVITY_ID,
        officerId: 'user-participation_officer',
        rounds: 1,
      }),
    );
    expect(kept.urls).toEqual([
      '/api/auth/session',
      DAY,
      `${DAY}/day-sheet`,
      `${DAY}/invitations`,
      `${DAY}/consents`,
      ROUNDS,
      `/api/evaluation-rounds/${ROUND_ID}`,
    ]);
    // The closed round takes no answers on the day: it is not asked for, so not kept.
    expect(http.match(`/api/evaluation-rounds/${CLOSED_ROUND_ID}`)).toEqual([]);
    expect(store.kept()).toEqual(kept);
  });

  it('answers a kept GET from the device only when the network does not answer, and says so', async () => {
    await getReady();
    const online = read(`${DAY}/day-sheet`);
    const newer = daySheet();
    (await requestMade(http, `${DAY}/day-sheet`)).flush({
      ...newer,
      activity: { ...newer.activity, title: 'From the server' },
    });
    const fresh = await online;
    expect(fresh.headers.has(KEPT_AT_HEADER)).toBe(false);
    expect(fresh.body).toEqual(
      expect.objectContaining({ activity: expect.objectContaining({ title: 'From the server' }) }),
    );

    setOffline(true);
    const offline = read(`${DAY}/day-sheet`);
    noSignal(await requestMade(http, `${DAY}/day-sheet`));
    const kept = await offline;
    expect(kept.status).toBe(200);
    expect(kept.headers.get(KEPT_AT_HEADER)).toMatch(/^\d{4}-\d\d-\d\dT/);
    // With signal the page read a newer answer: the device kept that one.
    expect(kept.body).toEqual(
      expect.objectContaining({ activity: expect.objectContaining({ title: 'From the server' }) }),
    );
  });

  it('lets a GET that was not kept, and a refusal from the server, fail as they always did', async () => {
    await getReady();
    const other = read(`/api/activities/${ACTIVITY_ID}/funnel`);
    noSignal(await requestMade(http, `/api/activities/${ACTIVITY_ID}/funnel`));
    await expect(other).rejects.toBeInstanceOf(HttpErrorResponse);

    const refused = read(`${DAY}/day-sheet`);
    (await requestMade(http, `${DAY}/day-sheet`)).flush(
      { status: 404, title: 'Not found' },
      { status: 404, statusText: 'Not Found' },
    );
    await expect(refused).rejects.toEqual(expect.objectContaining({ status: 404 }));
  });

  it("never puts a kept answer in place of the server's own, even while the browser says it is offline", async () => {
    await getReady();
    setOffline(true);
    for (const [status, statusText] of [
      [401, 'Unauthorized'],
      [504, 'Gateway Timeout'],
      [500, 'Internal Server Error'],
    ] as const) {
      const answered = read(`${DAY}/day-sheet`);
      (await requestMade(http, `${DAY}/day-sheet`)).flush({ status }, { status, statusText });
      await expect(answered).rejects.toEqual(expect.objectContaining({ status }));
    }
  });

  it('wipes the day when the session check says nobody is signed in (a session ended elsewhere)', async () => {
    await getReady();
    const checking = TestBed.inject(SessionService).load();
    (await requestMade(http, '/api/auth/session')).flush(
      { status: 401, title: 'Sign in' },
      { status: 401, statusText: 'Unauthorized' },
    );
    await checking;
    TestBed.tick();
    await eventually(() => (store.kept() === null ? true : undefined), 'the kept day to be forgotten');
    const db = await openDB(DAY_DB, 1);
    expect(await db.count('answers')).toBe(0);
    db.close();
  });

  it('keeps nothing when getting ready finds no signal, and never answers getting ready from the device', async () => {
    await getReady();
    const again = store.getReady(theDay);
    noSignal(await requestMade(http, '/api/auth/session'));
    for (const url of [DAY, `${DAY}/day-sheet`, `${DAY}/invitations`, `${DAY}/consents`, ROUNDS])
      noSignal(await requestMade(http, url));
    await expect(again).rejects.toBeInstanceOf(HttpErrorResponse);
    // The day kept before is still there: a failed refresh takes nothing away.
    expect(store.kept()?.id).toBe(ACTIVITY_ID);
  });

  it('refuses to keep a day more than one day ahead, or one that is over', async () => {
    await expect(store.getReady({ ...theDay, day: addDays(today, 2) })).rejects.toThrow(/the day before/);
    await expect(store.getReady({ ...theDay, day: addDays(today, -1) })).rejects.toThrow(/over/);
    expect(store.kept()).toBeNull();
  });

  it('wipes the day when the officer signs out, or the server says nobody is signed in', async () => {
    await getReady();
    TestBed.inject(SessionService).clear();
    TestBed.tick();
    await indexedDbTurns();
    expect(store.kept()).toBeNull();
    setOffline(true);
    const offline = read(`${DAY}/day-sheet`);
    noSignal(await requestMade(http, `${DAY}/day-sheet`));
    await expect(offline).rejects.toBeInstanceOf(HttpErrorResponse);
    const db = await openDB(DAY_DB, 1);
    expect(await db.count('answers')).toBe(0);
    expect(await db.count('day')).toBe(0);
    db.close();
  });

  it('wipes the day when another officer signs in on the device', async () => {
    await getReady();
    await signInAs(Role.ParticipationOfficer, { id: 'another-officer' });
    TestBed.tick();
    await indexedDbTurns();
    expect(store.kept()).toBeNull();
  });

  it('wipes a day that is over the next time Heard runs', async () => {
    await getReady();
    const db = await openDB(DAY_DB, 1);
    const kept = (await db.get('day', 'day')) as KeptDay;
    await db.put('day', { ...kept, day: addDays(today, -1) }, 'day');
    db.close();

    TestBed.resetTestingModule();
    configure();
    await store.loaded;
    expect(store.kept()).toBeNull();
    const after = await openDB(DAY_DB, 1);
    expect(await after.count('answers')).toBe(0);
    after.close();
  });
});
