import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  type EvaluationQuestion,
  type ParticipationFacts,
  type RatingTally,
  Role,
  type RoundResults,
  SMALL_NUMBERS_NOTE,
  type VersionChange,
  roundResults,
  versionChange,
} from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { problemBody, textOf } from '../../testing/fixtures';
import { signInAs } from '../../testing/session';
import RoundResultsPage from './round-results-page';

const ROUND_ID = '55555555-5555-4555-8555-555555555555';
const URL = `/api/evaluation-rounds/${ROUND_ID}/results`;
const TOOL_URL = '/api/practice-tools/tool-1/results';
const TOOL = { id: 'tool-1', name: 'Roles and responsibilities index' };
const ONE_VERSION = versionChange(TOOL, []);

const QUESTIONS: EvaluationQuestion[] = [
  { key: 'overall', kind: 'rating', prompt: 'What do you think of it?' },
  { key: 'easy', kind: 'rating', prompt: 'How easy was it to understand?' },
  { key: 'liked', kind: 'open', prompt: 'What did you like?' },
  { key: 'change', kind: 'open', prompt: 'What would you change?' },
];

const facts = (tookPart: number): ParticipationFacts => ({
  tookPart,
  throughLink: 1,
  pictureMode: 1,
  helped: 2,
  ageBands: [
    { ageBand: '10-12', count: tookPart - 1 },
    { ageBand: null, count: 1 },
  ],
  groups: [{ groupId: 'g1', name: 'Juniors', count: tookPart - 1 }],
  inNoGroup: 0,
});

function results(tallies: RatingTally[], tookPart: number): RoundResults {
  return roundResults(
    {
      id: ROUND_ID,
      title: 'Roles index at go-karting',
      toolId: 'tool-1',
      toolName: 'Roles and responsibilities index',
      versionLabel: 'v2',
      occasion: { kind: 'activity_day', id: 'day-1', title: 'Go-karting day', date: '2026-11-14' },
      opensOn: '2026-11-14',
      closesOn: '2026-11-30',
      audience: 'link',
    },
    QUESTIONS,
    tallies,
    [
      { questionKey: 'liked', text: '<b>The pictures</b>' },
      { questionKey: 'liked', text: 'Short' },
    ],
    facts(tookPart),
  );
}

const FEW: RatingTally[] = [
  { questionKey: 'overall', rating: 5, count: 2 },
  { questionKey: 'overall', rating: 2, count: 1 },
];
const MANY: RatingTally[] = [
  { questionKey: 'overall', rating: 5, count: 4 },
  { questionKey: 'overall', rating: 4, count: 3 },
  { questionKey: 'overall', rating: 1, count: 1 },
  { questionKey: 'easy', rating: 3, count: 6 },
];

