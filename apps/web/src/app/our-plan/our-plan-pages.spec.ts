import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { LUNDY_AREA_LABELS, LUNDY_QUESTIONS, PLAN_SECTIONS } from '@heard/domain';
import type {
  PlanDocument,
  PublishedPlanComparisonResponse,
  PublishedPlanListResponse,
  PublishedPlanResponse,
} from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { PLAN_COMPARE } from '../plans/view/plan-compare-words';
import OurPlanComparePage from './our-plan-compare-page';
import OurPlanPage from './our-plan-page';
import OurPlanVersionPage from './our-plan-version-page';
import { PUBLISHED_PLAN } from './our-plan-words';

const V1 = '0b7c1a2e-1d2c-4c3b-8a9d-1e2f3a4b5c6d';
const V2 = '5a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const PERIOD = { from: '2026-04-01', to: '2027-03-31' };
const doc = (text: string): PlanDocument => ({
  blocks: [{ type: 'paragraph', children: [{ type: 'text', text }] }],
});

const CURRENT = {
  id: V2,
  number: 2,
  status: 'published',
  whatChanged: 'We said it more simply.',
  publishedAt: '2026-05-04T10:00:00.000Z',
} as const;
const PAST = {
  id: V1,
  number: 1,
  status: 'superseded',
  whatChanged: null,
  publishedAt: '2026-04-02T10:00:00.000Z',
} as const;
const LIST: PublishedPlanListResponse = {
  plans: [{ year: 2026, period: PERIOD, current: CURRENT, past: [PAST] }],
};

const VERSION_2: PublishedPlanResponse = {
  ...CURRENT,
  year: 2026,
  period: PERIOD,
  sections: [
    {
      key: 'individual_work',
      professional: doc('Practitioners record each child’s views in every plan.'),
      childFriendly: doc('We will always listen to you.'),
    },
    {
      key: 'lundy',
      professional: doc('We are getting better at Audience.'),
      childFriendly: doc('We want to get better.'),
    },
    {
      key: 'commitments',
      professional: doc('Our commitments for the year.'),
      childFriendly: doc('Here is what we will do.'),
    },
  ],
  lundy: [
    {
      questionKey: LUNDY_QUESTIONS[1].key,
      answer: 'Mostly.',
      evidence: [{ words: 'A survey.', reference: null }],
    },
  ],
  commitments: [
    {
      words: 'Every service asks children about their review meeting.',
      childWords: 'We will ask you about your review meeting.',
      dueOn: '2026-12-01',
    },
  ],
};
const VERSION_1: PublishedPlanResponse = {
  ...VERSION_2,
  ...PAST,
  sections: [{ ...VERSION_2.sections[0], childFriendly: doc('We will listen to you.') }],
};

const COMPARISON: PublishedPlanComparisonResponse = {
  before: { ...PAST, year: 2026 },
  after: { ...CURRENT, year: 2026 },
  sections: [
    {
      key: 'individual_work',
      professional: [{ kind: 'same', text: 'Practitioners record each child’s views in every plan.' }],
      childFriendly: [
        { kind: 'same', text: 'We will ' },
        { kind: 'added', text: 'always ' },
        { kind: 'same', text: 'listen to you.' },
      ],
    },
  ],
};

