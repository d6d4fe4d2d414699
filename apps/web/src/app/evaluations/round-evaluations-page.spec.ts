import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { DEFAULT_QUESTIONS, type EvaluationListItem, type EvaluationRoundResponse } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { PERSON_ID, byLabel, byName, problemBody, textOf, typeInto } from '../../testing/fixtures';
import RoundEvaluationsPage from './round-evaluations-page';

const ROUND_ID = '55555555-5555-4555-8555-555555555555';
const ROUND_URL = `/api/evaluation-rounds/${ROUND_ID}`;
const LIST_URL = `${ROUND_URL}/evaluations`;
const NAMED_ID = '88888888-8888-4888-8888-888888888888';
const LINK_ID = '99999999-9999-4999-8999-999999999999';

const round = (overrides: Partial<EvaluationRoundResponse> = {}): EvaluationRoundResponse => ({
  id: ROUND_ID,
  toolVersionId: '66666666-6666-4666-8666-666666666666',
  toolId: '77777777-7777-4777-8777-777777777777',
  toolName: 'This is Me profile',
  versionLabel: 'v1',
  title: 'Spring activity day',
  questions: DEFAULT_QUESTIONS.map((q) => ({ ...q })),
  occasion: null,
  opensOn: '2026-05-01',
  closesOn: '2026-05-31',
  closedAt: null,
  state: 'open',
  audience: 'link',
  groupId: null,
  invitees: [],
  evaluationCount: 2,
  createdAt: '2026-04-20T10:00:00.000Z',
  ...overrides,
});

const item = (overrides: Partial<EvaluationListItem>): EvaluationListItem => ({
  id: NAMED_ID,
  roundId: ROUND_ID,
  youngPersonId: PERSON_ID,
  youngPersonName: 'Amara',
  answeredOn: '2026-05-03',
  ageBand: '13-15',
  helpedBy: null,
  pictureMode: false,
  occasion: null,
  enteredBy: null,
  answers: [
    { questionKey: 'overall', rating: 4, text: null },
    { questionKey: 'change', rating: null, text: '<b>Shorter</b> letters' },
    { questionKey: 'quote', rating: null, text: 'It felt like mine.' },
  ],
  createdAt: '2026-05-03T10:00:00.000Z',
  quote: {
    questionKey: 'quote',
    state: 'kept',
    consent: { inForce: false, message: 'No quoting their words consent has been recorded.' },
    chosenAt: null,
    published: null,
  },
  wordsToCheck: [],
  youSaidFrom: [],
  ...overrides,
});

const list = (): EvaluationListItem[] => [
  item({}),
  item({
    id: LINK_ID,
    youngPersonId: null,
    youngPersonName: null,
    ageBand: null,
    answers: [{ questionKey: 'liked', rating: null, text: 'I was scared at first' }],
    quote: null,
    wordsToCheck: ['scared'],
  }),
];

