import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import {
  DEFAULT_QUESTIONS,
  type EvaluationLinkView,
  ROUND_STATE_MESSAGES,
  WORRY_BEFORE_YOU_SEND,
} from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { byLabel, byName, problemBody, textOf, typeInto } from '../../testing/fixtures';
import * as W from './answer-form/answer-words';
import RoundLinkPage from './round-link-page';

const TOKEN = 'tok_abc-123';
const VIEW_URL = `/api/evaluation-links/${TOKEN}`;

const view = (): EvaluationLinkView => ({
  title: 'Bowling day',
  toolName: 'Invitation to chair letter',
  versionLabel: 'v2',
  questions: DEFAULT_QUESTIONS.map((q) => ({ ...q })),
  closesOn: '2026-06-30',
});

const face = (root: Element, words: string) =>
  Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find(
    (b) => b.getAttribute('aria-label') === words,
  ) as HTMLButtonElement;

describe('RoundLinkPage', () => {
  let fixture: ComponentFixture<RoundLinkPage>;
  let el: HTMLElement;
  let http: HttpTestingController;

  async function open(token = TOKEN): Promise<void> {
    TestBed.configureTestingModule({
      imports: [RoundLinkPage],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(RoundLinkPage);
    fixture.componentRef.setInput('token', token);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }
  async function openWithRound(): Promise<void> {
    await open();
    http.expectOne(VIEW_URL).flush(view());
    await fixture.whenStable();
  }
  const stable = () => fixture.whenStable();

  afterEach(() => http.verify());

  it('shows the round, the questions, the words before sending, and passes axe', async () => {
    await openWithRound();
    expect(el.textContent).toContain('Bowling day');
    expect(el.textContent).toContain('Invitation to chair letter');
    expect(face(el, 'Really good')).toBeTruthy();
    for (const line of W.BEFORE_YOU_SEND) expect(el.textContent).toContain(line);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('sends the answers with an Idempotency-Key made on the device, kept for a retry, then says thank you', async () => {
    await openWithRound();
    const pictures = el.querySelector<HTMLButtonElement>('[role="switch"]');
    expect(textOf(pictures)).toContain(W.PICTURE_MODE_SWITCH);
    expect(pictures?.getAttribute('aria-checked')).toBe('false');
    pictures?.click();
    await stable();
    expect(pictures?.getAttribute('aria-checked')).toBe('true');
    expect(el.querySelector('heard-answer-form')?.classList).toContain('heard-picture-mode');
    face(el, 'Good').click();
    typeInto(el.querySelector('#answer-change') as HTMLTextAreaElement, 'More colours');
    await stable();
    byName(el, W.SEND_ANSWERS).click();
    const first = http.expectOne(`${VIEW_URL}/evaluations`);
    expect(first.request.body).toEqual({
      pictureMode: true,
      answers: [
        { questionKey: 'overall', rating: 4 },
        { questionKey: 'change', text: 'More colours' },
      ],
    });
    const key = first.request.headers.get('Idempotency-Key');
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    first.error(new ProgressEvent('error'), { status: 0 });
    await stable();
    expect(textOf(el.querySelector('[role="alert"]'))).toBe(W.SEND_FAILED);

    byName(el, W.SEND_ANSWERS).click();
    const again = http.expectOne(`${VIEW_URL}/evaluations`);
    expect(again.request.headers.get('Idempotency-Key')).toBe(key);
    again.flush({ received: true }, { status: 201, statusText: 'Created' });
    await stable();
    for (const line of W.THANK_YOU) expect(el.textContent).toContain(line);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('sends changed answers after a failed send with a new key, which the server would refuse otherwise', async () => {
    await openWithRound();
    face(el, 'Good').click();
    await stable();
    byName(el, W.SEND_ANSWERS).click();
    const first = http.expectOne(`${VIEW_URL}/evaluations`);
    const key = first.request.headers.get('Idempotency-Key');
    first.error(new ProgressEvent('error'), { status: 0 });
    await stable();

    face(el, 'Bad').click();
    await stable();
    byName(el, W.SEND_ANSWERS).click();
    const changed = http.expectOne(`${VIEW_URL}/evaluations`);
    expect(changed.request.body.answers).toEqual([{ questionKey: 'overall', rating: 2 }]);
    expect(changed.request.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(changed.request.headers.get('Idempotency-Key')).not.toBe(key);
    changed.flush({ received: true }, { status: 201, statusText: 'Created' });
    await stable();
    for (const line of W.THANK_YOU) expect(el.textContent).toContain(line);
  });

  it('asks for one answer before sending, and sends nothing', async () => {
    await openWithRound();
    byName(el, W.SEND_ANSWERS).click();
    await stable();
    expect(textOf(el.querySelector('[role="alert"]'))).toBe(W.ANSWER_ONE_FIRST);
    http.expectNone(`${VIEW_URL}/evaluations`);
  });

  it('gives kind, plain words for an unknown link, a cut-short link and a closed round', async () => {
    await open();
    http.expectOne(VIEW_URL).flush(problemBody(404, 'Not found'), { status: 404, statusText: 'Not Found' });
    await stable();
    for (const line of W.UNKNOWN_LINK) expect(el.textContent).toContain(line);
    expect(el.textContent).not.toContain(W.WORRIED_CHOICE);
    expect(await axeViolations(el)).toEqual([]);
    TestBed.resetTestingModule();

    await open('');
    for (const line of W.UNKNOWN_LINK) expect(el.textContent).toContain(line);
    TestBed.resetTestingModule();

    await open();
    http
      .expectOne(VIEW_URL)
      .flush(problemBody(409, ROUND_STATE_MESSAGES.closed), { status: 409, statusText: 'Conflict' });
    await stable();
    for (const line of W.ROUND_CLOSED) expect(el.textContent).toContain(line);
    // A worry is still taken after the round closed.
    expect(byName(el, W.WORRIED_CHOICE)).toBeTruthy();
    expect(await axeViolations(el)).toEqual([]);
  });

  it('says who will see a worry before it is sent, sends the words only, and says what to do in danger', async () => {
    await openWithRound();
    byName(el, W.WORRIED_CHOICE).click();
    await stable();
    for (const line of WORRY_BEFORE_YOU_SEND) expect(el.textContent).toContain(line);
    expect(await axeViolations(el)).toEqual([]);
    byName(el, W.SEND_WORRY).click();
    await stable();
    expect(textOf(el.querySelector('#worry-problem'))).toBe(W.WORRY_EMPTY);
    http.expectNone(`${VIEW_URL}/worries`);

    typeInto(byLabel<HTMLTextAreaElement>(el, W.WORRY_LABEL), '  Someone hurts me  ');
    byName(el, W.SEND_WORRY).click();
    const req = http.expectOne(`${VIEW_URL}/worries`);
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ words: 'Someone hurts me' });
    req.flush({ received: true }, { status: 201, statusText: 'Created' });
    await stable();
    for (const line of W.WORRY_SENT) expect(el.textContent).toContain(line);
    expect(el.textContent).toContain('call 999');
    expect(await axeViolations(el)).toEqual([]);
  });
});
