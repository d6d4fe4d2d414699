import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { MAX_PLAN_COMMENT, PLAN_SECTIONS, planDocumentOf } from '@heard/domain';
import type { MyPlanComment, MyPlanResponse, PlanDocument } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { COMMON, HOME, OUR_PLAN } from './my-space-words';
import PlanPage from './plan-page';

const VERSION_ID = '5b7e2d10-3c4a-4f6b-8a1d-2e3f4a5b6c7d';

const WITH_HEADING: PlanDocument = {
  blocks: [
    { type: 'heading', level: 2, children: [{ type: 'text', text: 'Your worker' }] },
    {
      type: 'paragraph',
      children: [{ type: 'text', text: 'Your worker asks what you think at each visit.' }],
    },
  ],
};

const EARLIER: MyPlanComment = {
  id: '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6',
  section: 'individual_work',
  words: 'Ask us before the visit, not after.',
  at: '2026-11-03T10:00:00.000Z',
  reply: { words: 'Workers will now ask you a week before.', at: '2026-11-10T09:00:00.000Z' },
};

const UNANSWERED: MyPlanComment = {
  id: '1e2f3a4b-5c6d-4e7f-8091-a2b3c4d5e6f7',
  section: 'commitments',
  words: 'Please say who will do each thing.',
  at: '2026-11-04T10:00:00.000Z',
  reply: null,
};

const PLAN: MyPlanResponse = {
  version: {
    id: VERSION_ID,
    year: 2026,
    period: { from: '2026-04-01', to: '2027-03-31' },
    sections: [
      { key: 'individual_work', childFriendly: WITH_HEADING, comments: [EARLIER] },
      {
        key: 'council_activity',
        childFriendly: planDocumentOf('You help us choose new staff. <b>Not bold</b>'),
        comments: [],
      },
      {
        key: 'commitments',
        childFriendly: planDocumentOf('We will meet you every month.'),
        comments: [UNANSWERED],
      },
    ],
  },
};

const COMMENTS = '/api/me/plan/comments';

