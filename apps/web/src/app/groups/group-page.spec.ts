import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Clipboard } from '@angular/cdk/clipboard';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { MatTabGroupHarness } from '@angular/material/tabs/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { addDays, todayInLondon } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import GroupPage from './group-page';
import {
  GROUP_ID,
  OTHER_PERSON_ID,
  PERSON_ID,
  SESSION_ID,
  byLabel,
  byName,
  groupResponse,
  listItem,
  membership,
  page,
  problemBody,
  sessionResponse,
  textOf,
  typeInto,
} from '../../testing/fixtures';

const FEED_URL = 'https://heard.example.org/api/calendar/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG.ics';

describe('GroupPage', () => {
  let fixture: ComponentFixture<GroupPage>;
  let el: HTMLElement;
  let http: HttpTestingController;
  const today = todayInLondon();

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [GroupPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(GroupPage);
    fixture.componentRef.setInput('id', GROUP_ID);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne(`/api/groups/${GROUP_ID}`).flush(groupResponse());
    await fixture.whenStable();
    http.expectOne('/api/calendar-feeds').flush([]);
    http.expectOne((req) => req.url === `/api/groups/${GROUP_ID}/members`).flush([membership()]);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function settle(): Promise<void> {
    await fixture.whenStable();
  }

  async function openTab(label: string): Promise<void> {
    const tabs = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatTabGroupHarness);
    await tabs.selectTab({ label });
    await settle();
  }

  it('shows the group, its members and no axe violations', async () => {
    expect(el.querySelectorAll('h1')).toHaveLength(1);
    expect(textOf(el.querySelector('h1'))).toBe('Deputies');
    expect(byName(el, 'Edit group').getAttribute('href')).toBe(`/groups/${GROUP_ID}/edit`);
    expect(el.textContent).toContain('Every Thursday, 17:00 for 90 minutes, from Thursday 8 January 2026');
    expect(Array.from(el.querySelectorAll('[role="tab"]')).map(textOf)).toEqual([
      'Members',
      'Schedule',
      'Attendance',
    ]);
    expect(byName(el, 'Sam').getAttribute('href')).toBe(`/young-people/${PERSON_ID}`);
    expect(byName(el, 'Record leaving for Sam')).toBeTruthy();
    expect(await axeViolations(el)).toEqual([]);
  });

  describe('Members', () => {
    async function choose(name: string): Promise<void> {
      const autocomplete = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatAutocompleteHarness);
      await autocomplete.enterText(name.slice(0, 2));
      await new Promise((resolve) => setTimeout(resolve, 300));
      const search = http.expectOne(
        (req) => req.url === '/api/young-people' && req.params.get('q') === name.slice(0, 2),
      );
      search.flush(page([listItem({ id: OTHER_PERSON_ID, preferredName: name, age: 16 })]));
      await settle();
      // The panel shows new options a moment after they arrive.
      await new Promise((resolve) => setTimeout(resolve));
      await settle();
      await autocomplete.selectOption({ text: `${name}, aged 16` });
      await settle();
    }

    it('adds someone eligible', async () => {
      await choose('Ali');
      byName(el, 'Add member').click();
      const req = http.expectOne({ method: 'POST', url: `/api/groups/${GROUP_ID}/members` });
      expect(req.request.body).toEqual({ youngPersonId: OTHER_PERSON_ID, role: 'member', joinedOn: today });
      req.flush(membership({ id: 'm-2', youngPersonId: OTHER_PERSON_ID, preferredName: 'Ali' }));
      await settle();
      expect(textOf(el.querySelector('.tab [role="status"]'))).toBe('Ali is now a member of Deputies.');
      http.expectOne((r) => r.url === `/api/groups/${GROUP_ID}/members`).flush([membership()]);
      http.expectOne(`/api/groups/${GROUP_ID}`).flush(groupResponse({ memberCount: 2 }));
      await settle();
    });

    it('shows why someone is not eligible, then adds them with an override reason', async () => {
      await choose('Ali');
      byName(el, 'Add member').click();
      http.expectOne({ method: 'POST', url: `/api/groups/${GROUP_ID}/members` }).flush(
        problemBody(
          400,
          'Ali does not fit who Deputies is for. An officer can override this with a reason.',
          {
            youngPersonId: ['They are 16; this group is for up to 15.'],
          },
        ),
        { status: 400, statusText: 'Bad Request' },
      );
      await settle();
      const alert = textOf(el.querySelector('.add [role="alert"]'));
      expect(alert).toContain('Ali does not fit who Deputies is for.');
      // Why is said once.
      expect(alert.split('They are 16; this group is for up to 15.')).toHaveLength(2);
      const reason = byLabel<HTMLTextAreaElement>(el, 'Override with a reason');
      expect(document.activeElement).toBe(reason);
      // Not red before anyone has typed, even after leaving the box: only a submit makes it red.
      reason.dispatchEvent(new Event('blur'));
      await settle();
      expect(reason.getAttribute('aria-invalid')).not.toBe('true');
      expect(reason.closest('mat-form-field')?.classList).not.toContain('mat-form-field-invalid');
      expect(await axeViolations(el)).toEqual([]);

      byName(el, 'Add member').click();
      await settle();
      http.expectNone({ method: 'POST', url: `/api/groups/${GROUP_ID}/members` });
      expect(textOf(reason.closest('mat-form-field')?.querySelector('mat-error'))).toBe(
        'Give a reason of at least a few words.',
      );

      typeInto(reason, 'Chair of the group until the summer.');
      byName(el, 'Add member').click();
      const req = http.expectOne({ method: 'POST', url: `/api/groups/${GROUP_ID}/members` });
      expect(req.request.body).toEqual({
        youngPersonId: OTHER_PERSON_ID,
        role: 'member',
        joinedOn: today,
        overrideReason: 'Chair of the group until the summer.',
      });
      req.flush(
        membership({
          id: 'm-2',
          preferredName: 'Ali',
          overrideReason: 'Chair of the group until the summer.',
        }),
      );
      await settle();
      expect(textOf(el.querySelector('.tab [role="status"]'))).toBe(
        'Ali is now a member of Deputies. The override and its reason are recorded.',
      );
      expect(() => byLabel(el, 'Override with a reason')).toThrow();
      http.expectOne((r) => r.url === `/api/groups/${GROUP_ID}/members`).flush([membership()]);
      http.expectOne(`/api/groups/${GROUP_ID}`).flush(groupResponse());
      await settle();
    });

    it('asks for a young person from the list', async () => {
      typeInto(byLabel(el, 'Young person'), 'Nobody');
      byName(el, 'Add member').click();
      await settle();
      expect(textOf(byLabel(el, 'Young person').closest('mat-form-field')?.querySelector('mat-error'))).toBe(
        'Choose a young person from the list.',
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      http.expectOne((req) => req.url === '/api/young-people').flush(page([]));
    });

    it('records someone leaving on a date', async () => {
      const toggle = byName(el, 'Record leaving for Sam');
      toggle.click();
      await settle();
      expect(toggle.getAttribute('aria-expanded')).toBe('true');
      const date = byLabel(el, 'Date Sam left');
      expect(date.value).toBe(today);
      typeInto(date, '2026-03-01');
      byName(el, 'Confirm leaving for Sam').click();
      const req = http.expectOne({
        method: 'POST',
        url: `/api/groups/${GROUP_ID}/members/${membership().id}/leave`,
      });
      expect(req.request.body).toEqual({ leftOn: '2026-03-01' });
      req.flush(membership({ leftOn: '2026-03-01' }));
      await settle();
      expect(textOf(el.querySelector('.tab [role="status"]'))).toBe('Sam left Deputies on 1 Mar 2026.');
      http.expectOne((r) => r.url === `/api/groups/${GROUP_ID}/members`).flush([]);
      http.expectOne(`/api/groups/${GROUP_ID}`).flush(groupResponse({ memberCount: 0 }));
      await settle();
      expect(textOf(el.querySelector('heard-empty-state h2'))).toBe('No members yet');
    });
  });

  describe('Schedule', () => {
    beforeEach(async () => {
      await openTab('Schedule');
      http
        .expectOne(
          (req) =>
            req.url === '/api/sessions' &&
            req.params.get('groupId') === GROUP_ID &&
            req.params.get('from') === today &&
            req.params.get('to') === addDays(today, 90),
        )
        .flush([
          sessionResponse(),
          sessionResponse({
            id: 's-2',
            status: 'cancelled',
            cancelReason: 'Snow',
            startsAt: '2026-03-12T17:00:00Z',
            endsAt: '2026-03-12T18:30:00Z',
          }),
        ]);
      await settle();
    });

    function expectSessions(): void {
      http.expectOne((req) => req.url === '/api/sessions').flush([sessionResponse()]);
    }

    it('lists sessions with their actions, showing cancelled ones struck through', async () => {
      expect(byName(el, 'Open register for Thursday 5 March 2026, 17:00 to 18:30').getAttribute('href')).toBe(
        `/groups/sessions/${SESSION_ID}`,
      );
      expect(byName(el, 'Move session on Thursday 5 March 2026, 17:00 to 18:30')).toBeTruthy();
      expect(byName(el, 'Cancel session on Thursday 5 March 2026, 17:00 to 18:30')).toBeTruthy();
      const cancelled = el.querySelector('.session.cancelled');
      expect(textOf(cancelled?.querySelector('s'))).toBe('Thursday 12 March 2026, 17:00 to 18:30');
      expect(cancelled?.textContent).toContain('Cancelled');
      expect(cancelled?.textContent).toContain('Reason: Snow');
      expect(cancelled?.textContent).not.toContain('Cancel session');
      expect(await axeViolations(el)).toEqual([]);
    });

    it('generates sessions and says how many', async () => {
      byName(el, 'Generate sessions').click();
      const req = http.expectOne({ method: 'POST', url: `/api/groups/${GROUP_ID}/sessions/generate` });
      expect(req.request.body).toEqual({});
      req.flush({ created: 6, updated: 0, from: today, until: '2026-06-02' });
      await settle();
      expect(textOf(el.querySelector('.tab [role="status"]'))).toBe(
        'Created 6 sessions and updated 0, up to Tuesday 2 June 2026.',
      );
      expectSessions();
    });

    it('cancels a session with a reason', async () => {
      byName(el, 'Cancel session on Thursday 5 March 2026, 17:00 to 18:30').click();
      await settle();
      const reason = byLabel(el, 'Reason for cancelling (optional)');
      expect(document.activeElement).toBe(reason);
      typeInto(reason, 'Venue closed');
      byName(el, 'Confirm cancellation').click();
      const req = http.expectOne({ method: 'POST', url: `/api/sessions/${SESSION_ID}/cancel` });
      expect(req.request.body).toEqual({ reason: 'Venue closed' });
      req.flush(sessionResponse({ status: 'cancelled', cancelReason: 'Venue closed' }));
      await settle();
      expect(textOf(el.querySelector('.tab [role="status"]'))).toBe(
        'The session on Thursday 5 March 2026, 17:00 to 18:30 is cancelled.',
      );
      expectSessions();
    });

    it('moves a session, starting from its current time', async () => {
      byName(el, 'Move session on Thursday 5 March 2026, 17:00 to 18:30').click();
      await settle();
      expect(byLabel(el, 'New date').value).toBe('2026-03-05');
      expect(byLabel(el, 'New start time').value).toBe('17:00');
      typeInto(byLabel(el, 'New date'), '2026-03-06');
      byName(el, 'Confirm move').click();
      const req = http.expectOne({ method: 'POST', url: `/api/sessions/${SESSION_ID}/move` });
      expect(req.request.body).toEqual({
        date: '2026-03-06',
        startTime: '17:00',
        durationMinutes: 90,
        venue: 'Youth Hub, Room 1',
      });
      req.flush(problemBody(409, 'Another session is booked at Youth Hub, Room 1 then.'), {
        status: 409,
        statusText: 'Conflict',
      });
      await settle();
      expect(textOf(el.querySelector('.tab [role="alert"]'))).toContain('Another session is booked');
    });

    it('adds a one-off session', async () => {
      byName(el, 'Add a one-off session').click();
      await settle();
      typeInto(byLabel(el, 'Session date'), '2026-04-01');
      byName(el, 'Add session').click();
      const req = http.expectOne({ method: 'POST', url: `/api/groups/${GROUP_ID}/sessions` });
      expect(req.request.body).toEqual({
        date: '2026-04-01',
        startTime: '17:00',
        durationMinutes: 90,
        venue: 'Youth Hub, Room 1',
        agenda: null,
      });
      req.flush(
        sessionResponse({ oneOff: true, startsAt: '2026-04-01T16:00:00Z', endsAt: '2026-04-01T17:30:00Z' }),
      );
      await settle();
      expect(textOf(el.querySelector('.tab [role="status"]'))).toBe(
        'A session is added on Wednesday 1 April 2026, 17:00 to 18:30.',
      );
      expectSessions();
    });

    it('adds an exception for one of the pattern’s dates', async () => {
      byName(el, 'Add an exception').click();
      await settle();
      const loader = TestbedHarnessEnvironment.loader(fixture);
      const { MatSelectHarness } = await import('@angular/material/select/testing');
      const select = await loader.getHarness(MatSelectHarness.with({ selector: '#exception-date' }));
      await select.open();
      const options = await select.getOptions();
      const first = await options[0].getText();
      await options[0].click();
      typeInto(byLabel(el, 'Reason (optional)'), 'Half term');
      byName(el, 'Add exception').click();
      const req = http.expectOne({ method: 'POST', url: `/api/groups/${GROUP_ID}/exceptions` });
      expect(req.request.body).toEqual({ date: expect.any(String), kind: 'cancelled', reason: 'Half term' });
      expect(first).toMatch(/^Thursday /);
      req.flush(null, { status: 204, statusText: 'No Content' });
      await settle();
      expect(textOf(el.querySelector('.tab [role="status"]'))).toMatch(
        /^Cancelled on Thursday .* \(Half term\)\. The schedule is updated\.$/,
      );
      expectSessions();
      http.expectOne(`/api/groups/${GROUP_ID}`).flush(groupResponse());
      await settle();
    });
  });

  it('shows each member’s attendance rate with the counts', async () => {
    await openTab('Attendance');
    http.expectOne(`/api/groups/${GROUP_ID}/attendance`).flush({
      groupId: GROUP_ID,
      sessionsHeld: 4,
      members: [
        { youngPersonId: PERSON_ID, preferredName: 'Sam', present: 2, apologies: 1, absent: 1, rate: 0.5 },
      ],
    });
    await settle();
    expect(el.textContent).toContain('4 sessions have been held so far.');
    expect(Array.from(el.querySelectorAll('tbody tr > *')).map(textOf)).toEqual([
      'Sam',
      '2',
      '1',
      '1',
      '50% (present at 2 of 4 marked sessions)',
    ]);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('makes a private calendar address for the group, shown once with a copy button', async () => {
    const copy = jest.spyOn(TestBed.inject(Clipboard), 'copy').mockReturnValue(true);
    byName(el, 'Subscribe in your calendar').click();
    const req = http.expectOne({ method: 'POST', url: '/api/calendar-feeds' });
    expect(req.request.body).toEqual({ scope: 'group', groupId: GROUP_ID });
    req.flush({
      id: 'f-1',
      scope: 'group',
      groupId: GROUP_ID,
      createdAt: '2026-03-01T10:00:00Z',
      revokedAt: null,
      url: FEED_URL,
    });
    await settle();
    expect(byLabel(el, 'Calendar address').value).toBe(FEED_URL);
    expect(el.textContent).toContain('This address is private.');
    byName(el, 'Copy address').click();
    await settle();
    expect(copy).toHaveBeenCalledWith(FEED_URL);
    expect(el.textContent).toContain('The address is copied.');
    expect(await axeViolations(el)).toEqual([]);
  });
});