describe('RoundResultsPage', () => {
  let fixture: ComponentFixture<RoundResultsPage>;
  let el: HTMLElement;
  let http: HttpTestingController;

  async function open(
    answer: RoundResults | { status: number },
    change: VersionChange = ONE_VERSION,
  ): Promise<void> {
    TestBed.configureTestingModule({
      imports: [RoundResultsPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(Role.SeniorLeader);
    fixture = TestBed.createComponent(RoundResultsPage);
    fixture.componentRef.setInput('roundId', ROUND_ID);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    const request = http.expectOne(URL);
    if ('status' in answer)
      request.flush(problemBody(answer.status, 'This evaluation round was not found.'), {
        status: answer.status,
        statusText: 'Not Found',
      });
    else {
      request.flush(answer);
      await fixture.whenStable();
      http.expectOne(TOOL_URL).flush(change);
    }
    await fixture.whenStable();
  }

  // jsdom has no canvas (test-setup.ts): the browser test sees the chart drawn; these tests read
  // the table, the sentence and the chart's accessible name.
  afterEach(() => http.verify());

  const section = (heading: string): HTMLElement => {
    const h = Array.from(el.querySelectorAll('h2')).find((e) => textOf(e) === heading);
    if (!h) throw new Error(`No section "${heading}"`);
    return h.closest('section') as HTMLElement;
  };
  const rows = (table: Element | null): string[][] =>
    Array.from(table?.querySelectorAll('tbody tr, tfoot tr') ?? []).map((tr) =>
      Array.from(tr.children).map((cell) => textOf(cell)),
    );

  it('should show each rating as a table of the five faces with zeros, a sentence of counts and the chart pictured by it', async () => {
    await open(results(MANY, 8));
    expect(textOf(el.querySelector('h1'))).toBe('Results: Roles index at go-karting');
    const overall = section('What do you think of it?');
    expect(rows(overall.querySelector('table'))).toEqual([
      ['😣 Really bad', '1'],
      ['🙁 Bad', '0'],
      ['😐 OK', '0'],
      ['🙂 Good', '3'],
      ['😄 Really good', '4'],
      ['Answered', '8'],
    ]);
    expect(textOf(overall.querySelector('.summary'))).toBe(
      'Of 8 young people who answered, 7 said Good or Really good, 0 said OK and 1 said Bad or Really bad.',
    );
    expect(overall.querySelector('.small-numbers')).toBeNull();
    expect(textOf(overall)).not.toMatch(/average|mean/i);
    const canvas = overall.querySelector('canvas');
    expect(canvas?.getAttribute('role')).toBe('img');
    expect(canvas?.getAttribute('aria-label')).toBe(
      'Bar chart of the answers to: What do you think of it?. The table beside it has the same numbers.',
    );
    const table = overall.querySelector('table');
    expect(canvas?.getAttribute('aria-details')).toBe(table?.id);
    expect(canvas?.getAttribute('aria-describedby')).toBe(overall.querySelector('.summary')?.id);
    expect(rows(section('How easy was it to understand?').querySelector('table'))[2]).toEqual(['😐 OK', '6']);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('should say beside the figure when fewer than five answered', async () => {
    await open(results(FEW, 3));
    const overall = section('What do you think of it?');
    expect(textOf(overall.querySelector('.small-numbers'))).toBe(SMALL_NUMBERS_NOTE);
    // Nobody answered the second question: still five faces, all zero, and the note.
    const easy = section('How easy was it to understand?');
    expect(rows(easy.querySelector('table')).map((r) => r[1])).toEqual(['0', '0', '0', '0', '0', '0']);
    expect(textOf(easy.querySelector('.summary'))).toBe('Nobody has answered this question yet.');
    expect(textOf(section('Who took part').querySelector('.small-numbers'))).toBe(SMALL_NUMBERS_NOTE);
  });

  it('should say who took part by age band and group, the words as text, and link the CSV', async () => {
    await open(results(MANY, 8));
    const tookPart = section('Who took part');
    expect(textOf(tookPart.querySelector('[data-testid="took-part"]'))).toBe(
      '8 young people took part, 1 of them through the round’s link (no name or age kept). 1 answered in picture mode and 2 had someone helping.',
    );
    const [bands, groups] = Array.from(tookPart.querySelectorAll('table'));
    expect(rows(bands)).toEqual([
      ['10-12', '7'],
      ['13-15', '0'],
      ['16-17', '0'],
      ['18-25', '0'],
      ['Not known', '1'],
    ]);
    expect(rows(groups)).toEqual([
      ['Juniors', '7'],
      ['In no group', '0'],
    ]);
    const words = section('In their words');
    const liked = Array.from(words.querySelectorAll('ul li')).map((li) => textOf(li));
    expect(liked).toEqual(['<b>The pictures</b>', 'Short']);
    // Shown as text: no element was made from what a young person typed.
    expect(words.querySelector('b')).toBeNull();
    expect(textOf(words)).toContain('No answers in words.');
    const csv = el.querySelector<HTMLAnchorElement>('a[download]');
    expect(textOf(csv)).toBe('Download CSV');
    expect(csv?.getAttribute('href')).toBe(`/api/evaluation-rounds/${ROUND_ID}/results.csv`);
    expect(textOf(section('Where and when'))).toContain('Go-karting day, Saturday 14 November 2026');
  });

  it('should say so when the round is not found', async () => {
    await open({ status: 404 });
    expect(textOf(el)).toContain('This evaluation round was not found.');
    expect(el.querySelector('canvas')).toBeNull();
    expect(await axeViolations(el)).toEqual([]);
  });

  it('should compare the versions side by side, saying where a version did not ask the question', async () => {
    const version = (id: string, label: string, addedAt: string, asked: boolean, tallies: RatingTally[]) => ({
      versionId: id,
      label,
      addedAt,
      rounds: 1,
      tookPart: tallies.reduce((n, t) => n + t.count, 0),
      questions: asked ? QUESTIONS : QUESTIONS.filter((q) => q.key !== 'easy'),
      tallies,
    });
    await open(
      results(MANY, 8),
      versionChange(TOOL, [
        version('v1', 'v1', '2026-01-01T00:00:00', false, FEW),
        version('v2', 'v2', '2026-06-01T00:00:00', true, MANY),
        version('v3', 'v3', '2026-09-01T00:00:00', true, [{ questionKey: 'easy', rating: 4, count: 1 }]),
      ]),
    );
    const compared = section('Compared with other versions of Roles and responsibilities index');
    const tables = compared.querySelectorAll('table');
    expect(rows(tables[0])).toEqual([
      ['v1', '0', '1', '0', '0', '2', '3'],
      ['v2', '1', '0', '0', '3', '4', '8'],
      ['v3', '0', '0', '0', '0', '0', '0'],
    ]);
    expect(rows(tables[1])).toEqual([
      ['v1', 'Not asked in this version'],
      ['v2', '0', '0', '6', '0', '0', '6'],
      ['v3', '0', '0', '0', '1', '0', '1'],
    ]);
    expect(textOf(compared)).toContain(`v1: Of 3 young people who answered`);
    expect(textOf(compared)).toContain(SMALL_NUMBERS_NOTE);
    expect(compared.querySelector('canvas')?.getAttribute('aria-label')).toContain(
      'The table beside it has the same numbers.',
    );
    expect(await axeViolations(el)).toEqual([]);
  });
});