describe('RoundEvaluationsPage', () => {
  let fixture: ComponentFixture<RoundEvaluationsPage>;
  let el: HTMLElement;
  let http: HttpTestingController;

  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };
  const answerLoad = async (r = round(), items = list()) => {
    http.expectOne(ROUND_URL).flush(r);
    await settle();
    http.expectOne(LIST_URL).flush(items);
    await settle();
  };
  const article = (heading: string) => {
    const found = Array.from(el.querySelectorAll('article')).find(
      (a) => textOf(a.querySelector('h2')) === heading,
    );
    if (!found) throw new Error(`No evaluation "${heading}"`);
    return found as HTMLElement;
  };

  async function open(r = round(), items = list()): Promise<void> {
    TestBed.configureTestingModule({
      imports: [RoundEvaluationsPage],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(RoundEvaluationsPage);
    fixture.componentRef.setInput('roundId', ROUND_ID);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    await answerLoad(r, items);
  }

  afterEach(() => http.verify());

  it('lists who, when, age band and answers as text, with no axe violations', async () => {
    await open();
    const amara = article('Amara, 3 May 2026');
    expect(textOf(amara)).toContain('Aged 13-15.');
    expect(textOf(amara)).toContain('Good');
    expect(amara.querySelector('b')).toBeNull();
    expect(textOf(amara)).toContain('<b>Shorter</b> letters');
    expect(textOf(amara)).toContain('No quoting their words consent has been recorded.');
    const link = article('Someone with the link, 3 May 2026');
    expect(textOf(link)).toContain('Please read this again: it uses scared.');
    // A link answer is kept as sent: no Edit.
    expect(Array.from(link.querySelectorAll('button')).map((b) => textOf(b))).not.toContain('Edit');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('makes a "You said" item from a suggestion in one step, with words the officer may shorten', async () => {
    await open();
    const amara = article('Amara, 3 May 2026');
    amara
      .querySelector<HTMLButtonElement>('button[aria-label="Make a “You said” from: What would you change?"]')
      ?.click();
    await fixture.whenStable();
    const words = byLabel<HTMLTextAreaElement>(el, '“You said” words (shorten them if you need to)');
    expect(words.value).toBe('<b>Shorter</b> letters');
    typeInto(words, 'Shorter letters');
    await fixture.whenStable();
    byName(el, 'Save as “You said”').click();
    await fixture.whenStable();
    const req = http.expectOne({ url: `/api/evaluations/${NAMED_ID}/you-said`, method: 'POST' });
    expect(req.request.body).toEqual({ questionKey: 'change', words: 'Shorter letters' });
    req.flush({});
    await settle();
    await answerLoad(round(), [item({ youSaidFrom: ['change'] }), list()[1]]);
    expect(textOf(article('Amara, 3 May 2026'))).toContain('Made a “You said” item.');
  });

  it('chooses a quote, shows the consent refusal in plain words, and hides Edit once the round closes', async () => {
    await open(round({ state: 'closed' }));
    const amara = article('Amara, 3 May 2026');
    expect(Array.from(amara.querySelectorAll('button')).map((b) => textOf(b))).not.toContain('Edit');
    byName(amara, 'Choose quote').click();
    await fixture.whenStable();
    http
      .expectOne({ url: `/api/evaluations/${NAMED_ID}/quote/choose`, method: 'POST' })
      .flush(problemBody(409, 'Their quote can be used only while their consent to quoting is in force.'), {
        status: 409,
        statusText: 'Conflict',
      });
    await settle();
    expect(textOf(amara.querySelector('[role="status"]'))).toBe(
      'Their quote can be used only while their consent to quoting is in force.',
    );
  });

  it('raises a worry only when the officer sends it, and corrects an evaluation', async () => {
    await open();
    const amara = article('Amara, 3 May 2026');
    byName(amara, 'Raise a worry').click();
    await fixture.whenStable();
    http.expectNone(`/api/evaluations/${NAMED_ID}/worries`);
    byName(amara, 'Send the worry').click();
    await fixture.whenStable();
    const worry = http.expectOne({ url: `/api/evaluations/${NAMED_ID}/worries`, method: 'POST' });
    expect(worry.request.body).toEqual({ words: null });
    worry.flush({
      id: 'w',
      raisedAt: '2026-05-03T10:00:00Z',
      contactsTold: 1,
      message: '1 contact was told.',
    });
    await settle();
    await answerLoad();
    expect(textOf(article('Amara, 3 May 2026').querySelector('[role="status"]'))).toBe('1 contact was told.');

    byName(article('Amara, 3 May 2026'), 'Edit').click();
    await fixture.whenStable();
    const overall = byLabel<HTMLSelectElement>(el, 'What do you think of it?');
    overall.value = '5';
    overall.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    byName(el, 'Save correction').click();
    await fixture.whenStable();
    const edit = http.expectOne({ url: `/api/evaluations/${NAMED_ID}`, method: 'PATCH' });
    expect(edit.request.body).toEqual({
      helpedBy: null,
      answers: [
        { questionKey: 'overall', rating: 5 },
        { questionKey: 'change', text: '<b>Shorter</b> letters' },
        { questionKey: 'quote', text: 'It felt like mine.' },
      ],
    });
    edit.flush({});
    await settle();
    await answerLoad();
  });
});
