import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { InvitationStatus, Role } from '@heard/domain';
import type { InvitationResponse, OneToOneResponse, YoungPersonAttendance } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { signInAs } from '../../testing/session';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import {
  GROUP_ID,
  PERSON_ID,
  SESSION_ID,
  byLabel,
  byName,
  page,
  personResponse,
  problemBody,
  textOf,
  typeInto,
} from '../../testing/fixtures';
import { invitation } from '../../testing/activity-fixtures';
import YoungPersonPage from './young-person-page';

const ATTENDANCE: YoungPersonAttendance = {
  youngPersonId: PERSON_ID,
  overall: { present: 3, apologies: 1, absent: 0, rate: 0.75 },
  byGroup: [{ groupId: GROUP_ID, groupName: 'Deputies', present: 3, apologies: 1, absent: 0, rate: 0.75 }],
  recent: [
    { sessionId: SESSION_ID, groupName: 'Deputies', startsAt: '2026-03-05T17:00:00Z', status: 'present' },
  ],
};

describe('YoungPersonPage', () => {
  let fixture: ComponentFixture<YoungPersonPage>;
  let el: HTMLElement;
  let http: HttpTestingController;
  let signedInAs: Role;

  async function open(role: Role): Promise<void> {
    signedInAs = role;
    TestBed.configureTestingModule({
      imports: [YoungPersonPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(role);
    fixture = TestBed.createComponent(YoungPersonPage);
    fixture.componentRef.setInput('id', PERSON_ID);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  afterEach(() => {
    // The review meetings panel loads its own list; review-meetings-panel.spec.ts tests it.
    for (const req of http.match(`/api/young-people/${PERSON_ID}/reviews`)) req.flush([]);
    http.verify();
  });

  async function answer(
    person = personResponse({
      groups: [{ id: GROUP_ID, name: 'Deputies', role: 'chair', joinedOn: '2026-01-08' }],
    }),
  ): Promise<void> {
    http.expectOne(`/api/young-people/${PERSON_ID}`).flush(person);
    http.expectOne(`/api/young-people/${PERSON_ID}/attendance`).flush(ATTENDANCE);
    if (signedInAs === Role.ParticipationOfficer) await answerInvolvement([], []);
    await fixture.whenStable();
  }

  /** Only officers may list invitations and one-to-ones, so only their page asks. */
  async function answerInvolvement(
    invitations: InvitationResponse[],
    oneToOnes: OneToOneResponse[],
    total = invitations.length,
  ): Promise<void> {
    http
      .expectOne(`/api/invitations?youngPersonId=${PERSON_ID}&pageSize=50`)
      .flush(page(invitations, { total, pageSize: 50 }));
    http.expectOne(`/api/one-to-ones?youngPersonId=${PERSON_ID}`).flush(oneToOnes);
    await fixture.whenStable();
  }

  it('shows officers their invitations, activity days and one-to-ones, with no axe violations', async () => {
    await open(Role.ParticipationOfficer);
    http.expectOne(`/api/young-people/${PERSON_ID}`).flush(personResponse());
    http.expectOne(`/api/young-people/${PERSON_ID}/attendance`).flush(ATTENDANCE);
    await answerInvolvement(
      [
        invitation({ status: InvitationStatus.Accepted }),
        invitation({
          id: 'review-invitation',
          target: { kind: 'review_meeting', id: 'review', title: 'Your review meeting', date: '2026-06-10' },
          status: InvitationStatus.Declined,
        }),
        invitation({
          id: 'bowling-invitation',
          target: { kind: 'activity_day', id: 'bowling', title: 'Bowling and pizza', date: '2026-05-02' },
          status: InvitationStatus.Sent,
        }),
      ],
      [
        {
          id: 'one-to-one',
          youngPerson: { id: PERSON_ID, preferredName: 'Sam' },
          requestedBy: 'young_person',
          topic: 'Talking about school',
          status: 'scheduled',
          scheduledAt: '2026-07-10T15:30:00Z',
          location: 'Youth hub',
          staff: null,
          outcome: null,
          createdAt: '2026-06-01T10:00:00Z',
          updatedAt: '2026-06-01T10:00:00Z',
        },
      ],
      4,
    );
    const rows = Array.from(
      el.querySelectorAll('section[aria-labelledby="invitations-heading"] tbody tr'),
    ).map((row) => Array.from(row.children).map(textOf));
    expect(rows).toEqual([
      ['Activity day: Climbing wall day', '4 Jul 2026', 'Coming'],
      ['Chairing their review meeting: Your review meeting', '10 Jun 2026', 'Not coming'],
      ['Activity day: Bowling and pizza', '2 May 2026', 'Sent, no answer yet'],
    ]);
    expect(el.textContent).toContain('Showing the latest 3 of 4.');
    // Only the days they said yes to are their activity days.
    const days = el.querySelector('section[aria-labelledby="activity-days-heading"]');
    expect(Array.from(days?.querySelectorAll('li') ?? []).map(textOf)).toEqual([
      'Climbing wall day, 4 Jul 2026 – Coming',
    ]);
    expect(byName(el, 'Climbing wall day', 'a').getAttribute('href')).toBe(
      '/activities/66666666-6666-4666-8666-666666666666',
    );
    const oneToOnes = el.querySelector('section[aria-labelledby="one-to-ones-heading"]');
    expect(Array.from(oneToOnes?.querySelectorAll('li') ?? []).map(textOf)).toEqual([
      'Talking about school – Booked, 10 Jul 2026, 16:30',
    ]);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('says so when officers’ list of invitations cannot load, and still shows the profile', async () => {
    await open(Role.ParticipationOfficer);
    http.expectOne(`/api/young-people/${PERSON_ID}`).flush(personResponse());
    http.expectOne(`/api/young-people/${PERSON_ID}/attendance`).flush(ATTENDANCE);
    http
      .expectOne(`/api/invitations?youngPersonId=${PERSON_ID}&pageSize=50`)
      .flush(null, { status: 500, statusText: 'Server Error' });
    http.expectOne(`/api/one-to-ones?youngPersonId=${PERSON_ID}`);
    await fixture.whenStable();
    expect(textOf(el.querySelector('h1'))).toBe('Sam');
    expect(textOf(el.querySelector('[role="alert"]'))).toContain(
      'We could not load their invitations and one-to-ones.',
    );
  });

  it('shows their details, groups and attendance as percentages with counts, with no axe violations', async () => {
    await open(Role.ParticipationOfficer);
    expect(el.querySelector('mat-progress-bar')?.getAttribute('aria-label')).toBe('Loading their profile');
    await answer();
    expect(el.querySelectorAll('h1')).toHaveLength(1);
    expect(textOf(el.querySelector('h1'))).toBe('Sam');
    expect(el.textContent).toContain('Only via a trusted adult. Do not contact them directly.');
    expect(el.textContent).toContain('Pat Worker, Social worker');
    expect(textOf(byName(el, 'Deputies', 'a[href^="/groups/"]').parentElement)).toBe(
      'Deputies – Chair since 8 Jan 2026',
    );
    expect(textOf(el.querySelector('.overall'))).toBe(
      'Overall: 75% (present at 3 of 4 marked sessions). Present 3, apologies 1, absent 0.',
    );
    expect(Array.from(el.querySelectorAll('tbody tr > *')).map(textOf)).toEqual([
      'Deputies',
      '3',
      '1',
      '0',
      '75% (present at 3 of 4 marked sessions)',
    ]);
    expect(textOf(byName(el, 'Deputies, 5 Mar 2026, 17:00').parentElement)).toBe(
      'Deputies, 5 Mar 2026, 17:00 – Present',
    );
    expect(await axeViolations(el)).toEqual([]);
  });

  it('shows the parent or carer kept on the record, with why it is kept, and no axe violations', async () => {
    await open(Role.ParticipationOfficer);
    await answer(
      personResponse({
        parentCarer: {
          name: 'Lee Parent',
          relationship: 'Dad',
          channel: 'phone',
          email: null,
          phone: '07700 900222',
          purpose: 'Aged 11: their dad takes them to activities.',
        },
      }),
    );
    const heading = Array.from(el.querySelectorAll('h3')).find((h) => textOf(h) === 'Parent or carer');
    expect(textOf(heading?.nextElementSibling ?? null)).toBe(
      'Name Lee Parent (Dad) Phone07700 900222Why Heard keeps thisAged 11: their dad takes them to activities.',
    );
    expect(await axeViolations(el)).toEqual([]);
  });

  it('says whether they are placed out of area, and with which local authority', async () => {
    await open(Role.ParticipationOfficer);
    await answer(personResponse({ placedOutOfArea: true, placementAuthority: 'Northmere County Council' }));
    const placement = Array.from(el.querySelectorAll('dt')).find((dt) => textOf(dt) === 'Placement');
    expect(textOf(placement?.nextElementSibling ?? null)).toBe(
      'Placed out of area, with Northmere County Council',
    );
  });

  it('lists the team’s categories on their record, or says there are none', async () => {
    await open(Role.ParticipationOfficer);
    await answer(
      personResponse({
        categories: [
          { id: 'c1', name: 'Lives with kinship carers' },
          { id: 'c2', name: 'Young carer' },
        ],
      }),
    );
    const categories = () =>
      Array.from(el.querySelectorAll('dt')).find((dt) => textOf(dt) === "The team's categories");
    expect(textOf(categories()?.nextElementSibling ?? null)).toBe('Lives with kinship carers, Young carer');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('says they live in the council’s own area when not placed out of it', async () => {
    await open(Role.ParticipationOfficer);
    await answer(personResponse());
    const placement = Array.from(el.querySelectorAll('dt')).find((dt) => textOf(dt) === 'Placement');
    expect(textOf(placement?.nextElementSibling ?? null)).toBe("In the council's own area");
  });

  it('offers officers Edit and Archive, and archives with a reason', async () => {
    await open(Role.ParticipationOfficer);
    await answer();
    expect(byName(el, 'Edit details').getAttribute('href')).toBe(`/young-people/${PERSON_ID}/edit`);
    const toggle = byName(el, 'Archive');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await fixture.whenStable();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(byLabel(el, 'Reason for archiving (optional)'));
    expect(await axeViolations(el)).toEqual([]);

    typeInto(byLabel<HTMLTextAreaElement>(el, 'Reason for archiving (optional)'), 'Moved away');
    byName(el, 'Confirm archiving').click();
    const req = http.expectOne({ method: 'POST', url: `/api/young-people/${PERSON_ID}/archive` });
    expect(req.request.body).toEqual({ reason: 'Moved away' });
    req.flush(personResponse({ archivedAt: '2026-03-10T10:00:00Z' }));
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="status"]'))).toContain('Sam’s record is archived.');
    expect(el.textContent).toContain('This record was archived on 10 Mar 2026.');
    expect(el.textContent).not.toContain('Edit details');
  });

  it('shows why archiving failed', async () => {
    await open(Role.ParticipationOfficer);
    await answer();
    byName(el, 'Archive').click();
    await fixture.whenStable();
    byName(el, 'Confirm archiving').click();
    http
      .expectOne(`/api/young-people/${PERSON_ID}/archive`)
      .flush(problemBody(409, 'This record is already archived.'), { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(textOf(el.querySelector('#archive-panel [role="alert"]'))).toContain(
      'This record is already archived.',
    );
  });

  it.each([Role.ParticipationOfficer, Role.Practitioner])('links %s to their consents', async (role) => {
    await open(role);
    await answer();
    expect(byName(el, 'Consent').getAttribute('href')).toBe(`/young-people/${PERSON_ID}/consent`);
  });

  it('offers officers, and only officers, everything held about the young person as PDF and JSON', async () => {
    await open(Role.ParticipationOfficer);
    await answer();
    for (const ext of ['PDF', 'JSON']) {
      const link = byName(el, `Everything we hold (${ext})`);
      expect(link.getAttribute('href')).toBe(
        `/api/young-people/${PERSON_ID}/subject-access.${ext.toLowerCase()}`,
      );
      expect(link.hasAttribute('download')).toBe(true);
    }
    expect(byName(el, 'Erasure request').getAttribute('href')).toBe(`/young-people/${PERSON_ID}/erasure`);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('does not offer practitioners the subject access files', async () => {
    await open(Role.Practitioner);
    await answer();
    expect(el.querySelector('a[href*="subject-access"]')).toBeNull();
    expect(el.querySelector('a[href$="/erasure"]')).toBeNull();
  });

  it('shows practitioners the profile without edit buttons or links into group pages', async () => {
    await open(Role.Practitioner);
    await answer();
    expect(el.textContent).not.toContain('Edit details');
    // Their one button records a review meeting: reviewing officers record how the young person took part.
    expect(Array.from(el.querySelectorAll('button')).map(textOf)).toEqual(['Record a review meeting']);
    expect(el.querySelector('a[href^="/groups"]')).toBeNull();
    expect(el.textContent).toContain('Deputies – Chair since 8 Jan 2026');
  });

  it('lets staff who can see the young person raise a worry about them', async () => {
    await open(Role.Practitioner);
    await answer();
    expect(el.querySelector('a[href^="/worries"]')?.getAttribute('href')).toBe(
      `/worries?youngPerson=${PERSON_ID}`,
    );
  });

  it('still shows the profile when attendance cannot load', async () => {
    await open(Role.Practitioner);
    http.expectOne(`/api/young-people/${PERSON_ID}`).flush(personResponse());
    http
      .expectOne(`/api/young-people/${PERSON_ID}/attendance`)
      .flush(null, { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();
    expect(textOf(el.querySelector('h1'))).toBe('Sam');
    expect(textOf(el.querySelector('[role="alert"]'))).toContain('We could not load their attendance.');
    expect(textOf(el.querySelector('heard-empty-state h2'))).toBe('Not in any groups');
  });

  it('says when the young person cannot be found', async () => {
    await open(Role.Practitioner);
    http
      .expectOne(`/api/young-people/${PERSON_ID}`)
      .flush(problemBody(404, 'This young person was not found.'), { status: 404, statusText: 'Not Found' });
    // The attendance request is dropped once the record itself has failed.
    expect(http.expectOne(`/api/young-people/${PERSON_ID}/attendance`).cancelled).toBe(true);
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="alert"]'))).toContain('This young person was not found.');
    expect(el.textContent).toContain('Go back to young people');
  });
});
