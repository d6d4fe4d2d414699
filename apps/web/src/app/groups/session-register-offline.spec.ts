import { indexedDbTurns, setOffline } from '../../testing/indexed-db';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { HEARD_RECORDED_AT_HEADER, Role } from '@heard/domain';
import { IDBFactory } from 'fake-indexeddb';
import { axeViolations } from '../../testing/axe';
import {
  OTHER_PERSON_ID,
  PERSON_ID,
  SESSION_ID,
  byName,
  sessionDetail,
  textOf,
} from '../../testing/fixtures';
import { signInAs } from '../../testing/session';
import { Outbox } from '../offline/outbox';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import SessionPage from './session-page';
import { answerOccasionRounds } from '../../testing/occasion-rounds';
import { requestMade } from '../../testing/eventually';

const URL = `/api/sessions/${SESSION_ID}/attendance`;

describe('a session’s register without signal', () => {
  let fixture: ComponentFixture<SessionPage>;
  let el: HTMLElement;
  let http: HttpTestingController;
  let outbox: Outbox;

  async function settle(): Promise<void> {
    await indexedDbTurns();
    await fixture.whenStable();
  }

  function radio(name: string, label: string): HTMLInputElement {
    const group = el.querySelector(`[role="radiogroup"][aria-label="Attendance for ${name}"]`);
    const button = Array.from(group?.querySelectorAll('mat-radio-button') ?? []).find(
      (b) => textOf(b) === label,
    );
    const input = button?.querySelector<HTMLInputElement>('input[type="radio"]');
    if (!input) throw new Error(`No ${label} for ${name}`);
    return input;
  }

  const row = (name: string) =>
    el.querySelector(`[role="radiogroup"][aria-label="Attendance for ${name}"]`)?.closest('li');

  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    TestBed.configureTestingModule({
      imports: [SessionPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    outbox = TestBed.inject(Outbox);
    await signInAs(Role.ParticipationOfficer);
    fixture = TestBed.createComponent(SessionPage);
    fixture.componentRef.setInput('id', SESSION_ID);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne(`/api/sessions/${SESSION_ID}`).flush(sessionDetail());
    await fixture.whenStable();
    http.expectOne(`/api/groups/sessions/${SESSION_ID}/to-read-out`).flush([]);
    answerOccasionRounds(http, 'group_session', SESSION_ID);
    for (const req of http.match(`/api/groups/sessions/${SESSION_ID}/you-said`)) req.flush([]);
    await fixture.whenStable();
  });

  afterEach(() => {
    setOffline(false);
    http.verify();
  });

  it('keeps each changed mark as its own one-entry change when the save finds no network', async () => {
    radio('Sam', 'Present').click();
    radio('Ali', 'Absent').click();
    byName(el, 'Save').click();
    await fixture.whenStable();
    http.expectOne({ method: 'PUT', url: URL }).error(new ProgressEvent('error'), { status: 0 });
    await settle();

    expect(
      outbox.changes().map((c) => ({ url: c.url, method: c.method, body: c.body, label: c.label })),
    ).toEqual([
      {
        url: URL,
        method: 'PUT',
        body: { entries: [{ youngPersonId: PERSON_ID, status: 'present' }] },
        label: 'Sam: Present',
      },
      {
        url: URL,
        method: 'PUT',
        body: { entries: [{ youngPersonId: OTHER_PERSON_ID, status: 'absent' }] },
        label: 'Ali: Absent',
      },
    ]);
    expect(textOf(el.querySelector('.status-region'))).toBe(
      'Not sent yet: 2 marks are kept on this device and sent when there is signal.',
    );
    expect(el.querySelector('heard-problem-alert')).toBeNull();
    expect(textOf(row('Sam'))).toContain('Not sent yet');
    expect(textOf(row('Ali'))).toContain('Not sent yet');
    expect(radio('Sam', 'Present').checked).toBe(true);
    expect(outbox.counts().waiting).toBe(2);
    expect(await axeViolations(el)).toEqual([]);

    // Saving again sends nothing more: the marks are already kept.
    byName(el, 'Save').click();
    await settle();
    expect(outbox.counts().waiting).toBe(2);
  });

  it('does not try while offline, says the notes need signal, and the outbox sends each mark later', async () => {
    setOffline(true);
    radio('Sam', 'Absent').click();
    const notes = el.querySelector<HTMLTextAreaElement>('textarea[formcontrolname="notes"]');
    if (!notes) throw new Error('No notes');
    notes.value = 'Sam left early.';
    notes.dispatchEvent(new Event('input'));
    byName(el, 'Save').click();
    await settle();
    http.expectNone({ method: 'PUT', url: URL });
    expect(textOf(el.querySelector('.status-region'))).toBe(
      'Not sent yet: 1 mark is kept on this device and sent when there is signal. The agenda and notes need signal: save them again when you are online.',
    );

    setOffline(false);
    const sending = outbox.send();
    const found = await requestMade(http, { method: 'PUT', url: URL });
    expect(found.request.body).toEqual({ entries: [{ youngPersonId: PERSON_ID, status: 'absent' }] });
    expect(found.request.headers.has(HEARD_RECORDED_AT_HEADER)).toBe(true);
    found.flush(sessionDetail());
    await sending;
    await settle();
    expect(textOf(row('Sam'))).not.toContain('Not sent yet');
  });
});