describe('the public plan pages', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  const el = () => harness.routeNativeElement as HTMLElement;
  const button = (name: string) =>
    Array.from(el().querySelectorAll('button')).find((b) => b.textContent?.trim() === name) ?? null;
  const link = (name: string) =>
    Array.from(el().querySelectorAll('a')).find((a) => a.textContent?.trim() === name) ?? null;

  async function open(url: string): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'our-plan', component: OurPlanPage },
          { path: 'our-plan/compare', component: OurPlanComparePage },
          { path: 'our-plan/:versionId', component: OurPlanVersionPage },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
  }
  async function flush(req: TestRequest, body: object | null, status = 200): Promise<void> {
    if (status === 200) req.flush(body);
    else
      req.flush(
        { type: 'about:blank', title: 'Error', status, detail: 'Not here.' },
        { status, statusText: 'Error' },
      );
    await harness.fixture.whenStable();
    harness.detectChanges();
  }
  /** The version page asks for the version and for the list (which names the one before and the newest). */
  async function openVersion(url: string, version: PublishedPlanResponse): Promise<void> {
    await open(url);
    await flush(http.expectOne(`/api/published-plans/${version.id}`), version);
    await flush(http.expectOne('/api/published-plans'), LIST);
  }
  afterEach(() => http.verify());

  describe('/our-plan', () => {
    it('lists each year’s plan as it is now and its older versions, with no sign-in asked', async () => {
      await open('/our-plan');
      expect(el().querySelector('[role="status"]')?.textContent).toBe(PUBLISHED_PLAN.loading);
      await flush(http.expectOne('/api/published-plans'), LIST);
      expect(el().querySelector('h1')?.textContent).toBe(PUBLISHED_PLAN.title);
      expect(el().querySelector('h2')?.textContent).toBe('Our plan for April 2026 to March 2027');
      expect(el().querySelector('a.read')?.getAttribute('href')).toBe(`/our-plan/${V2}`);
      expect(el().textContent).toContain('Version 2. Out on 4 May 2026.');
      expect(el().textContent).toContain('We said it more simply.');
      expect(el().querySelector('.versions a')?.getAttribute('href')).toBe(`/our-plan/${V1}`);
      expect(el().querySelector('.versions')?.textContent).toContain('Out on 2 April 2026.');
      // Public: nothing asks who is signed in.
      http.expectNone('/api/auth/session');
      expect(await axeViolations(el())).toEqual([]);
    });

    it('says when nothing is published yet', async () => {
      await open('/our-plan');
      await flush(http.expectOne('/api/published-plans'), { plans: [] });
      expect(el().textContent).toContain(PUBLISHED_PLAN.none);
    });

    it('says plainly when the plans could not be got', async () => {
      await open('/our-plan');
      await flush(http.expectOne('/api/published-plans'), null, 500);
      expect(el().querySelector('[role="alert"]')?.textContent).toBe(PUBLISHED_PLAN.failed);
    });
  });

  describe('/our-plan/:versionId', () => {
    it('shows young people’s words by default: each section, the promises, what changed and a link to compare', async () => {
      await openVersion(`/our-plan/${V2}`, VERSION_2);
      expect(el().querySelector('h1')?.textContent).toBe('Our plan for April 2026 to March 2027');
      expect(el().textContent).toContain('Version 2. Out on 4 May 2026.');
      expect(el().querySelector('.what-changed')?.textContent).toContain('We said it more simply.');
      const headings = Array.from(el().querySelectorAll('h2')).map((h) => h.textContent);
      expect(headings).toEqual([
        PUBLISHED_PLAN.whatChanged,
        PLAN_SECTIONS.individual_work.childTitle,
        PLAN_SECTIONS.lundy.childTitle,
        PLAN_SECTIONS.commitments.childTitle,
      ]);
      expect(el().textContent).toContain('We will always listen to you.');
      expect(el().textContent).not.toContain('Practitioners record');
      expect(el().querySelector('.promises')?.textContent).toContain(
        'We will ask you about your review meeting.',
      );
      expect(el().querySelector('.promises')?.textContent).toContain('By December 2026');
      // The Lundy answers are professionals' words.
      expect(el().textContent).not.toContain('Mostly.');
      expect(button(PUBLISHED_PLAN.forYoungPeople)?.getAttribute('aria-pressed')).toBe('true');
      expect(button(PUBLISHED_PLAN.forProfessionals)?.getAttribute('aria-pressed')).toBe('false');
      expect(link('See what changed since version 1')?.getAttribute('href')).toBe(
        `/our-plan/compare?before=${V1}&after=${V2}`,
      );
      expect(link(PUBLISHED_PLAN.pdf)?.getAttribute('href')).toBe(`/api/published-plans/${V2}/pdf`);
      // The newest version does not send its reader elsewhere.
      expect(el().querySelector('.notice')).toBeNull();
      expect(await axeViolations(el())).toEqual([]);
    });

    it('switches to professionals’ words in place, keeping the choice in the address', async () => {
      await openVersion(`/our-plan/${V2}`, VERSION_2);
      button(PUBLISHED_PLAN.forProfessionals)?.click();
      await harness.fixture.whenStable();
      harness.detectChanges();
      // Switching asks for nothing again.
      http.expectNone(() => true);
      expect(TestBed.inject(Router).url).toBe(`/our-plan/${V2}?for=professionals`);
      expect(button(PUBLISHED_PLAN.forProfessionals)?.getAttribute('aria-pressed')).toBe('true');
      expect(el().textContent).toContain('Practitioners record each child’s views in every plan.');
      expect(el().textContent).not.toContain('We will always listen to you.');
      expect(el().querySelector('h2#section-individual_work')?.textContent).toBe(
        `A. ${PLAN_SECTIONS.individual_work.title}`,
      );
      // The Lundy answers, under their area, with how we know.
      expect(el().textContent).toContain(LUNDY_AREA_LABELS.space.title);
      expect(el().querySelector('h4')?.textContent).toBe(LUNDY_QUESTIONS[1].question);
      expect(el().textContent).toContain('A survey.');
      expect(el().querySelector('.promises')?.textContent).toContain(
        'Every service asks children about their review meeting.',
      );
      expect(link('See what changed since version 1')?.getAttribute('href')).toBe(
        `/our-plan/compare?before=${V1}&after=${V2}&for=professionals`,
      );
      expect(el().querySelector('.print-only')?.textContent).toBe(PUBLISHED_PLAN.forProfessionals);
      expect(await axeViolations(el())).toEqual([]);
    });

    it('says an old version is old and links to the newest; the first version has nothing to compare with', async () => {
      await openVersion(`/our-plan/${V1}`, VERSION_1);
      expect(el().querySelector('.notice')?.textContent).toContain(PUBLISHED_PLAN.oldVersion);
      expect(link(PUBLISHED_PLAN.readNewest)?.getAttribute('href')).toBe(`/our-plan/${V2}`);
      expect(el().querySelector('.what-changed')).toBeNull();
      expect(el().textContent).not.toContain('See what changed since');
      expect(await axeViolations(el())).toEqual([]);
    });

    it('says when a version is not there or not published', async () => {
      await open(`/our-plan/${V1}`);
      await flush(http.expectOne(`/api/published-plans/${V1}`), null, 404);
      // The list was asked for beside it, and is let go.
      expect(http.expectOne('/api/published-plans').cancelled).toBe(true);
      expect(el().querySelector('[role="alert"]')?.textContent).toBe(PUBLISHED_PLAN.notFound);
      expect(await axeViolations(el())).toEqual([]);
    });
  });

  describe('/our-plan/compare', () => {
    it('shows what changed in young people’s words, marked word by word, from the public API', async () => {
      await open(`/our-plan/compare?before=${V1}&after=${V2}`);
      const req = http.expectOne((r) => r.url === '/api/published-plans/compare');
      expect(req.request.params.get('before')).toBe(V1);
      expect(req.request.params.get('after')).toBe(V2);
      await flush(req, COMPARISON);
      expect(el().querySelector('h1')?.textContent).toBe(PUBLISHED_PLAN.compareTitle);
      expect(el().textContent).toContain('Version 1 and Version 2');
      expect(el().textContent).toContain('We said it more simply.');
      expect(el().textContent).toContain(PLAN_SECTIONS.individual_work.childTitle);
      expect(el().querySelector('.plan-compare-one ins')?.textContent).toContain('always');
      expect(el().textContent).not.toContain('Practitioners record');
      expect(link(PUBLISHED_PLAN.readVersion.replace('{n}', '1'))?.getAttribute('href')).toBe(
        `/our-plan/${V1}`,
      );
      expect(await axeViolations(el())).toEqual([]);
    });

    it('switches to professionals’ words without asking again', async () => {
      await open(`/our-plan/compare?before=${V1}&after=${V2}`);
      await flush(
        http.expectOne((r) => r.url === '/api/published-plans/compare'),
        COMPARISON,
      );
      button(PUBLISHED_PLAN.forProfessionals)?.click();
      await harness.fixture.whenStable();
      harness.detectChanges();
      http.expectNone(() => true);
      expect(el().textContent).toContain(PLAN_SECTIONS.individual_work.title);
      expect(el().querySelector('.plan-compare-summary')?.textContent).toBe(PLAN_COMPARE.noChanges);
      expect(await axeViolations(el())).toEqual([]);
    });

    it('asks nothing without two versions, and says so when one is not published', async () => {
      await open(`/our-plan/compare?before=${V1}`);
      http.expectNone(() => true);
      expect(el().querySelector('[role="alert"]')?.textContent).toBe(PUBLISHED_PLAN.chooseTwo);
      await harness.navigateByUrl(`/our-plan/compare?before=${V1}&after=${V2}`);
      await flush(
        http.expectOne((r) => r.url === '/api/published-plans/compare'),
        null,
        404,
      );
      expect(el().querySelector('[role="alert"]')?.textContent).toBe(PUBLISHED_PLAN.notFound);
    });
  });
});
