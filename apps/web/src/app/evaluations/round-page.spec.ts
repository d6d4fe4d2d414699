import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { DEFAULT_QUESTIONS, type EvaluationRoundResponse } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { byName, problemBody, textOf } from '../../testing/fixtures';
import RoundPage from './round-page';

const ROUND_ID = '55555555-5555-4555-8555-555555555555';
const URL = `/api/evaluation-rounds/${ROUND_ID}`;

const round = (overrides: Partial<EvaluationRoundResponse> = {}): EvaluationRoundResponse => ({
  id: ROUND_ID,
  toolVersionId: '66666666-6666-4666-8666-666666666666',
  toolId: '77777777-7777-4777-8777-777777777777',
  toolName: 'This is Me profile',
  versionLabel: 'v1',
  title: 'This is Me at go-karting',
  questions: DEFAULT_QUESTIONS.map((q) => ({ ...q })),
  occasion: { kind: 'activity_day', id: 'a1', title: 'Go-karting', date: '2026-08-10' },
  opensOn: '2026-08-10',
  closesOn: '2026-08-24',
  closedAt: null,
  state: 'open',
  audience: 'link',
  groupId: null,
  invitees: [],
  evaluationCount: 3,
  createdAt: '2026-08-01T10:00:00Z',
  ...overrides,
});

describe('RoundPage', () => {
  let fixture: ComponentFixture<RoundPage>;
  let el: HTMLElement;
  let http: HttpTestingController;

  async function open(answer: EvaluationRoundResponse = round()): Promise<void> {
    TestBed.configureTestingModule({
      imports: [RoundPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(RoundPage);
    fixture.componentRef.setInput('roundId', ROUND_ID);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne(URL).flush(answer);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('shows the questions, where and when, its state and answers, with links to enter and results', async () => {
    await open();
    expect(textOf(el.querySelector('h1'))).toBe('This is Me at go-karting');
    expect(textOf(el.querySelector('dl'))).toContain('Activity day: Go-karting');
    expect(textOf(el.querySelector('dl'))).toContain('3 evaluations');
    expect(Array.from(el.querySelectorAll('ol li')).map(textOf)[0]).toBe(
      'What do you think of it? (Faces (Really bad to Really good))',
    );
    expect(byName(el, 'Enter evaluations').getAttribute('href')).toBe(
      `/practice-tools/rounds/${ROUND_ID}/enter`,
    );
    expect(byName(el, 'Results').getAttribute('href')).toBe(`/practice-tools/rounds/${ROUND_ID}/results`);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('closes early only after a confirm, and can be kept open', async () => {
    await open();
    byName(el, 'Close early').click();
    await fixture.whenStable();
    http.expectNone(`${URL}/close`);
    byName(el, 'Keep it open').click();
    await fixture.whenStable();
    byName(el, 'Close early').click();
    await fixture.whenStable();
    expect(await axeViolations(el)).toEqual([]);
    byName(el, 'Yes, close the round').click();
    const req = http.expectOne({ url: `${URL}/close`, method: 'POST' });
    expect(req.request.body).toEqual({});
    req.flush(round({ state: 'closed', closedAt: '2026-08-12T10:00:00Z' }));
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="status"]'))).toBe(
      'The round is closed. It takes no more answers.',
    );
    expect(el.textContent).not.toContain('Close early');
    expect(el.querySelector('a[href$="/enter"]')).toBeNull();
  });

  it('shows the refusal when closing fails', async () => {
    await open();
    byName(el, 'Close early').click();
    await fixture.whenStable();
    byName(el, 'Yes, close the round').click();
    http.expectOne(`${URL}/close`).flush(problemBody(409, 'This evaluation round is already closed.'), {
      status: 409,
      statusText: 'Conflict',
    });
    await fixture.whenStable();
    expect(el.textContent).toContain('This evaluation round is already closed.');
  });
});
