import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { DEFAULT_QUESTIONS, type EvaluationRoundCreated, addDays, todayInLondon } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { PERSON_ID, byLabel, byName, listItem, page, textOf, typeInto } from '../../testing/fixtures';
import { TOOL_ID, toolResponse } from '../practice-tools/practice-tool-fixtures';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import RoundFormPage from './round-form-page';
import { newQuestionKey } from './round-form';

const VERSION_ID = '66666666-6666-4666-8666-666666666666';
const DAY_ID = '77777777-7777-4777-8777-777777777777';
const OTHER_ID = '88888888-8888-4888-8888-888888888888';
const today = todayInLondon();

const tool = toolResponse({
  versionCount: 1,
  versions: [
    {
      id: VERSION_ID,
      label: 'v2',
      link: 'https://tools.example/v2.pdf',
      notes: null,
      addedAt: '2026-06-01T10:00:00Z',
      addedBy: null,
    },
  ],
});

const created = (overrides: Partial<EvaluationRoundCreated> = {}): EvaluationRoundCreated => ({
  id: 'r1',
  toolVersionId: VERSION_ID,
  toolId: TOOL_ID,
  toolName: tool.name,
  versionLabel: 'v2',
  title: 'Chair letter at the bowling day',
  questions: DEFAULT_QUESTIONS.map((q) => ({ ...q })),
  occasion: null,
  opensOn: today,
  closesOn: addDays(today, 14),
  closedAt: null,
  state: 'open',
  audience: 'link',
  groupId: null,
  invitees: [],
  evaluationCount: 0,
  createdAt: '2026-07-01T10:00:00Z',
  link: { token: 'tok123', path: '/evaluate/tok123' },
  ...overrides,
});

