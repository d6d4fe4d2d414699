import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Role, planDocumentFromMarkup } from '@heard/domain';
import type { PlanListResponse, PlanVersionResponse } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { byName, problemBody, textOf, typeInto } from '../../testing/fixtures';
import {
  EARLIER_VERSION_ID,
  PLAN_ID,
  VERSION_ID,
  planComments,
  planFigures,
  planVersion,
} from '../../testing/plan-editor-fixtures';
import { signInAs } from '../../testing/session';
import PlanVersionPage from './plan-version-page';
import { PDF_POLL_MS } from './plan-pdf-status';
import { READING_LEVEL_PAUSE_MS } from './plan-reading-level';

const URL = `/api/plans/versions/${VERSION_ID}`;
const LIST: PlanListResponse = {
  plans: [
    {
      id: PLAN_ID,
      year: 2026,
      yearOfPlan: 2,
      period: { from: '2026-04-01', to: '2027-03-31' },
      versions: [
        {
          id: EARLIER_VERSION_ID,
          status: 'published',
          number: 1,
          whatChanged: null,
          publishedAt: '2026-06-01T09:00:00.000Z',
          updatedAt: '2026-06-01T09:00:00.000Z',
        },
        {
          id: VERSION_ID,
          status: 'draft',
          number: null,
          whatChanged: null,
          publishedAt: null,
          updatedAt: '2026-07-01T09:00:00.000Z',
        },
      ],
    },
  ],
};
const THEMES = [{ id: '6d1b0a52-0000-4000-8000-0000000000aa', name: 'Reviews', retired: false }];
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('plan version page', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });
  // The saved child-friendly text, and whatever a test typed, is measured once typing pauses:
  // answer those measurements a test did not look at, so nothing is left open.
  afterEach(async () => {
    await pause(READING_LEVEL_PAUSE_MS + 50);
    for (const r of http.match('/api/action-log/reading-level').filter((open) => !open.cancelled))
      r.flush({ forAge: 10, readingAge: 9, hardSentences: [] });
    http.verify();
  });

  /** Opens the page and answers its reads: the version, its comments, the plans, and the themes for an officer. */
  async function open(
    version: PlanVersionResponse = planVersion(),
    comments = planComments(),
    editor = true,
  ) {
    const fixture = TestBed.createComponent(PlanVersionPage);
    fixture.componentRef.setInput('id', VERSION_ID);
    const el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    answerLoad(version, comments);
    await fixture.whenStable();
    if (editor) http.expectOne('/api/action-log/themes').flush(THEMES);
    await fixture.whenStable();
    return { fixture, el };
  }

  function answerLoad(version: PlanVersionResponse, comments = planComments()) {
    http.expectOne(URL).flush(version);
    http.expectOne(`${URL}/comments`).flush(comments);
    http.expectOne('/api/plans').flush(LIST);
  }

  const textarea = (el: HTMLElement, id: string) =>
    el.querySelector<HTMLTextAreaElement>(`#${id}`) as HTMLTextAreaElement;
  const errorUnder = (el: HTMLElement, id: string) =>
    textOf(textarea(el, id).closest('mat-form-field')?.querySelector('mat-error'));

  it('shows an officer every section in order with both texts as markup, the gaps linking to their fields and the young experts’ comments, with no axe violations', async () => {
    await signInAs(Role.ParticipationOfficer);
    const { el } = await open();
    const headings = Array.from(el.querySelectorAll('.plan-section > h2')).map(textOf);
    expect(headings).toEqual([
      'A. Children’s voice in the work practitioners do with them',
      'B. Children and young people taking part in the council’s work',
      'C. Last year: what we did, what we learnt and the difference it made',
      'How well we listen: Space, Voice, Audience and Influence',
      'What we will do next year',
    ]);
    expect(textarea(el, 'plan-individual_work-professional').value).toBe(
      '## At reviews\n\nWe ask *every* child.',
    );
    expect(textOf(el.querySelector('#plan-section-individual_work .plan-preview em'))).toBe('every');
    const gapLinks = Array.from(el.querySelectorAll<HTMLAnchorElement>('.plan-gaps a'));
    expect(gapLinks.map((a) => a.getAttribute('href'))).toEqual([
      '#plan-council_activity-professional',
      '#lundy-space-resourced-answer',
      '#commitment-0-themeId',
    ]);
    for (const a of gapLinks) expect(el.querySelector(a.getAttribute('href') as string)).not.toBeNull();
    gapLinks[1].click();
    expect(document.activeElement).toBe(textarea(el, 'lundy-space-resourced-answer'));
    expect(textOf(el.querySelector('#plan-section-individual_work heard-plan-section-comments'))).toContain(
      'Nobody asked me at my review',
    );
    expect(textOf(el.querySelector('.heard-read-again'))).toContain('it uses scared.');
    expect(byName<HTMLAnchorElement>(el, 'Compare with the previous version').getAttribute('href')).toBe(
      `/plans/compare?before=${EARLIER_VERSION_ID}&after=${VERSION_ID}`,
    );
    expect(await axeViolations(el)).toEqual([]);
  });

  it('shows a section not yet written as empty boxes', async () => {
    await signInAs(Role.ParticipationOfficer);
    const { fixture, el } = await open(planVersion({ sections: [] }));
    await fixture.whenStable();
    expect(textarea(el, 'plan-individual_work-professional').value).toBe('');
    typeInto(textarea(el, 'plan-individual_work-professional'), 'First words.');
    await fixture.whenStable();
    expect(textarea(el, 'plan-individual_work-professional').value).toBe('First words.');
  });

  it('saves a section’s two texts as documents with the version’s updatedAt, keeping other sections’ typing', async () => {
    await signInAs(Role.ParticipationOfficer);
    const { fixture, el } = await open();
    typeInto(textarea(el, 'plan-council_activity-professional'), 'Not saved yet.');
    typeInto(
      textarea(el, 'plan-individual_work-professional'),
      '## Reviews\n\n- One\n- [Two](https://example.org)',
    );
    typeInto(textarea(el, 'plan-individual_work-childFriendly'), '<script>alert(1)</script>');
    await fixture.whenStable();
    byName(el.querySelector('#plan-section-individual_work') as HTMLElement, 'Save both texts').click();
    const request = http.expectOne({ method: 'PUT', url: `${URL}/sections/individual_work` });
    expect(request.request.body).toEqual({
      expectedUpdatedAt: '2026-04-02T09:00:00.000Z',
      professional: planDocumentFromMarkup('## Reviews\n\n- One\n- [Two](https://example.org)'),
      childFriendly: {
        blocks: [{ type: 'paragraph', children: [{ type: 'text', text: '<script>alert(1)</script>' }] }],
      },
    });
    const saved = planVersion({ updatedAt: '2026-04-03T09:00:00.000Z' });
    request.flush(saved);
    await fixture.whenStable();
    expect(textOf(el.querySelector('#plan-section-individual_work [role="status"]'))).toBe('Saved.');
    // The script shows as its characters in the preview, never as an element.
    expect(el.querySelector('script')).toBeNull();
    // What was being typed in another section stays.
    expect(textarea(el, 'plan-council_activity-professional').value).toBe('Not saved yet.');
  });

  it('shows the API’s field errors under the text they are about', async () => {
    await signInAs(Role.ParticipationOfficer);
    const { fixture, el } = await open();
    typeInto(textarea(el, 'plan-individual_work-childFriendly'), 'Changed.');
    await fixture.whenStable();
    byName(el.querySelector('#plan-section-individual_work') as HTMLElement, 'Save both texts').click();
    http.expectOne({ method: 'PUT', url: `${URL}/sections/individual_work` }).flush(
      problemBody(400, 'Check the texts.', {
        'childFriendly.blocks.0.children.0.href': [
          'Link to an https:// web page or a mailto: email address.',
        ],
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(errorUnder(el, 'plan-individual_work-childFriendly')).toBe(
      'Link to an https:// web page or a mailto: email address.',
    );
    expect(textOf(el.querySelector('#plan-section-individual_work heard-problem-alert'))).toContain(
      'Child-friendly text: Link to an https:// web page',
    );
  });

  it('refuses a section over the size limit before sending it', async () => {
    await signInAs(Role.ParticipationOfficer);
    const { fixture, el } = await open();
    typeInto(
      textarea(el, 'plan-individual_work-professional'),
      Array(6).fill('x'.repeat(4_000)).join('\n\n'),
    );
    await fixture.whenStable();
    byName(el.querySelector('#plan-section-individual_work') as HTMLElement, 'Save both texts').click();
    await fixture.whenStable();
    http.expectNone({ method: 'PUT', url: `${URL}/sections/individual_work` });
    expect(errorUnder(el, 'plan-individual_work-professional')).toBe(
      'Keep a section under 20000 characters.',
    );
  });

  it('on a 409 says someone else changed the plan, loads it again and keeps the officer’s words until they choose', async () => {
    await signInAs(Role.ParticipationOfficer);
    const { fixture, el } = await open();
    typeInto(textarea(el, 'plan-individual_work-professional'), 'My words.');
    await fixture.whenStable();
    byName(el.querySelector('#plan-section-individual_work') as HTMLElement, 'Save both texts').click();
    http
      .expectOne({ method: 'PUT', url: `${URL}/sections/individual_work` })
      .flush(problemBody(409, 'Someone else changed this plan. Load it again.'), {
        status: 409,
        statusText: 'Conflict',
      });
    await fixture.whenStable();
    const theirs = planVersion({
      updatedAt: '2026-04-04T09:00:00.000Z',
      sections: planVersion().sections.map((s) =>
        s.key === 'individual_work' ? { ...s, professional: planDocumentFromMarkup('Their words.') } : s,
      ),
    });
    answerLoad(theirs);
    await fixture.whenStable();
    expect(textOf(el.querySelector('.plan-stale'))).toContain('Someone else changed this plan');
    expect(textOf(el.querySelector('#plan-section-individual_work heard-problem-alert'))).toContain(
      'Someone else changed this plan. Load it again.',
    );
    expect(textarea(el, 'plan-individual_work-professional').value).toBe('My words.');
    byName(el, 'Show the saved texts instead of mine').click();
    await fixture.whenStable();
    expect(textarea(el, 'plan-individual_work-professional').value).toBe('Their words.');
  });

  it('measures the child-friendly text as it is typed and shows the target and the hard sentences', async () => {
    await signInAs(Role.ParticipationOfficer);
    const { fixture, el } = await open();
    const section = el.querySelector('#plan-section-individual_work') as HTMLElement;
    // The saved text is measured once typing has paused.
    await pause(READING_LEVEL_PAUSE_MS + 50);
    http
      .expectOne({ method: 'POST', url: '/api/action-log/reading-level' })
      .flush({ forAge: 10, readingAge: 8, hardSentences: [] });
    typeInto(
      textarea(el, 'plan-individual_work-childFriendly'),
      '## Hi\n\nNotwithstanding the aforementioned.',
    );
    await fixture.whenStable();
    await pause(READING_LEVEL_PAUSE_MS + 50);
    const request = http.expectOne({ method: 'POST', url: '/api/action-log/reading-level' });
    expect(request.request.body).toEqual({ text: 'Hi\n\nNotwithstanding the aforementioned.' });
    request.flush({ forAge: 10, readingAge: 15, hardSentences: ['Notwithstanding the aforementioned.'] });
    await fixture.whenStable();
    const level = textOf(section.querySelector('heard-plan-reading-level'));
    expect(level).toContain('Aim for words a 10-year-old can read.');
    expect(level).toContain('Reads at about age 15: above age 10.');
    expect(level).toContain('Notwithstanding the aforementioned.');
  });

  it('fills section C from the data for the officer to edit, and shows the figures', async () => {
    await signInAs(Role.ParticipationOfficer);
    const { fixture, el } = await open();
    const section = el.querySelector('#plan-section-last_year') as HTMLElement;
    byName(section, 'Fill from the data').click();
    const figures = planFigures();
    http.expectOne(`/api/plans/${PLAN_ID}/figures`).flush(figures);
    await fixture.whenStable();
    expect(planDocumentFromMarkup(textarea(el, 'plan-last_year-professional').value)).toEqual(
      figures.draft.professional,
    );
    expect(planDocumentFromMarkup(textarea(el, 'plan-last_year-childFriendly').value)).toEqual(
      figures.draft.childFriendly,
    );
    const rows = Array.from(section.querySelectorAll('table tbody tr')).map((tr) =>
      Array.from(tr.children).map(textOf).join(' | '),
    );
    expect(rows).toContain('Actions | All themes: We did | 13 |  | See what this counts');
    expect(rows.find((r) => r.startsWith('Practice tools'))).toBe(
      'Practice tools | Who’s who | fewer than 5 | What changed: Bigger photos. This rests on fewer than 5 young people: read it with care. | See what this counts',
    );
    // Each figure links to what it counts, named by the figure.
    const link = section.querySelector(
      'a[aria-label="See what this counts: Actions, All themes: We did"]',
    ) as HTMLAnchorElement;
    const query = new globalThis.URL(link.href, 'http://heard.test').searchParams;
    expect(link.pathname).toBe('/plans/figures/records');
    expect(JSON.parse(query.get('ref') ?? '')).toEqual(figures.figures.actions.total.done.counts);
    expect(query.get('label')).toBe('Actions: All themes: We did');
    expect(query.get('version')).toBe(VERSION_ID);
    expect(await axeViolations(section)).toEqual([]);
  });

  it('saves a Lundy answer with its evidence, empty evidence left out, and shows refusals on the evidence', async () => {
    await signInAs(Role.ParticipationOfficer);
    const { fixture, el } = await open();
    typeInto(textarea(el, 'lundy-space-resourced-answer'), 'Two officers and a budget.');
    typeInto(textarea(el, 'lundy-space-resourced-evidence-0'), 'The budget paper.');
    await fixture.whenStable();
    const form = el.querySelector('[data-lundy="space.resourced"]') as HTMLElement;
    byName(form, 'Add evidence').click();
    await fixture.whenStable();
    byName(form, 'Save this answer').click();
    const request = http.expectOne({ method: 'PUT', url: `${URL}/lundy/space.resourced` });
    expect(request.request.body).toEqual({
      expectedUpdatedAt: '2026-04-02T09:00:00.000Z',
      answer: 'Two officers and a budget.',
      evidence: [{ words: 'The budget paper.' }],
    });
    request.flush(problemBody(400, 'Check the answer.', { 'evidence.0.words': ['Say what shows this.'] }), {
      status: 400,
      statusText: 'Bad Request',
    });
    await fixture.whenStable();
    expect(errorUnder(el, 'lundy-space-resourced-evidence-0')).toBe('Say what shows this.');
  });

  it('saves the whole list of commitments and shows a refusal on the commitment’s field', async () => {
    await signInAs(Role.ParticipationOfficer);
    const { fixture, el } = await open();
    const form = el.querySelector('[data-commitments]') as HTMLElement;
    byName(form, 'Add a commitment').click();
    await fixture.whenStable();
    typeInto(textarea(el, 'commitment-1-words'), 'Hold a review week.');
    typeInto(textarea(el, 'commitment-1-childWords'), 'We will ask you about reviews.');
    typeInto(el.querySelector('#commitment-1-dueOn') as HTMLInputElement, '2027-05-01');
    await fixture.whenStable();
    byName(form, 'Save the commitments').click();
    const request = http.expectOne({ method: 'PUT', url: `${URL}/commitments` });
    expect(request.request.body).toEqual({
      expectedUpdatedAt: '2026-04-02T09:00:00.000Z',
      commitments: [
        {
          words: 'Rewrite the review letters.',
          childWords: 'We will make our letters easier to read.',
          ownerId: '6d1b0a52-0000-4000-8000-000000000009',
          dueOn: '2026-09-30',
          themeId: null,
        },
        {
          words: 'Hold a review week.',
          childWords: 'We will ask you about reviews.',
          ownerId: null,
          dueOn: '2027-05-01',
          themeId: null,
        },
      ],
    });
    request.flush(
      problemBody(400, 'Check the commitments.', { 'commitments.1.dueOn': ['Use a date like 2026-09-30.'] }),
      {
        status: 400,
        statusText: 'Bad Request',
      },
    );
    await fixture.whenStable();
    expect(
      textOf(el.querySelector('#commitment-1-dueOn')?.closest('mat-form-field')?.querySelector('mat-error')),
    ).toBe('Use a date like 2026-09-30.');
    expect(textOf(form.querySelector('heard-problem-alert'))).toContain(
      'Commitment 2: Done by: Use a date like 2026-09-30.',
    );
  });

  it('lists the gaps the API names when it refuses to send the plan to young people, then sends it', async () => {
    await signInAs(Role.ParticipationOfficer);
    const { fixture, el } = await open();
    byName(el, 'Send to young people for scrutiny').click();
    const request = http.expectOne({ method: 'POST', url: `${URL}/moves` });
    expect(request.request.body).toEqual({ expectedUpdatedAt: '2026-04-02T09:00:00.000Z', to: 'scrutiny' });
    request.flush(
      problemBody(400, 'The plan is not ready for young people yet.', {
        'sections.council_activity.professional': [
          'Write “Children and young people taking part in the council’s work”.',
        ],
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    const alert = textOf(el.querySelector('[data-moves] heard-problem-alert'));
    expect(alert).toContain('The plan is not ready for young people yet.');
    expect(alert).toContain('Write “Children and young people taking part in the council’s work”.');

    byName(el, 'Send to young people for scrutiny').click();
    const moved = planVersion({
      status: 'scrutiny',
      gaps: [],
      nextMoves: ['draft'],
      updatedAt: '2026-04-05T09:00:00.000Z',
      moves: [
        {
          from: 'draft',
          to: 'scrutiny',
          reason: null,
          by: { id: 'officer', displayName: 'Ola Officer' },
          at: '2026-04-05T09:00:00.000Z',
        },
      ],
    });
    http.expectOne({ method: 'POST', url: `${URL}/moves` }).flush(moved);
    await fixture.whenStable();
    // The comments are read again: whether a reply may be given follows the status.
    answerLoad(moved);
    await fixture.whenStable();
    const workflow = textOf(el.querySelector('[data-moves]'));
    expect(workflow).toContain('With young people for scrutiny.');
    expect(workflow).toContain('Draft to With young people for scrutiny, by Ola Officer');
    expect(el.querySelector('[data-moves] heard-problem-alert')).toBeNull();
    expect(byName(el, 'Take back to draft')).toBeTruthy();
  });

  it('lets a senior leader read a plan with young people and approve it, or send it back with a reason', async () => {
    await signInAs(Role.SeniorLeader);
    const version = planVersion({ status: 'scrutiny', gaps: [], nextMoves: ['approved', 'draft'] });
    const { fixture, el } = await open(version, planComments({ mayReply: false }), false);
    expect(el.querySelector('textarea#plan-individual_work-professional')).toBeNull();
    expect(textOf(el.querySelector('#plan-section-individual_work .plan-texts'))).toContain(
      'We ask every child.',
    );
    expect(el.textContent).not.toContain('Reply');
    expect(await axeViolations(el)).toEqual([]);

    byName(el, 'Take back to draft').click();
    await fixture.whenStable();
    http.expectNone({ method: 'POST', url: `${URL}/moves` });
    expect(errorUnder(el, 'plan-move-reason')).toBe(
      'Say why it goes back, so everyone knows what must change.',
    );

    byName(el, 'Approve for publishing').click();
    const request = http.expectOne({ method: 'POST', url: `${URL}/moves` });
    expect(request.request.body).toEqual({ expectedUpdatedAt: version.updatedAt, to: 'approved' });
    request.flush(problemBody(403, 'Only a senior leader approves a plan.'), {
      status: 403,
      statusText: 'Forbidden',
    });
    await fixture.whenStable();
    expect(textOf(el.querySelector('[data-moves] heard-problem-alert'))).toContain(
      'Only a senior leader approves a plan.',
    );
  });

  it('replies to a young expert’s comment', async () => {
    await signInAs(Role.ParticipationOfficer);
    const { fixture, el } = await open(planVersion({ status: 'scrutiny', nextMoves: ['draft'] }));
    const comments = el.querySelector(
      '#plan-section-individual_work heard-plan-section-comments',
    ) as HTMLElement;
    byName(comments, 'Reply').click();
    await fixture.whenStable();
    typeInto(textarea(el, 'reply-comment-1'), 'We added a line about reviews.');
    await fixture.whenStable();
    byName(comments, 'Save the reply').click();
    const request = http.expectOne({ method: 'POST', url: `${URL}/comments/comment-1/reply` });
    expect(request.request.body).toEqual({ words: 'We added a line about reviews.' });
    const answered = planComments();
    answered.sections[0].comments[0].reply = {
      words: 'We added a line about reviews.',
      by: { id: 'officer', displayName: 'Ola Officer' },
      at: '2026-05-02T10:00:00.000Z',
    };
    request.flush(answered);
    await fixture.whenStable();
    expect(textOf(comments.querySelector('.reply'))).toContain(
      'What we changed: We added a line about reviews.',
    );
  });

  it('raises a worry from a comment, even once the plan is published, and says who was told', async () => {
    await signInAs(Role.ParticipationOfficer);
    const { fixture, el } = await open(
      planVersion({ status: 'published', nextMoves: [] }),
      planComments(),
      false,
    );
    // Published: where its PDF is, with the public's link once it is made.
    http.expectOne(`${URL}/document`).flush({
      versionId: VERSION_ID,
      kind: 'pdf',
      status: 'ready',
      attempts: 1,
      lastError: null,
      madeAt: '2026-05-02T09:00:00.000Z',
      size: 20480,
      href: `/api/published-plans/${VERSION_ID}/pdf`,
    });
    await fixture.whenStable();
    expect(textOf(el.querySelector('[data-pdf]'))).toContain('The PDF is ready');
    expect(byName(el, 'Get the PDF').getAttribute('href')).toBe(`/api/published-plans/${VERSION_ID}/pdf`);
    const comments = el.querySelector(
      '#plan-section-individual_work heard-plan-section-comments',
    ) as HTMLElement;
    byName(comments, 'Raise a worry').click();
    await fixture.whenStable();
    expect(textOf(comments)).toContain('It goes to the safeguarding contacts at once');
    expect(await axeViolations(el)).toEqual([]);
    byName(comments, 'Send to the safeguarding contacts').click();
    const request = http.expectOne({ method: 'POST', url: `${URL}/comments/comment-1/worries` });
    // Left empty: the comment's own words go.
    expect(request.request.body).toEqual({ words: null });
    request.flush({
      id: 'worry-1',
      raisedAt: '2026-05-02T10:00:00.000Z',
      contactsTold: 2,
      message: 'Sent to 2 safeguarding contacts.',
    });
    await fixture.whenStable();
    expect(textOf(comments.querySelector('[role="status"]'))).toBe('Sent to 2 safeguarding contacts.');
  });

  it('offers senior leaders no worry button: they raise one from the worries page', async () => {
    await signInAs(Role.SeniorLeader);
    const { el } = await open(
      planVersion({ status: 'scrutiny', nextMoves: ['draft', 'approved'] }),
      planComments(),
      false,
    );
    const comments = el.querySelector(
      '#plan-section-individual_work heard-plan-section-comments',
    ) as HTMLElement;
    expect(Array.from(comments.querySelectorAll('button')).map((b) => textOf(b))).not.toContain(
      'Raise a worry',
    );
  });

  it('starts a correction of a published version and opens the new draft', async () => {
    await signInAs(Role.ParticipationOfficer);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const { fixture, el } = await open(
      planVersion({
        status: 'published',
        number: 1,
        publishedAt: '2026-06-01T09:00:00.000Z',
        gaps: [],
        nextMoves: [],
      }),
      planComments({ mayReply: false }),
      false,
    );
    http.expectOne(`${URL}/document`).flush({
      versionId: VERSION_ID,
      kind: 'pdf',
      status: 'making',
      attempts: 0,
      lastError: null,
      madeAt: null,
      size: null,
      href: `/api/published-plans/${VERSION_ID}/pdf`,
    });
    await fixture.whenStable();
    expect(textOf(el.querySelector('[data-pdf]'))).toBe(
      'The PDF is being made. It is ready within a minute or two of publishing.',
    );
    const form = el.querySelector('[data-correction]') as HTMLElement;
    byName(form, 'Start a correction').click();
    await fixture.whenStable();
    http.expectNone({ method: 'POST', url: `/api/plans/${PLAN_ID}/versions` });
    typeInto(textarea(el, 'plan-what-changed'), 'The review dates were wrong.');
    await fixture.whenStable();
    byName(form, 'Start a correction').click();
    const request = http.expectOne({ method: 'POST', url: `/api/plans/${PLAN_ID}/versions` });
    expect(request.request.body).toEqual({ whatChanged: 'The review dates were wrong.' });
    request.flush(planVersion({ id: 'correction' }));
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/plans/versions', 'correction']);
  });

  it('lets an officer try a PDF that failed again, and offers a senior leader no such button', async () => {
    const failed = {
      versionId: VERSION_ID,
      kind: 'pdf' as const,
      status: 'failed' as const,
      attempts: 3,
      lastError: 'The PDF could not be made (TypeError).',
      madeAt: null,
      size: null,
      href: `/api/published-plans/${VERSION_ID}/pdf`,
    };
    const published = () =>
      planVersion({ status: 'published', number: 1, publishedAt: '2026-06-01T09:00:00.000Z', nextMoves: [] });
    await signInAs(Role.SeniorLeader);
    const leader = await open(published(), planComments({ mayReply: false }), false);
    http.expectOne(`${URL}/document`).flush(failed);
    await leader.fixture.whenStable();
    expect(textOf(leader.el.querySelector('[data-pdf]'))).toContain('could not be made after 3 tries');
    expect(Array.from(leader.el.querySelectorAll('button')).map((b) => textOf(b))).not.toContain(
      'Try making the PDF again',
    );
    leader.fixture.destroy();

    await signInAs(Role.ParticipationOfficer);
    const { fixture, el } = await open(published(), planComments({ mayReply: false }), false);
    http.expectOne(`${URL}/document`).flush(failed);
    await fixture.whenStable();
    // The test's clock from here: the page asks again every PDF_POLL_MS while the PDF is made.
    jest.useFakeTimers();
    try {
      byName(el, 'Try making the PDF again').click();
      const request = http.expectOne({ method: 'POST', url: `${URL}/document/retry` });
      expect(request.request.body).toEqual({});
      request.flush({ ...failed, status: 'queued', attempts: 0 });
      fixture.detectChanges();
      expect(textOf(el.querySelector('[data-pdf]'))).toBe(
        'The PDF is being made. It is ready within a minute or two of publishing.',
      );
      expect(Array.from(el.querySelectorAll('button')).map((b) => textOf(b))).not.toContain(
        'Try making the PDF again',
      );
      // The button has gone, so focus is on the words that replaced it.
      expect(document.activeElement).toBe(el.querySelector('[data-pdf]'));
      jest.advanceTimersByTime(PDF_POLL_MS - 1);
      http.expectNone(`${URL}/document`);
      jest.advanceTimersByTime(1);
      http
        .expectOne({ method: 'GET', url: `${URL}/document` })
        .flush({ ...failed, status: 'making', attempts: 1 });
      fixture.detectChanges();
      jest.advanceTimersByTime(PDF_POLL_MS);
      http
        .expectOne({ method: 'GET', url: `${URL}/document` })
        .flush({ ...failed, status: 'ready', attempts: 1, lastError: null, size: 2048 });
      fixture.detectChanges();
      expect(textOf(el.querySelector('[data-pdf]'))).toContain('The PDF is ready');
      expect(byName(el, 'Get the PDF').getAttribute('href')).toBe(`/api/published-plans/${VERSION_ID}/pdf`);
      // Ready: nothing more is asked.
      jest.advanceTimersByTime(PDF_POLL_MS * 2);
      http.expectNone(`${URL}/document`);
    } finally {
      jest.useRealTimers();
    }
    expect(await axeViolations(el)).toEqual([]);
  });

  it('says so when the version may not be read', async () => {
    await signInAs(Role.Practitioner);
    const fixture = TestBed.createComponent(PlanVersionPage);
    fixture.componentRef.setInput('id', VERSION_ID);
    await fixture.whenStable();
    http.expectOne(URL).flush(problemBody(403, 'Only officers and senior leaders see the plan.'), {
      status: 403,
      statusText: 'Forbidden',
    });
    // The page's other reads are cancelled with it.
    const others = [...http.match(`${URL}/comments`), ...http.match('/api/plans')];
    expect(others.map((r) => r.cancelled)).toEqual([true, true]);
    await fixture.whenStable();
    expect(textOf(fixture.nativeElement as HTMLElement)).toContain(
      'Only officers and senior leaders see the plan.',
    );
  });
});
