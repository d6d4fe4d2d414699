import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Role } from '@heard/domain';
import type { HomeSummary } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { signInAs } from '../../testing/session';
import { HomePage, cardLink } from './home-page';
import { NO_SAFEGUARDING_CONTACTS_WARNING } from '@heard/domain';
import { WORRY_ID, worryResponse } from '../worries/worry-fixtures';
import { byName, problemBody, textOf } from '../../testing/fixtures';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { LEADERS_VIEW_URL } from '../leaders/leaders-api';

describe('HomePage', () => {
  let http: HttpTestingController;

  function configure(): void {
    TestBed.configureTestingModule({
      imports: [HomePage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  }

  beforeEach(configure);

  const NOTHING_ELSE = { warnings: [], worriesToAcknowledge: null };

  async function render(
    summary: HomeSummary,
  ): Promise<{ fixture: ComponentFixture<HomePage>; el: HTMLElement }> {
    await signInAs(summary.role, { displayName: summary.displayName });
    const fixture = TestBed.createComponent(HomePage);
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: '/api/home' }).flush(summary);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('greets staff and shows their cards, linking where a card has a page', async () => {
    const { el } = await render({
      role: Role.Administrator,
      displayName: 'Alex',
      cards: [
        { label: 'Active users', value: 12, path: 'admin/users' },
        { label: 'Invitations waiting', value: 3, path: null },
        { label: 'Audit events today', value: 1001, valueIsLowerBound: true, path: null },
      ],
      ...NOTHING_ELSE,
    });
    expect(el.querySelector('h1')?.textContent).toBe('Hello, Alex');
    const cards = Array.from(el.querySelectorAll('.cards li'));
    expect(cards.map((li) => li.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      '12 Active users',
      '3 Invitations waiting',
      'More than 1,000 Audit events today',
    ]);
    expect(cards[0].querySelector('a')?.getAttribute('href')).toBe('/admin/users');
    expect(cards[1].querySelector('a')).toBeNull();
    expect(await axeViolations(el)).toEqual([]);
  });

  it('talks to young experts in plain words and points them to their space', async () => {
    const { el } = await render({ role: Role.YoungExpert, displayName: 'Jay', ...NOTHING_ELSE, cards: [] });
    expect(el.querySelector('h1')?.textContent).toBe('Hi Jay');
    expect(el.textContent).toContain('There is nothing new for you right now.');
    expect(el.querySelector('a[href="/my-space"]')?.textContent?.trim()).toBe('Go to my space');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('shows senior leaders their view of the programme, and no one else', async () => {
    const { fixture, el } = await render({
      role: Role.SeniorLeader,
      displayName: 'Sam',
      ...NOTHING_ELSE,
      cards: [],
    });
    await fixture.whenStable();
    expect(textOf(el.querySelector('#leaders-view-heading'))).toBe('How the council is responding');
    expect(http.match((req) => req.url === LEADERS_VIEW_URL)).toHaveLength(1);

    TestBed.resetTestingModule();
    configure();
    const officer = await render({
      role: Role.ParticipationOfficer,
      displayName: 'Ola',
      ...NOTHING_ELSE,
      cards: [],
    });
    await officer.fixture.whenStable();
    expect(officer.el.querySelector('#leaders-view-heading')).toBeNull();
    http.expectNone((req) => req.url === LEADERS_VIEW_URL);
  });

  it('says when there is nothing to show', async () => {
    const { el } = await render({ role: Role.SeniorLeader, displayName: 'Sam', ...NOTHING_ELSE, cards: [] });
    expect(el.querySelector('heard-empty-state h2')?.textContent).toBe('Nothing to show yet');
  });

  it('warns administrators when no one is a safeguarding contact', async () => {
    const { el } = await render({
      role: Role.Administrator,
      displayName: 'Alex',
      cards: [],
      warnings: [NO_SAFEGUARDING_CONTACTS_WARNING],
      worriesToAcknowledge: null,
    });
    expect(textOf(el.querySelector('.home-warning[role="alert"]'))).toBe(NO_SAFEGUARDING_CONTACTS_WARNING);
    expect(el.querySelector('#worries-heading')).toBeNull();
  });

  it('shows a safeguarding contact the worries to acknowledge, and acknowledges one', async () => {
    const { fixture, el } = await render({
      role: Role.SeniorLeader,
      displayName: 'Sade',
      cards: [],
      warnings: [],
      worriesToAcknowledge: [worryResponse()],
    });
    // A senior leader's view below the panel renders a moment later (it is deferred).
    await fixture.whenStable();
    expect(textOf(el.querySelector('#worries-heading'))).toBe('Worries to acknowledge');
    const panel = el.querySelector('.worries-panel') as HTMLElement;
    expect(textOf(panel)).toContain('Robin');
    expect(textOf(panel)).toContain('Olu Officer');
    expect(panel.querySelector('blockquote')?.textContent).toBe('Robin said someone at home hit them.');
    expect(panel.querySelector('a')?.getAttribute('href')).toBe(`/worries/${WORRY_ID}`);
    expect(await axeViolations(el)).toEqual([]);

    byName(panel, 'Acknowledge').click();
    const req = http.expectOne({ method: 'POST', url: `/api/worries/${WORRY_ID}/acknowledge` });
    expect(req.request.body).toEqual({ note: null });
    req.flush(worryResponse({ acknowledgedAt: '2026-03-02T10:30:00.000Z' }));
    await fixture.whenStable();
    expect(textOf(el.querySelector('.worries-panel'))).toContain('No worry is waiting.');
  });

  it('keeps the worry and shows why when acknowledging fails', async () => {
    const { fixture, el } = await render({
      role: Role.Practitioner,
      displayName: 'Pat',
      cards: [],
      warnings: [],
      worriesToAcknowledge: [worryResponse()],
    });
    byName(el, 'Acknowledge').click();
    http
      .expectOne(`/api/worries/${WORRY_ID}/acknowledge`)
      .flush(problemBody(409, 'Sade Lead has already acknowledged this worry.'), {
        status: 409,
        statusText: 'Conflict',
      });
    await fixture.whenStable();
    expect(textOf(el.querySelector('.worries-panel'))).toContain(
      'Sade Lead has already acknowledged this worry.',
    );
  });

  it('shows the problem when the summary cannot be loaded', async () => {
    await signInAs(Role.Practitioner);
    const fixture = TestBed.createComponent(HomePage);
    await fixture.whenStable();
    http
      .expectOne('/api/home')
      .flush({ detail: 'Something broke on our side.' }, { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('Something broke on our side.');
    expect(el.querySelector('.cards')).toBeNull();
  });
});

describe('cardLink', () => {
  it.each([
    [{ label: 'a', value: 1, path: 'groups' }, '/groups'],
    [{ label: 'a', value: 1, path: '/groups' }, '/groups'],
    [{ label: 'a', value: 1, path: null }, null],
  ])('%o → %s', (card, expected) => {
    expect(cardLink(card)).toBe(expected);
  });
});
