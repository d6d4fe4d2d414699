import { indexedDbTurns, setOffline } from '../../testing/indexed-db';
import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  type TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { HEARD_RECORDED_AT_HEADER, Role, todayInLondon } from '@heard/domain';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { axeViolations } from '../../testing/axe';
import { ENTRY_URL, EVALUATION_ID, ROUND_ID, ROUND_URL, entryRound } from '../../testing/evaluation-fixtures';
import { OTHER_PERSON_ID, PERSON_ID, byLabel, byName, textOf, typeInto } from '../../testing/fixtures';
import { signInAs } from '../../testing/session';
import { OUTBOX_DB, Outbox } from '../offline/outbox';
import EvaluationEntryPage from './evaluation-entry-page';
import { requestMade } from '../../testing/eventually';

const LABEL = 'Evaluation of This is Me profile by Amara';

describe('entering evaluations without signal', () => {
  let fixture: ComponentFixture<EvaluationEntryPage>;
  let el: HTMLElement;
  let http: HttpTestingController;
  let outbox: Outbox;

  /** IndexedDB answers on its own schedule: give it a moment, then draw the page. */
  async function settle(): Promise<void> {
    await indexedDbTurns();
    await fixture.whenStable();
  }

  /** The one evaluation the outbox sends, after its IndexedDB steps. */
  const sent = (): Promise<TestRequest> => requestMade(http, { method: 'POST', url: ENTRY_URL });

  /** What IndexedDB itself holds, read as another tab would. */
  async function onTheDevice(): Promise<unknown[]> {
    const db = await openDB(OUTBOX_DB);
    try {
      return await db.getAll('changes');
    } finally {
      db.close();
    }
  }

  /** Rates the first question and saves, for whoever the page has chosen. */
  async function saveWith(words: string): Promise<void> {
    const button = el.querySelector<HTMLButtonElement>(`fieldset button[aria-label="${words}"]`);
    if (!button) throw new Error(`No face "${words}"`);
    button.click();
    await fixture.whenStable();
    byName(el, 'Save and next').click();
    await fixture.whenStable();
  }

  const bodyFor = (youngPersonId: string, rating: number) => ({
    youngPersonId,
    answeredOn: todayInLondon(),
    helpedBy: null,
    answers: [{ questionKey: 'overall', rating }],
  });

  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    TestBed.configureTestingModule({
      imports: [EvaluationEntryPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    outbox = TestBed.inject(Outbox);
    await signInAs(Role.ParticipationOfficer);
    fixture = TestBed.createComponent(EvaluationEntryPage);
    fixture.componentRef.setInput('roundId', ROUND_ID);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne(ROUND_URL).flush(entryRound());
    await fixture.whenStable();
  });

  afterEach(() => {
    setOffline(false);
    http.verify();
  });

  it('keeps the evaluation in IndexedDB with its key and device time when the save finds no network', async () => {
    await saveWith('Good');
    http
      .expectOne({ method: 'POST', url: ENTRY_URL })
      .error(new ProgressEvent('error'), { status: 0, statusText: '' });
    await settle();

    expect(textOf(el.querySelector('[role="status"]'))).toBe(
      'Saved. Not sent yet: it is kept on this device and sent when there is signal.',
    );
    expect(textOf(el.querySelector('#not-sent-heading'))).toBe('Not sent yet: 1');
    expect(textOf(el.querySelector('.heard-entry-unsent li'))).toBe(LABEL);
    // The officer moves on to the next young person while it waits.
    expect(byLabel<HTMLSelectElement>(el, 'Young person').value).toBe(OTHER_PERSON_ID);
    const [change] = outbox.changes();
    expect(change).toEqual(
      expect.objectContaining({
        method: 'POST',
        url: ENTRY_URL,
        body: bodyFor(PERSON_ID, 4),
        label: LABEL,
        about: PERSON_ID,
        madeBy: `user-${Role.ParticipationOfficer}`,
        state: 'waiting',
      }),
    );
    expect(change.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(Math.abs(Date.parse(change.recordedAt) - Date.now())).toBeLessThan(60_000);
    expect(await onTheDevice()).toEqual([
      expect.objectContaining({ id: change.id, body: bodyFor(PERSON_ID, 4) }),
    ]);
    // The banner counts it.
    expect(outbox.counts().waiting).toBe(1);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('does not try while offline; back online it is sent once with the same key, and a worry can then be raised', async () => {
    setOffline(true);
    typeInto(byLabel<HTMLTextAreaElement>(el, 'What would you change?'), 'Someone hit me');
    await fixture.whenStable();
    byName(el, 'Save and next').click();
    await settle();
    http.expectNone({ method: 'POST', url: ENTRY_URL });
    expect(textOf(el.querySelector('.heard-read-again'))).toContain('It is not sent yet.');
    expect(Array.from(el.querySelectorAll('button')).map((b) => textOf(b))).not.toContain('Raise a worry');
    const [change] = outbox.changes();

    setOffline(false);
    const sending = outbox.send();
    const req = await sent();
    expect(req.request.headers.get('Idempotency-Key')).toBe(change.idempotencyKey);
    expect(req.request.headers.get(HEARD_RECORDED_AT_HEADER)).toBe(change.recordedAt);
    expect(req.request.body).toEqual(change.body);
    req.flush({ id: EVALUATION_ID, wordsToCheck: ['hit'] }, { status: 201, statusText: 'Created' });
    await sending;
    await settle();
    http.expectNone({ method: 'POST', url: ENTRY_URL });
    expect(outbox.changes()).toEqual([]);
    expect(await onTheDevice()).toEqual([]);
    expect(el.querySelector('.heard-entry-unsent')).toBeNull();

    // The server's id came back with the answer: the officer may now raise the worry.
    byName(el, 'Raise a worry').click();
    await fixture.whenStable();
    http.expectOne({ method: 'POST', url: `/api/evaluations/${EVALUATION_ID}/worries` }).flush(
      {
        id: 'w1',
        raisedAt: '2026-05-01T10:00:00.000Z',
        contactsTold: 1,
        message: '1 safeguarding contact was told.',
      },
      { status: 201, statusText: 'Created' },
    );
    await settle();
    expect(textOf(el.querySelector('.heard-worry-message'))).toBe('1 safeguarding contact was told.');
  });

  it('keeps a refused evaluation in view with the server’s words, pointing to the held changes page', async () => {
    setOffline(true);
    await saveWith('Bad');
    await settle();
    setOffline(false);
    const sending = outbox.send();
    (await sent()).flush(
      {
        type: 'https://heard.example/problems/offline-conflict',
        title: 'Not applied',
        status: 409,
        outcome: 'refused-round-closed',
        detail: 'This evaluation round was closed after you entered this, so it was not stored.',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await sending;
    await settle();

    const notStored = el.querySelector('.heard-entry-not-stored');
    expect(textOf(notStored?.querySelector('h2'))).toBe('Not stored');
    expect(textOf(notStored?.querySelector('li strong'))).toBe(LABEL);
    expect(textOf(notStored?.querySelector('li p'))).toBe(
      'This evaluation round was closed after you entered this, so it was not stored.',
    );
    expect(notStored?.querySelector('a')?.getAttribute('href')).toBe('/account/held-changes');
    expect(el.querySelector('.heard-entry-unsent')).toBeNull();
    expect(outbox.counts()).toMatchObject({ waiting: 0, needYou: 1 });
    expect(await axeViolations(el)).toEqual([]);
  });

  it('puts a second evaluation behind one still waiting, and sends them in the order they were saved', async () => {
    setOffline(true);
    await saveWith('Good');
    await settle();

    // Back online, but Amara's evaluation still waits: Kai's goes behind it rather than overtaking.
    setOffline(false);
    await saveWith('Really bad');
    await settle();
    http.expectNone({ method: 'POST', url: ENTRY_URL });
    expect(textOf(el.querySelector('#not-sent-heading'))).toBe('Not sent yet: 2');
    expect(Array.from(el.querySelectorAll('.heard-entry-unsent li')).map((li) => textOf(li))).toEqual([
      LABEL,
      'Evaluation of This is Me profile by Kai',
    ]);

    const sending = outbox.send();
    for (const body of [bodyFor(PERSON_ID, 4), bodyFor(OTHER_PERSON_ID, 1)]) {
      const req = await sent();
      expect(req.request.body).toEqual(body);
      req.flush({ id: EVALUATION_ID, wordsToCheck: [] }, { status: 201, statusText: 'Created' });
    }
    await sending;
    await settle();
    expect(el.querySelector('.heard-entry-unsent')).toBeNull();
  });
});
