import '../../testing/indexed-db';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { HEARD_RECORDED_AT_HEADER, Role } from '@heard/domain';
import { IDBFactory } from 'fake-indexeddb';
import { SessionService } from '../core/session.service';
import { signInAs } from '../../testing/session';
import { OUTBOX_RETRY_MS, type OutboxChange, Outbox } from './outbox';
import { eventually, requestMade } from '../../testing/eventually';

const SESSION_URL = '/api/sessions/s-1/attendance';
const DAY_URL = '/api/activities/a-1/attendance';

const conflict = {
  type: 'https://heard.example/problems/offline-conflict',
  title: 'Not applied',
  status: 409,
  code: 'offline-conflict',
  outcome: 'kept-theirs',
  detail:
    "Robin Fictional was already marked 'absent' by Kit Example at 10:20, after your mark at 10:15; their mark was kept.",
};

describe('the outbox', () => {
  let outbox: Outbox;
  let http: HttpTestingController;

  beforeEach(async () => {
    // A fresh device for each test.
    globalThis.indexedDB = new IDBFactory();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    outbox = TestBed.inject(Outbox);
    http = TestBed.inject(HttpTestingController);
    await signInAs(Role.ParticipationOfficer);
  });

  afterEach(() => {
    http.verify();
    TestBed.resetTestingModule();
  });

  const sessionMark = (label = 'Robin Fictional: present') =>
    outbox.add({
      method: 'PUT',
      url: SESSION_URL,
      body: { entries: [{ youngPersonId: 'p-1', status: 'present' }] },
      label,
      about: 'p-1',
    });
  const dayMark = () =>
    outbox.add({
      method: 'POST',
      url: DAY_URL,
      body: { youngPersonId: 'p-2', attended: true },
      label: 'Sam: came',
      about: 'p-2',
    });
  const state = (change: OutboxChange) => outbox.changes().find((c) => c.id === change.id)?.state;

  it('keeps a change on the device and sends it with its key and the time it was made', async () => {
    const change = await sessionMark();
    expect(outbox.counts()).toMatchObject({ waiting: 1, needYou: 0, sent: 0 });
    const sending = outbox.send();
    const req = await requestMade(http, SESSION_URL);
    expect(req.request.method).toBe('PUT');
    expect(req.request.body).toEqual({ entries: [{ youngPersonId: 'p-1', status: 'present' }] });
    expect(req.request.headers.get('Idempotency-Key')).toBe(change.idempotencyKey);
    expect(req.request.headers.get(HEARD_RECORDED_AT_HEADER)).toBe(change.recordedAt);
    expect(Number.isNaN(Date.parse(change.recordedAt))).toBe(false);
    req.flush({});
    await sending;
    expect(outbox.changes()).toEqual([]);
    expect(outbox.counts()).toMatchObject({ waiting: 0, sent: 1, sending: false });
  });

  it('keeps a change the server did not answer, stops there, and sends it again with the same key', async () => {
    const first = await sessionMark();
    await dayMark();
    let sending = outbox.send();
    (await requestMade(http, SESSION_URL)).flush(
      { detail: 'Down' },
      { status: 503, statusText: 'Unavailable' },
    );
    await sending;
    // The rest waits behind it, so the order holds.
    http.expectNone(DAY_URL);
    expect(state(first)).toBe('waiting');
    expect(outbox.counts().waiting).toBe(2);

    sending = outbox.send();
    const noAnswer = await requestMade(http, SESSION_URL);
    expect(noAnswer.request.headers.get('Idempotency-Key')).toBe(first.idempotencyKey);
    noAnswer.error(new ProgressEvent('error'));
    await sending;
    http.expectNone(DAY_URL);
    expect(state(first)).toBe('waiting');

    sending = outbox.send();
    const retried = await requestMade(http, SESSION_URL);
    expect(retried.request.headers.get('Idempotency-Key')).toBe(first.idempotencyKey);
    expect(retried.request.headers.get(HEARD_RECORDED_AT_HEADER)).toBe(first.recordedAt);
    retried.flush({});
    (await requestMade(http, DAY_URL)).flush({});
    await sending;
    expect(outbox.changes()).toEqual([]);
  });

  it('sends changes in the order they were made, one after the other', async () => {
    const urls = [
      '/api/sessions/s-1/attendance',
      '/api/sessions/s-2/attendance',
      '/api/sessions/s-3/attendance',
    ];
    for (const url of urls)
      await outbox.add({ method: 'PUT', url, body: { entries: [] }, label: url, about: 'p-1' });
    const sending = outbox.send();
    for (const url of urls) {
      const req = await requestMade(http, url);
      // Nothing after it has gone yet.
      for (const later of urls.slice(urls.indexOf(url) + 1)) http.expectNone(later);
      req.flush({});
    }
    await sending;
    expect(outbox.counts().sent).toBe(3);
  });

  it('remembers the id of what a sent change created, so the page can still point at it', async () => {
    const url = '/api/evaluation-rounds/r-1/evaluations';
    const evaluation = await outbox.add({
      method: 'POST',
      url,
      body: { youngPersonId: 'p-2', answeredOn: '2026-05-01', helpedBy: null, answers: [] },
      label: 'Evaluation of This is Me profile by Sam',
      about: 'p-2',
    });
    const mark = await dayMark();
    const sending = outbox.send();
    (await requestMade(http, url)).flush(
      { id: 'e-1', wordsToCheck: [] },
      { status: 201, statusText: 'Created' },
    );
    // A register's answer has an id too (the invitation's), but it created nothing.
    (await requestMade(http, DAY_URL)).flush({ id: 'i-1', status: 'attended' });
    await sending;
    expect(outbox.changes()).toEqual([]);
    expect(outbox.createdIds()).toEqual({ [evaluation.id]: 'e-1' });
    expect(outbox.createdIds()[mark.id]).toBeUndefined();
  });

  it('keeps a change the server held for the officer, with its words, and goes on with the rest', async () => {
    const first = await sessionMark();
    await dayMark();
    const sending = outbox.send();
    (await requestMade(http, SESSION_URL)).flush(
      { held: true, heldChangeId: 'h-1', detail: 'Kept aside for you to decide.' },
      { status: 202, statusText: 'Accepted' },
    );
    (await requestMade(http, DAY_URL)).flush({});
    await sending;
    expect(outbox.changes()).toEqual([
      expect.objectContaining({
        id: first.id,
        state: 'held',
        detail: 'Kept aside for you to decide.',
        heldChangeId: 'h-1',
      }),
    ]);
    expect(outbox.counts()).toMatchObject({ waiting: 0, needYou: 1, sent: 1 });

    // Once the officer has decided it, the server no longer lists it and the device lets it go.
    await outbox.settleHeld(['h-2']);
    expect(outbox.changes()).toEqual([]);
  });

  it('keeps a change that was not applied (409 offline-conflict) with what the server kept', async () => {
    const change = await dayMark();
    const sending = outbox.send();
    (await requestMade(http, DAY_URL)).flush(conflict, { status: 409, statusText: 'Conflict' });
    await sending;
    expect(outbox.changes()).toEqual([
      expect.objectContaining({
        id: change.id,
        state: 'conflict',
        outcome: 'kept-theirs',
        detail: conflict.detail,
      }),
    ]);
    expect(outbox.counts().needYou).toBe(1);
    await outbox.forget(change.id);
    expect(outbox.counts().needYou).toBe(0);
  });

  it('keeps a refused change (422) for the officer, and waits on a 409 still being stored', async () => {
    const refused = await sessionMark();
    const stillStoring = await dayMark();
    let sending = outbox.send();
    (await requestMade(http, SESSION_URL)).flush(
      { type: 'about:blank', title: 'Invalid', status: 422, detail: 'Send one entry at a time.' },
      { status: 422, statusText: 'Unprocessable' },
    );
    (await requestMade(http, DAY_URL)).flush(
      { type: 'about:blank', title: 'Conflict', status: 409, detail: 'Still storing.' },
      { status: 409, statusText: 'Conflict', headers: { 'Retry-After': '1' } },
    );
    await sending;
    expect(state(refused)).toBe('needs-attention');
    expect(outbox.changes()[0].detail).toBe('Send one entry at a time.');
    expect(state(stillStoring)).toBe('waiting');

    // A refused change is not sent again: only the one still waiting.
    sending = outbox.send();
    (await requestMade(http, DAY_URL)).flush({});
    await sending;
    http.expectNone(SESSION_URL);
  });

  it('keeps each officer’s changes to themselves on a shared device', async () => {
    const mine = await sessionMark();
    expect(mine.madeBy).toBe(`user-${Role.ParticipationOfficer}`);
    TestBed.inject(SessionService).clear();
    await signInAs(Role.ParticipationOfficer, { id: 'another-officer' });
    await outbox.send();
    http.expectNone(SESSION_URL);
    expect(outbox.changes()).toEqual([]);
    expect(outbox.counts().waiting).toBe(0);

    TestBed.inject(SessionService).clear();
    await expect(sessionMark()).rejects.toThrow('Sign in again');
  });

  it('runs one sender at a time in a tab', async () => {
    await sessionMark();
    const one = outbox.send();
    const two = outbox.send();
    (await requestMade(http, SESSION_URL)).flush({});
    await Promise.all([one, two]);
    expect(outbox.counts().sent).toBe(1);
  });

  it('leaves the sending to the tab that holds the lock', async () => {
    await sessionMark();
    const locks: Pick<LockManager, 'request'> = {
      request: ((_name: string, _options: LockOptions, callback: (lock: Lock | null) => Promise<void>) =>
        callback(null)) as LockManager['request'],
    };
    Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
    try {
      await outbox.send();
      http.expectNone(SESSION_URL);
      expect(outbox.counts().waiting).toBe(1);
    } finally {
      Reflect.deleteProperty(navigator, 'locks');
    }
  });

  it('sends on start, and again when the device comes back online', async () => {
    await sessionMark();
    let sending = outbox.start();
    (await requestMade(http, SESSION_URL)).error(new ProgressEvent('error'));
    await sending;
    expect(outbox.counts().waiting).toBe(1);

    window.dispatchEvent(new Event('online'));
    (await requestMade(http, SESSION_URL)).flush({});
    sending = outbox.send();
    await sending;
    expect(outbox.counts()).toMatchObject({ waiting: 0, sent: 1 });
  });

  it('tries again on its own after no answer, while the browser still says it is online', async () => {
    TestBed.resetTestingModule();
    globalThis.indexedDB = new IDBFactory();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: OUTBOX_RETRY_MS, useValue: 20 },
      ],
    });
    outbox = TestBed.inject(Outbox);
    http = TestBed.inject(HttpTestingController);
    await signInAs(Role.ParticipationOfficer);
    const first = await sessionMark();
    const sending = outbox.send();
    (await requestMade(http, SESSION_URL)).error(new ProgressEvent('error'));
    await sending;
    expect(state(first)).toBe('waiting');

    // No "online" event and no "Send now": the timer sends it again, with the same key.
    const retried = await requestMade(http, SESSION_URL);
    expect(retried.request.headers.get('Idempotency-Key')).toBe(first.idempotencyKey);
    retried.flush({});
    await eventually(() => (outbox.counts().waiting === 0 ? true : undefined), 'the outbox to empty');
    expect(outbox.counts()).toMatchObject({ waiting: 0, sent: 1 });
  });

  it('keeps the changes when the session has ended, says to sign in again, and sends them once signed in', async () => {
    const first = await sessionMark();
    await dayMark();
    const sending = outbox.start();
    (await requestMade(http, SESSION_URL)).flush(
      { status: 401, title: 'Sign in' },
      { status: 401, statusText: 'Unauthorized' },
    );
    await sending;
    http.expectNone(DAY_URL);
    expect(state(first)).toBe('waiting');
    expect(outbox.counts()).toMatchObject({ waiting: 2, signInAgain: true });

    // Signed in again: the shell's banner starts the outbox for the officer, and nothing was lost.
    TestBed.inject(SessionService).clear();
    await signInAs(Role.ParticipationOfficer);
    const again = outbox.start();
    const resent = await requestMade(http, SESSION_URL);
    expect(resent.request.headers.get('Idempotency-Key')).toBe(first.idempotencyKey);
    resent.flush({});
    (await requestMade(http, DAY_URL)).flush({});
    await again;
    expect(outbox.counts()).toMatchObject({ waiting: 0, sent: 2, signInAgain: false });
  });
});