describe('RoundFormPage', () => {
  let fixture: ComponentFixture<RoundFormPage>;
  let el: HTMLElement;
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;

  async function open(): Promise<void> {
    TestBed.configureTestingModule({
      imports: [RoundFormPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(RoundFormPage);
    fixture.componentRef.setInput('id', TOOL_ID);
    fixture.componentRef.setInput('versionId', VERSION_ID);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne(`/api/practice-tools/${TOOL_ID}`).flush(tool);
    http
      .expectOne((r) => r.url === '/api/calendar')
      .flush([
        {
          kind: 'activity_day',
          id: DAY_ID,
          title: 'Bowling day',
          startsAt: `${today}T10:00:00Z`,
          endsAt: `${today}T15:00:00Z`,
          venue: null,
          status: 'open',
          groupId: null,
          moved: false,
          cancelReason: null,
        },
        {
          kind: 'review_meeting',
          id: 'x',
          title: 'A review',
          startsAt: `${today}T10:00:00Z`,
          endsAt: `${today}T11:00:00Z`,
          venue: null,
          status: 'open',
          groupId: null,
          moved: false,
          cancelReason: null,
        },
      ]);
    http.expectOne((r) => r.url === '/api/groups').flush(page([]));
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  const prompts = () =>
    Array.from(el.querySelectorAll<HTMLInputElement>('input[id^="prompt-"]')).map((i) => i.value);

  it('starts from the usual five questions, names the tool and version, and passes axe', async () => {
    await open();
    expect(textOf(el.querySelector('h1'))).toBe('Set up a round of Invitation-to-chair letter, v2');
    expect(prompts()).toEqual(DEFAULT_QUESTIONS.map((q) => q.prompt));
    expect(await axeViolations(el)).toEqual([]);
  });

  it('adds, removes and reorders questions', async () => {
    await open();
    byName(el, 'Move question 2 up').click();
    await fixture.whenStable();
    expect(prompts().slice(0, 2)).toEqual([DEFAULT_QUESTIONS[1].prompt, DEFAULT_QUESTIONS[0].prompt]);
    byName(el, 'Remove question 5').click();
    byName(el, 'Add a question').click();
    await fixture.whenStable();
    expect(prompts()).toHaveLength(5);
    expect(prompts()[4]).toBe('');
    expect(newQuestionKey(['overall', 'question-2'])).toBe('question-3');
  });

  it('creates a link round at an activity day and shows its link once, to copy', async () => {
    await open();
    typeInto(byLabel(el, 'Title'), ' Chair letter at the bowling day ');
    fixture.componentInstance['form'].controls.occasion.setValue(`activity_day:${DAY_ID}`);
    await fixture.whenStable();
    byName(el, 'Set up the round').click();
    const req = http.expectOne({ url: '/api/evaluation-rounds', method: 'POST' });
    expect(req.request.body).toEqual({
      toolVersionId: VERSION_ID,
      title: 'Chair letter at the bowling day',
      questions: DEFAULT_QUESTIONS.map((q) => ({ ...q })),
      occasion: { kind: 'activity_day', id: DAY_ID },
      opensOn: today,
      closesOn: addDays(today, 14),
      audience: 'link',
      groupId: null,
      youngPersonIds: [],
    });
    req.flush(created());
    await fixture.whenStable();
    expect(el.textContent).toContain('This link is shown only now.');
    expect(byLabel(el, 'Round link').value).toBe(`${location.origin}/evaluate/tok123`);
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.assign(navigator, { clipboard: { writeText } });
    byName(el, 'Copy the link').click();
    await fixture.whenStable();
    expect(writeText).toHaveBeenCalledWith(`${location.origin}/evaluate/tok123`);
    expect(el.textContent).toContain('The link is copied.');
    expect(navigate).not.toHaveBeenCalled();
    expect(await axeViolations(el)).toEqual([]);
  });

  it('names young people found by search, refusing to send with none, then opens the round', async () => {
    await open();
    typeInto(byLabel(el, 'Title'), 'Named round');
    fixture.componentInstance['form'].controls.audience.setValue('named');
    await fixture.whenStable();
    byName(el, 'Set up the round').click();
    await fixture.whenStable();
    http.expectNone('/api/evaluation-rounds');
    expect(textOf(el.querySelector('[role="alert"]'))).toBe('Choose at least one young person.');

    typeInto(byLabel(el, 'Find a young person'), 'Am');
    byName(el, 'Find').click();
    http
      .expectOne((r) => r.url === '/api/young-people' && r.params.get('q') === 'Am')
      .flush(
        page([
          listItem({ id: PERSON_ID, preferredName: 'Amara' }),
          listItem({ id: OTHER_ID, preferredName: 'Amadou' }),
        ]),
      );
    http
      .expectOne((r) => r.url === '/api/evaluations/how-often-asked')
      .flush([
        { youngPersonId: PERSON_ID, lastThreeMonths: 3, lastSixMonths: 4, lastTwelveMonths: 6 },
        { youngPersonId: OTHER_ID, lastThreeMonths: 0, lastSixMonths: 0, lastTwelveMonths: 0 },
      ]);
    await fixture.whenStable();
    const foundNames = () =>
      Array.from(el.querySelectorAll('[aria-label="Young people found"] li')).map((li) => textOf(li));
    expect(foundNames()[0]).toContain('Amara');
    expect(foundNames()[0]).toContain('Asked 3 times in 3 months (6 in 12 months)');
    expect(foundNames()[1]).toContain('Not asked in the last 12 months');
    byLabel(el, 'Show quieter voices first').click();
    await fixture.whenStable();
    expect(foundNames()[0]).toContain('Amadou');
    byName(el, 'Add Amara').click();
    await fixture.whenStable();
    expect(byName(el, 'Remove Amara')).toBeTruthy();
    expect(await axeViolations(el)).toEqual([]);
    byName(el, 'Set up the round').click();
    const req = http.expectOne({ url: '/api/evaluation-rounds', method: 'POST' });
    expect(req.request.body).toMatchObject({
      audience: 'named',
      youngPersonIds: [PERSON_ID],
      occasion: null,
    });
    req.flush(created({ audience: 'named', link: null }));
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/practice-tools/rounds', 'r1'], {
      state: { status: 'The round "Chair letter at the bowling day" is set up.' },
    });
  });
});
