import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Role } from '@heard/domain';
import type { YoungPersonAttendance } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { signInAs } from '../../testing/session';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import {
  GROUP_ID,
  PERSON_ID,
  SESSION_ID,
  byLabel,
  byName,
  personResponse,
  problemBody,
  textOf,
  typeInto,
} from '../../testing/fixtures';
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

  async function open(role: Role): Promise<void> {
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

  afterEach(() => http.verify());

  async function answer(
    person = personResponse({
      groups: [{ id: GROUP_ID, name: 'Deputies', role: 'chair', joinedOn: '2026-01-08' }],
    }),
  ): Promise<void> {
    http.expectOne(`/api/young-people/${PERSON_ID}`).flush(person);
    http.expectOne(`/api/young-people/${PERSON_ID}/attendance`).flush(ATTENDANCE);
    await fixture.whenStable();
  }

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

  it('shows practitioners the profile without write buttons or links into group pages', async () => {
    await open(Role.Practitioner);
    await answer();
    expect(el.textContent).not.toContain('Edit details');
    expect(el.querySelector('button')).toBeNull();
    expect(el.querySelector('a[href^="/groups"]')).toBeNull();
    expect(el.textContent).toContain('Deputies – Chair since 8 Jan 2026');
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
