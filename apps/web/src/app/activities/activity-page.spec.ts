import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatTabGroupHarness } from '@angular/material/tabs/testing';
import { provideRouter } from '@angular/router';
import { InvitationChannel, InvitationStatus, addDays, todayInLondon } from '@heard/domain';
import type { ActivityDayResponse, InvitationResponse } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import ActivityPage from './activity-page';
import {
  ACTIVITY_ID,
  ADULT_ID,
  INVITATION_ID,
  OTHER_INVITATION_ID,
  OTHER_PERSON_ID,
  PERSON_ID,
  activityResponse,
  byLabel,
  byName,
  consentMatrix,
  funnelResponse,
  invitation,
  problemBody,
  textOf,
  typeInto,
} from '../../testing/activity-fixtures';
import { answerOccasionRounds } from '../../testing/occasion-rounds';

const today = todayInLondon();
const soon = addDays(today, 10);

describe('ActivityPage', () => {
  let fixture: ComponentFixture<ActivityPage>;
  let el: HTMLElement;
  let http: HttpTestingController;

  async function open(
    activity: ActivityDayResponse = activityResponse({ date: soon }),
    invitations: InvitationResponse[] = [
      invitation({
        target: { kind: 'activity_day', id: ACTIVITY_ID, title: 'Climbing wall day', date: soon },
      }),
      invitation({
        id: OTHER_INVITATION_ID,
        youngPerson: { id: OTHER_PERSON_ID, preferredName: 'Ali' },
        channel: InvitationChannel.Letter,
        status: InvitationStatus.HandedOver,
        viaTrustedAdult: { id: ADULT_ID, displayName: 'Pat Worker' },
        outsideCohort: true,
        outsideCohortReason: 'Was a Deputies member until last month.',
        mail: null,
      }),
    ],
  ): Promise<void> {
    TestBed.configureTestingModule({
      imports: [ActivityPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ActivityPage);
    fixture.componentRef.setInput('id', ACTIVITY_ID);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    expect(el.querySelector('mat-progress-bar')?.getAttribute('aria-label')).toBe('Loading the activity day');
    http.expectOne(`/api/activities/${ACTIVITY_ID}`).flush(activity);
    await fixture.whenStable();
    answerOccasionRounds(http, 'activity_day', ACTIVITY_ID);
    http.expectOne(`/api/activities/${ACTIVITY_ID}/invitations`).flush(invitations);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  async function openTab(label: string): Promise<void> {
    const tabs = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatTabGroupHarness);
    await tabs.selectTab({ label });
    await fixture.whenStable();
  }

  it('shows the day, its actions and who is invited, with no axe violations', async () => {
    await open();
    expect(el.querySelectorAll('h1')).toHaveLength(1);
    expect(textOf(el.querySelector('h1'))).toBe('Climbing wall day');
    expect(byName(el, 'Invite young people').getAttribute('href')).toBe(`/activities/${ACTIVITY_ID}/invite`);
    expect(byName(el, 'Day sheet').getAttribute('href')).toBe(`/activities/${ACTIVITY_ID}/day-sheet`);
    expect(byName(el, 'Edit').getAttribute('href')).toBe(`/activities/${ACTIVITY_ID}/edit`);
    const about = textOf(el.querySelector('.about'));
    expect(about).toContain('12 places. 5 coming, 1 on the waiting list.');
    expect(about).toContain('Ages 13 to 17. Looked after. Members of Deputies.');
    expect(about).toContain('£450');
    expect(about).toContain('Taking part, Emergency medical treatment');
    expect(Array.from(el.querySelectorAll('[role="tab"]')).map(textOf)).toEqual([
      'Invitations',
      'Consents',
      'Attendance',
      'Funnel',
    ]);
    expect(textOf(el.querySelector('.summary'))).toBe(
      '2 invitations: 0 coming, 0 on the waiting list, 0 not coming or did not come, 2 no answer yet.',
    );
    const ali = el.querySelector(`#row-${OTHER_INVITATION_ID}`);
    expect(textOf(ali)).toContain('How Letter, handed over by Pat Worker');
    expect(textOf(ali?.querySelector('dl'))).toContain('Was a Deputies member until last month.');
    expect(byName(el, 'Letter (PDF) for Ali, opens in a new tab').getAttribute('href')).toBe(
      `/api/invitations/${OTHER_INVITATION_ID}/letter`,
    );
    expect(await axeViolations(el)).toEqual([]);
  });

  it('shows a failed email with the reason and what to do', async () => {
    await open(activityResponse({ date: soon }), [
      invitation({ mail: { status: 'failed', lastError: '550 Mailbox does not exist' } }),
    ]);
    const warning = textOf(el.querySelector('.warning'));
    expect(warning).toContain('The invitation email to Sam did not go out.');
    expect(warning).toContain('The email service said: “550 Mailbox does not exist”');
    expect(warning).toContain("Check the email address on Sam's record");
    expect(textOf(el.querySelector('.mail-failed'))).toBe('Not delivered');
    expect(byName(el, "Sam's record").getAttribute('href')).toBe(`/young-people/${PERSON_ID}`);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('sends a draft', async () => {
    await open(activityResponse({ date: soon }), [
      invitation({ status: InvitationStatus.Draft, mail: null }),
    ]);
    byName(el, 'Send now to Sam').click();
    const req = http.expectOne({ method: 'POST', url: `/api/invitations/${INVITATION_ID}/send` });
    expect(req.request.body).toEqual({});
    req.flush(invitation({ mail: { status: 'pending', lastError: null } }));
    await fixture.whenStable();
    expect(textOf(el.querySelector('.tab [role="status"]'))).toBe("Sam's invitation is on its way by email.");
    http.expectOne(`/api/activities/${ACTIVITY_ID}`).flush(activityResponse({ date: soon }));
    await fixture.whenStable();
  });

  it('records that an invitation to deliver reached them, and counts it apart until then', async () => {
    await open(activityResponse({ date: soon }), [
      invitation({
        target: { kind: 'activity_day', id: ACTIVITY_ID, title: 'Climbing wall day', date: soon },
        channel: InvitationChannel.Phone,
        status: InvitationStatus.ToDeliver,
        mail: null,
      }),
    ]);
    expect(textOf(el.querySelector('.summary'))).toBe(
      '1 invitation: 0 coming, 0 on the waiting list, 0 not coming or did not come, 0 no answer yet, 1 still to deliver.',
    );
    expect(textOf(el.querySelector(`#row-${INVITATION_ID} .status`))).toBe('To deliver: not told yet');
    expect(await axeViolations(el)).toEqual([]);
    byName(el, 'Delivered to Sam').click();
    const req = http.expectOne({ method: 'POST', url: `/api/invitations/${INVITATION_ID}/delivered` });
    expect(req.request.body).toEqual({});
    req.flush(
      invitation({
        channel: InvitationChannel.Phone,
        status: InvitationStatus.Sent,
        mail: null,
        deliveredAt: '2026-03-03T10:00:00Z',
      }),
    );
    await fixture.whenStable();
    expect(textOf(el.querySelector('.tab [role="status"]'))).toBe(
      "Sam's invitation reached them. It now counts as invited.",
    );
    expect(textOf(el.querySelector(`#row-${INVITATION_ID} .status`))).toBe('Sent, no answer yet');
    expect(textOf(el.querySelector('.summary'))).toBe(
      '1 invitation: 0 coming, 0 on the waiting list, 0 not coming or did not come, 1 no answer yet.',
    );
    expect(el.querySelector(`#row-${INVITATION_ID} button`)?.textContent).not.toContain('Delivered');
    http.expectOne(`/api/activities/${ACTIVITY_ID}`).flush(activityResponse({ date: soon }));
    await fixture.whenStable();
  });

  it('records an answer for a young person, with their reason', async () => {
    await open();
    byName(el, 'Record an answer for Sam').click();
    await fixture.whenStable();
    byLabel(el, 'No, not coming').click();
    await fixture.whenStable();
    typeInto(byLabel<HTMLTextAreaElement>(el, 'Why not'), 'Football match that day');
    expect(await axeViolations(el)).toEqual([]);
    byName(el, 'Save the answer').click();
    const req = http.expectOne({ method: 'POST', url: `/api/invitations/${INVITATION_ID}/answer` });
    expect(req.request.body).toEqual({ answer: 'no', reason: 'Football match that day' });
    req.flush(invitation({ status: InvitationStatus.Declined, declineReason: 'Football match that day' }));
    await fixture.whenStable();
    expect(textOf(el.querySelector('.tab [role="status"]'))).toBe('Sam: Not coming.');
    expect(textOf(el.querySelector(`#row-${INVITATION_ID} .status`))).toBe(
      'Not coming — “Football match that day”',
    );
    http.expectOne(`/api/activities/${ACTIVITY_ID}`).flush(activityResponse({ date: soon }));
    await fixture.whenStable();
  });

  it('withdraws an invitation and shows a refusal next to it', async () => {
    await open();
    byName(el, "Withdraw Sam's invitation").click();
    await fixture.whenStable();
    byName(el, 'Withdraw the invitation').click();
    const req = http.expectOne({ method: 'POST', url: `/api/invitations/${INVITATION_ID}/withdraw` });
    expect(req.request.body).toEqual({ reason: null });
    req.flush(problemBody(409, 'Attendance has been marked, so the invitation can no longer change.'), {
      status: 409,
      statusText: 'Conflict',
    });
    await fixture.whenStable();
    expect(textOf(el.querySelector(`#row-${INVITATION_ID} [role="alert"]`))).toContain(
      'Attendance has been marked',
    );
  });

  describe('Move and cancel', () => {
    it('moves the day and says invitees are told', async () => {
      await open();
      byName(el, 'Move').click();
      await fixture.whenStable();
      expect(textOf(el.querySelector('.move .help'))).toContain('Everyone still expecting to come');
      const date = byLabel(el, 'New date');
      expect(date.value).toBe(soon);
      const later = addDays(soon, 7);
      typeInto(date, later);
      typeInto(byLabel<HTMLTextAreaElement>(el, 'Why it is moving'), 'The centre had a flood.');
      expect(await axeViolations(el)).toEqual([]);
      byName(el, 'Move and tell invitees').click();
      const req = http.expectOne({ method: 'POST', url: `/api/activities/${ACTIVITY_ID}/move` });
      expect(req.request.body).toEqual({
        date: later,
        startTime: '10:00',
        endTime: '15:00',
        reason: 'The centre had a flood.',
      });
      req.flush(activityResponse({ date: later }));
      await fixture.whenStable();
      expect(textOf(el.querySelector('.heard-status'))).toContain(
        'Everyone still expecting to come is being told',
      );
      expect(el.querySelector('.move')).toBeNull();
    });

    it('shows the server’s field errors on the move form', async () => {
      await open();
      byName(el, 'Move').click();
      await fixture.whenStable();
      typeInto(byLabel(el, 'Ends at'), '09:00');
      byName(el, 'Move and tell invitees').click();
      await fixture.whenStable();
      http.expectNone({ method: 'POST', url: `/api/activities/${ACTIVITY_ID}/move` });
      expect(textOf(byLabel(el, 'Ends at').closest('mat-form-field')?.querySelector('mat-error'))).toBe(
        'The end time must be after the start time.',
      );
      typeInto(byLabel(el, 'Ends at'), '16:00');
      typeInto(byLabel(el, 'New date'), '2020-01-01');
      byName(el, 'Move and tell invitees').click();
      http
        .expectOne({ method: 'POST', url: `/api/activities/${ACTIVITY_ID}/move` })
        .flush(problemBody(400, 'Check the new date.', { date: ['The new date has already passed.'] }), {
          status: 400,
          statusText: 'Bad Request',
        });
      await fixture.whenStable();
      expect(textOf(byLabel(el, 'New date').closest('mat-form-field')?.querySelector('mat-error'))).toBe(
        'The new date has already passed.',
      );
    });

    it('needs a reason to cancel, then cancels', async () => {
      await open();
      byName(el, 'Cancel the day').click();
      await fixture.whenStable();
      byName(el, 'Cancel and tell invitees').click();
      await fixture.whenStable();
      http.expectNone({ method: 'POST', url: `/api/activities/${ACTIVITY_ID}/cancel` });
      const reason = byLabel<HTMLTextAreaElement>(el, 'Why it is cancelled');
      expect(textOf(reason.closest('mat-form-field')?.querySelector('mat-error'))).toBe(
        'Say why it is cancelled: invitees are told.',
      );
      typeInto(reason, 'Not enough staff that day.');
      byName(el, 'Cancel and tell invitees').click();
      const req = http.expectOne({ method: 'POST', url: `/api/activities/${ACTIVITY_ID}/cancel` });
      expect(req.request.body).toEqual({ reason: 'Not enough staff that day.' });
      req.flush(
        activityResponse({ date: soon, status: 'cancelled', cancelReason: 'Not enough staff that day.' }),
      );
      await fixture.whenStable();
      expect(textOf(el.querySelector('.cancelled-note'))).toContain('Reason: Not enough staff that day.');
      expect(() => byName(el, 'Move')).toThrow();
      expect(await axeViolations(el)).toEqual([]);
    });
  });

  describe('Consents', () => {
    it('shows who is missing which consent, with links to record it', async () => {
      await open();
      await openTab('Consents');
      http.expectOne(`/api/activities/${ACTIVITY_ID}/consents`).flush(consentMatrix());
      await fixture.whenStable();
      expect(textOf(el.querySelector('.summary'))).toBe('1 young person is missing at least one consent.');
      const headers = Array.from(el.querySelectorAll('thead th')).map(textOf);
      expect(headers).toEqual(['Young person', 'Taking part', 'Emergency medical treatment']);
      const samCells = Array.from(el.querySelectorAll('tbody tr:first-child td')).map(textOf);
      expect(samCells[0]).toBe('In place');
      expect(textOf(el.querySelector('tbody tr:first-child .not-in-place'))).toBe('Withdrawn');
      expect(samCells[1]).toContain('Emergency medical treatment consent was withdrawn on 3 May 2026.');
      expect(byName(el, 'Record consent for Sam: Emergency medical treatment').getAttribute('href')).toBe(
        `/young-people/${PERSON_ID}/consent`,
      );
      expect(await axeViolations(el)).toEqual([]);
    });
  });

  describe('Attendance', () => {
    it('says attendance is marked from the day itself', async () => {
      await open();
      await openTab('Attendance');
      http.expectOne(`/api/activities/${ACTIVITY_ID}/invitations`).flush([invitation()]);
      await fixture.whenStable();
      expect(textOf(el.querySelector('heard-empty-state'))).toContain(
        'You can mark who came from the day itself',
      );
    });

    it('marks someone present, and overrides a missing consent with a reason', async () => {
      const onTheDay = activityResponse({ date: today });
      await open(onTheDay, []);
      await openTab('Attendance');
      http.expectOne(`/api/activities/${ACTIVITY_ID}/invitations`).flush([
        invitation({ status: InvitationStatus.Accepted }),
        invitation({
          id: OTHER_INVITATION_ID,
          youngPerson: { id: OTHER_PERSON_ID, preferredName: 'Ali' },
          status: InvitationStatus.Declined,
        }),
      ]);
      await fixture.whenStable();
      expect(textOf(el.querySelector('.attendance'))).not.toContain('Ali');
      expect(textOf(el.querySelector('.summary'))).toBe('0 came, 0 did not come, 1 not marked yet.');
      expect(await axeViolations(el)).toEqual([]);

      byLabel(el, 'Came').click();
      await fixture.whenStable();
      const first = http.expectOne({ method: 'POST', url: `/api/activities/${ACTIVITY_ID}/attendance` });
      expect(first.request.body).toEqual({ youngPersonId: PERSON_ID, attended: true });
      first.flush(
        problemBody(
          409,
          'Sam has no taking part consent in place for this day. Mark them with a reason, or record the consent first.',
          { youngPersonId: ['No taking part consent has been recorded.'] },
        ),
        { status: 409, statusText: 'Conflict' },
      );
      await fixture.whenStable();
      expect(textOf(el.querySelector('.override [role="alert"]'))).toContain(
        'Sam has no taking part consent in place for this day.',
      );
      const reason = byLabel<HTMLTextAreaElement>(el, 'Reason to mark them anyway');
      expect(document.activeElement).toBe(reason);
      expect(await axeViolations(el)).toEqual([]);

      byName(el, 'Mark as came with this reason').click();
      await fixture.whenStable();
      http.expectNone({ method: 'POST', url: `/api/activities/${ACTIVITY_ID}/attendance` });
      expect(textOf(reason.closest('mat-form-field')?.querySelector('mat-error'))).toBe(
        'Give a reason of at least a few words.',
      );

      typeInto(reason, 'Verbal consent from carer by phone; form to follow.');
      byName(el, 'Mark as came with this reason').click();
      const second = http.expectOne({ method: 'POST', url: `/api/activities/${ACTIVITY_ID}/attendance` });
      expect(second.request.body).toEqual({
        youngPersonId: PERSON_ID,
        attended: true,
        overrideReason: 'Verbal consent from carer by phone; form to follow.',
      });
      second.flush(invitation({ status: InvitationStatus.Attended }));
      await fixture.whenStable();
      expect(textOf(el.querySelector('.tab [role="status"]'))).toBe(
        'Sam is marked as came. Your reason is recorded.',
      );
      expect(textOf(el.querySelector('.summary'))).toBe('1 came, 0 did not come, 0 not marked yet.');
      http.expectOne(`/api/activities/${ACTIVITY_ID}`).flush(onTheDay);
      await fixture.whenStable();
    });
  });

  describe('Funnel', () => {
    it('shows the figures as text and bars', async () => {
      await open();
      await openTab('Funnel');
      http.expectOne(`/api/activities/${ACTIVITY_ID}/funnel`).flush(funnelResponse());
      await fixture.whenStable();
      expect(
        Array.from(el.querySelectorAll('.chart-table tbody tr')).map((row) =>
          Array.from(row.children).map(textOf),
        ),
      ).toEqual([
        ['Invited', '12', ''],
        ['Said yes', '6', '50% of those invited'],
        ['Came', '4', '33% of those invited'],
      ]);
      expect(textOf(el.querySelector('heard-funnel-details'))).toContain('Being invited counts');
      expect(Array.from(el.querySelectorAll('.reasons li')).map(textOf)).toEqual([
        'Busy that day: 3',
        'No reason given: 1',
      ]);
      expect(await axeViolations(el)).toEqual([]);
    });
  });

  it('says what to do when the day cannot be loaded', async () => {
    TestBed.configureTestingModule({
      imports: [ActivityPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ActivityPage);
    fixture.componentRef.setInput('id', ACTIVITY_ID);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http
      .expectOne(`/api/activities/${ACTIVITY_ID}`)
      .flush(problemBody(404, 'We could not find that activity day.'), {
        status: 404,
        statusText: 'Not Found',
      });
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="alert"]'))).toContain('We could not find that activity day.');
    expect(byName(el, 'Go back to activity days').getAttribute('href')).toBe('/activities');
  });
});