describe('PlanPage', () => {
  let el: HTMLElement;
  let http: HttpTestingController;
  let fixture: ReturnType<typeof TestBed.createComponent<PlanPage>>;

  async function open(plan: MyPlanResponse | 'offline'): Promise<void> {
    TestBed.configureTestingModule({
      imports: [PlanPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    fixture = TestBed.createComponent(PlanPage);
    http = TestBed.inject(HttpTestingController);
    const read = http.expectOne('/api/me/plan');
    if (plan === 'offline') read.error(new ProgressEvent('error'));
    else read.flush(plan);
    await fixture.whenStable();
    el = fixture.nativeElement as HTMLElement;
  }
  afterEach(() => http.verify());

  const part = (key: string) => el.querySelector(`section[aria-labelledby="part-${key}"]`) as HTMLElement;
  const box = (key: string) => part(key).querySelector('textarea') as HTMLTextAreaElement;
  const type = (key: string, words: string) => {
    box(key).value = words;
    box(key).dispatchEvent(new Event('input'));
  };
  const send = async (key: string) => {
    (part(key).querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await fixture.whenStable();
  };
  const alertIn = (key: string) => part(key).querySelector('[role="alert"]')?.textContent?.trim();

  describe('with a version in scrutiny', () => {
    beforeEach(() => open(PLAN));

    it('shows each part’s child-friendly text under its own heading, with the text’s headings below it', () => {
      expect(Array.from(el.querySelectorAll('h2')).map((h) => h.textContent?.trim())).toEqual([
        PLAN_SECTIONS.individual_work.childTitle,
        PLAN_SECTIONS.council_activity.childTitle,
        PLAN_SECTIONS.commitments.childTitle,
      ]);
      const inner = part('individual_work').querySelector('[role="heading"]');
      expect(inner?.textContent?.trim()).toBe('Your worker');
      expect(inner?.getAttribute('aria-level')).toBe('3');
      expect(part('individual_work').textContent).toContain('Your worker asks what you think at each visit.');
      // Typed markup is text, never HTML.
      expect(part('council_activity').textContent).toContain('<b>Not bold</b>');
      expect(part('council_activity').querySelector('b')).toBeNull();
      expect(el.textContent).toContain('Wednesday 1 April 2026');
    });

    it('says beside every box who reads it and that a worry goes to its own page', () => {
      for (const key of ['individual_work', 'council_activity', 'commitments']) {
        const section = part(key);
        expect(section.querySelector('label')?.textContent?.trim()).toBe(OUR_PLAN.label);
        const who = section.querySelector(`#who-${key}`)?.textContent?.replace(/\s+/g, ' ').trim();
        expect(who).toBe(OUR_PLAN.whoReads.join(' '));
        expect(section.textContent).toContain(OUR_PLAN.notForWorries);
        const worry = Array.from(section.querySelectorAll('a')).find(
          (a) => a.textContent?.trim() === HOME.worry,
        );
        expect(worry?.getAttribute('href')).toBe('/worry');
        const described = box(key).getAttribute('aria-describedby')?.split(' ') ?? [];
        expect(described).toContain(`who-${key}`);
      }
    });

    it('shows their earlier comments, with what we changed when we have said', () => {
      const first = part('individual_work');
      expect(first.querySelector('h3')?.textContent?.trim()).toBe(OUR_PLAN.yoursHeading);
      expect(first.textContent).toContain(EARLIER.words);
      expect(first.textContent).toContain(
        `${OUR_PLAN.whatWeChanged}: Workers will now ask you a week before.`,
      );
      const last = part('commitments');
      expect(last.textContent).toContain(UNANSWERED.words);
      expect(last.textContent).toContain(OUR_PLAN.noAnswerYet);
      expect(part('council_activity').querySelector('h3')).toBeNull();
    });

    it('counts the letters as they type and keeps the box to the limit', async () => {
      expect(box('council_activity').getAttribute('maxlength')).toBe(String(MAX_PLAN_COMMENT));
      const count = () =>
        part('council_activity').querySelector('.count')?.textContent?.replace(/\s+/g, ' ').trim();
      expect(count()).toBe(`${OUR_PLAN.used} 0 ${OUR_PLAN.of} 1,000`);
      type('council_activity', 'More say in who we pick.');
      await fixture.whenStable();
      expect(count()).toBe(`${OUR_PLAN.used} 24 ${OUR_PLAN.of} 1,000`);
    });

    it('sends their words for that part, shows them under it and empties the box', async () => {
      type('council_activity', '  Let us meet the new staff first. ');
      await send('council_activity');
      const req = http.expectOne(COMMENTS);
      expect(req.request.method).toBe('POST');
      expect(req.request.body).toEqual({
        versionId: VERSION_ID,
        section: 'council_activity',
        words: 'Let us meet the new staff first.',
      });
      req.flush({
        id: '2f3a4b5c-6d7e-4f80-9102-b3c4d5e6f7a8',
        section: 'council_activity',
        words: 'Let us meet the new staff first.',
        at: '2026-12-07T10:00:00.000Z',
        reply: null,
      } satisfies MyPlanComment);
      await fixture.whenStable();
      const section = part('council_activity');
      expect(section.querySelector('[role="status"]')?.textContent?.trim()).toBe(OUR_PLAN.sent);
      expect(section.querySelector('.said')?.textContent).toContain('Let us meet the new staff first.');
      expect(section.textContent).toContain(OUR_PLAN.noAnswerYet);
      expect(box('council_activity').value).toBe('');
      expect(await axeViolations(el)).toEqual([]);
    });

    it('asks for words first and sends nothing when the box is empty', async () => {
      type('commitments', '   ');
      await send('commitments');
      http.expectNone(COMMENTS);
      expect(alertIn('commitments')).toBe(OUR_PLAN.writeFirst);
    });

    it('says in plain words when the plan is no longer open (409), and keeps their words', async () => {
      type('individual_work', 'Visits are too short.');
      await send('individual_work');
      http.expectOne(COMMENTS).flush(
        {
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          detail: 'This plan is not open for comments now.',
        },
        { status: 409, statusText: 'Conflict' },
      );
      await fixture.whenStable();
      expect(alertIn('individual_work')).toBe(OUR_PLAN.closed);
      expect(box('individual_work').value).toBe('Visits are too short.');
      expect(
        (part('individual_work').querySelector('button[type="submit"]') as HTMLButtonElement).disabled,
      ).toBe(false);
    });

    it('says in plain words when the words are refused as too long (400), not the server’s field names', async () => {
      type('individual_work', 'Longer visits, please.');
      await send('individual_work');
      http.expectOne(COMMENTS).flush(
        {
          type: 'about:blank',
          title: 'Bad Request',
          status: 400,
          detail: 'Please check this field: words.',
          errors: { words: [`Keep this under ${MAX_PLAN_COMMENT} characters.`] },
        },
        { status: 400, statusText: 'Bad Request' },
      );
      await fixture.whenStable();
      expect(alertIn('individual_work')).toBe(OUR_PLAN.tooLong);
      expect(el.textContent).not.toContain('Please check this field');
      expect(box('individual_work').value).toBe('Longer visits, please.');
    });

    it('says the part has changed when the plan no longer has it (400 on the section)', async () => {
      type('commitments', 'Every month is good.');
      await send('commitments');
      http.expectOne(COMMENTS).flush(
        {
          type: 'about:blank',
          title: 'Bad Request',
          status: 400,
          detail: 'This plan has no such part.',
          errors: { section: ['This plan has no such part.'] },
        },
        { status: 400, statusText: 'Bad Request' },
      );
      await fixture.whenStable();
      expect(alertIn('commitments')).toBe(OUR_PLAN.changed);
      expect(box('commitments').value).toBe('Every month is good.');
    });

    it('has no axe violations', async () => {
      expect(await axeViolations(el)).toEqual([]);
    });
  });

  describe('with no version in scrutiny', () => {
    beforeEach(() => open({ version: null }));

    it('says so kindly, with no box to write in', async () => {
      for (const line of OUR_PLAN.none) expect(el.textContent).toContain(line);
      expect(el.querySelector('textarea')).toBeNull();
      expect(el.querySelector('h2')).toBeNull();
      expect(await axeViolations(el)).toEqual([]);
    });
  });

  it('says in plain words when the plan cannot be fetched', async () => {
    await open('offline');
    expect(el.querySelector('[role="alert"]')?.textContent?.trim()).toBe(COMMON.failed);
    expect(el.querySelector('textarea')).toBeNull();
  });
});
