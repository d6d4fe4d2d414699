import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { axeViolations } from '../../testing/axe';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import SessionPage from './session-page';
import {
  OTHER_PERSON_ID,
  PERSON_ID,
  SESSION_ID,
  byLabel,
  byName,
  problemBody,
  sessionDetail,
  textOf,
  typeInto,
} from '../../testing/fixtures';
import { answerOccasionRounds } from '../../testing/occasion-rounds';

describe('SessionPage (the register)', () => {
  let fixture: ComponentFixture<SessionPage>;
  let el: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
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
    fixture = TestBed.createComponent(SessionPage);
    fixture.componentRef.setInput('id', SESSION_ID);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function load(detail = sessionDetail()): Promise<void> {
    expect(el.querySelector('mat-progress-bar')?.getAttribute('aria-label')).toBe('Loading the session');
    http.expectOne(`/api/sessions/${SESSION_ID}`).flush(detail);
    await fixture.whenStable();
    // Nothing to read out at this session: that part of the page stays empty.
    http.expectOne(`/api/groups/sessions/${detail.id}/to-read-out`).flush([]);
    answerOccasionRounds(http, 'group_session', detail.id);
    // The "You said" panel below the register (a cancelled session has none) lists what was said there.
    for (const req of http.match(`/api/groups/sessions/${SESSION_ID}/you-said`)) req.flush([]);
    await fixture.whenStable();
  }

  function group(name: string): HTMLElement {
    const found = el.querySelector<HTMLElement>(`[role="radiogroup"][aria-label="Attendance for ${name}"]`);
    if (!found) throw new Error(`No register row for ${name}`);
    return found;
  }

  function radio(name: string, label: string): HTMLInputElement {
    const button = Array.from(group(name).querySelectorAll('mat-radio-button')).find(
      (b) => textOf(b) === label,
    );
    const input = button?.querySelector<HTMLInputElement>('input[type="radio"]');
    if (!input) throw new Error(`No ${label} for ${name}`);
    return input;
  }

  async function save(): Promise<void> {
    byName(el, 'Save').click();
    await fixture.whenStable();
  }

  it('shows one row per member with three labelled choices, and no axe violations', async () => {
    await load();
    expect(el.querySelectorAll('h1')).toHaveLength(1);
    expect(textOf(el.querySelector('h1'))).toBe('Deputies session');
    expect(textOf(el.querySelector('heard-page-header .subtitle'))).toBe(
      'Thursday 5 March 2026, 17:00 to 18:30, at Youth Hub, Room 1',
    );
    for (const name of ['Sam', 'Ali']) {
      const labels = Array.from(group(name).querySelectorAll('mat-radio-button')).map(textOf);
      expect(labels).toEqual(['Present', 'Apologies', 'Absent']);
      // One name per row, so Tab moves between people and the arrow keys between choices.
      const names = new Set(Array.from(group(name).querySelectorAll('input')).map((input) => input.name));
      expect(names.size).toBe(1);
    }
    expect(radio('Ali', 'Apologies').checked).toBe(true);
    expect(radio('Sam', 'Present').checked).toBe(false);
    expect(textOf(el.querySelector('.summary'))).toBe(
      '0 present, 1 sent apologies, 0 absent, 1 not marked yet',
    );
    expect(byLabel<HTMLTextAreaElement>(el, 'Agenda')).toBeTruthy();
    expect(byLabel<HTMLTextAreaElement>(el, 'Notes')).toBeTruthy();
    expect(await axeViolations(el)).toEqual([]);
  });

  it('marks everyone present, then saves the register', async () => {
    await load();
    byName(el, 'Mark everyone present').click();
    await fixture.whenStable();
    expect(radio('Sam', 'Present').checked).toBe(true);
    expect(radio('Ali', 'Present').checked).toBe(true);

    radio('Ali', 'Absent').click();
    await save();
    const req = http.expectOne({ method: 'PUT', url: `/api/sessions/${SESSION_ID}/attendance` });
    expect(req.request.body).toEqual({
      entries: [
        { youngPersonId: PERSON_ID, status: 'present' },
        { youngPersonId: OTHER_PERSON_ID, status: 'absent' },
      ],
    });
    req.flush(
      sessionDetail({
        register: [
          { youngPersonId: PERSON_ID, preferredName: 'Sam', status: 'present' },
          { youngPersonId: OTHER_PERSON_ID, preferredName: 'Ali', status: 'absent' },
        ],
      }),
    );
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="status"]'))).toBe('Saved. 1 present, 0 sent apologies, 1 absent.');
  });

  it('saves the agenda and notes with the same Save button', async () => {
    await load();
    typeInto(byLabel<HTMLTextAreaElement>(el, 'Notes'), ' Talked about the new youth centre. ');
    await save();
    const req = http.expectOne({ method: 'PATCH', url: `/api/sessions/${SESSION_ID}` });
    expect(req.request.body).toEqual({ agenda: null, notes: 'Talked about the new youth centre.' });
    req.flush(sessionDetail({ notes: 'Talked about the new youth centre.' }));
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="status"]'))).toBe('Saved.');
  });

  it('says so, without sending anything, when nothing has changed', async () => {
    await load(
      sessionDetail({ register: [{ youngPersonId: PERSON_ID, preferredName: 'Sam', status: null }] }),
    );
    await save();
    http.expectNone(`/api/sessions/${SESSION_ID}/attendance`);
    expect(textOf(el.querySelector('[role="status"]'))).toContain('Nothing to save yet.');
  });

  it('shows a refused entry on the row of the person it is about', async () => {
    await load();
    radio('Sam', 'Present').click();
    await save();
    http.expectOne(`/api/sessions/${SESSION_ID}/attendance`).flush(
      problemBody(400, 'Only members of the group on the day can be on the register.', {
        'entries.0.youngPersonId': ['This young person was not a member of the group on the day.'],
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    const error = el.querySelector(`#error-${PERSON_ID}`);
    expect(textOf(error)).toBe('This young person was not a member of the group on the day.');
    expect(group('Sam').getAttribute('aria-describedby')).toBe(`error-${PERSON_ID}`);
    expect(textOf(el.querySelector('[role="alert"] li'))).toBe(
      'Sam: This young person was not a member of the group on the day.',
    );
    expect(document.activeElement).toBe(el.querySelector('[role="alert"]'));
  });

  it('explains that a cancelled session has no register', async () => {
    await load(sessionDetail({ status: 'cancelled', cancelReason: 'Snow' }));
    expect(el.querySelector('[role="radiogroup"]')).toBeNull();
    expect(el.textContent).toContain('This session was cancelled.');
    expect(el.textContent).toContain('A cancelled session has no register.');
    expect(el.textContent).toContain('Reason: Snow');
    expect(() => byName(el, 'Mark everyone present')).toThrow();
    expect(await axeViolations(el)).toEqual([]);
  });

  it('shows the API’s answer when the session was cancelled meanwhile', async () => {
    await load();
    radio('Sam', 'Absent').click();
    await save();
    http.expectOne(`/api/sessions/${SESSION_ID}/attendance`).flush(
      problemBody(409, 'This session was cancelled, so it has no register.', {
        entries: ['The session is cancelled.'],
      }),
      {
        status: 409,
        statusText: 'Conflict',
      },
    );
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="alert"]'))).toContain(
      'This session was cancelled, so it has no register.',
    );
  });
});
