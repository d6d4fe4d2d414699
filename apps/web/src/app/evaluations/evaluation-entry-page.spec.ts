import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { todayInLondon } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { ENTRY_URL, EVALUATION_ID, ROUND_ID, ROUND_URL, entryRound } from '../../testing/evaluation-fixtures';
import {
  OTHER_PERSON_ID,
  PERSON_ID,
  byLabel,
  byName,
  problemBody,
  textOf,
  typeInto,
} from '../../testing/fixtures';
import EvaluationEntryPage from './evaluation-entry-page';

describe('EvaluationEntryPage', () => {
  let fixture: ComponentFixture<EvaluationEntryPage>;
  let el: HTMLElement;
  let http: HttpTestingController;

  async function open(): Promise<void> {
    TestBed.configureTestingModule({
      imports: [EvaluationEntryPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(EvaluationEntryPage);
    fixture.componentRef.setInput('roundId', ROUND_ID);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne(ROUND_URL).flush(entryRound());
    await fixture.whenStable();
  }

  const faces = (legend: string) => {
    const fieldset = Array.from(el.querySelectorAll('fieldset')).find(
      (f) => textOf(f.querySelector('legend')) === legend,
    );
    if (!fieldset) throw new Error(`No rating "${legend}"`);
    return fieldset;
  };
  const pressed = (legend: string) =>
    Array.from(faces(legend).querySelectorAll('button'))
      .filter((b) => b.getAttribute('aria-pressed') === 'true')
      .map((b) => b.getAttribute('aria-label'));
  /** A face of the first rating question, found by the words a screen reader reads. */
  const face = (words: string) => {
    const found = faces('What do you think of it?').querySelector<HTMLButtonElement>(
      `button[aria-label="${words}"]`,
    );
    if (!found) throw new Error(`No face "${words}"`);
    return found;
  };
  /** The save works through promises after a response; let them run, then render. */
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };
  afterEach(() => http.verify());

  it('shows faces named by their words, takes keys 1 to 5, with no axe violations', async () => {
    await open();
    const buttons = Array.from(faces('What do you think of it?').querySelectorAll('button'));
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Really bad',
      'Bad',
      'OK',
      'Good',
      'Really good',
    ]);
    buttons[1].click();
    await fixture.whenStable();
    expect(pressed('What do you think of it?')).toEqual(['Bad']);
    buttons[1].dispatchEvent(new KeyboardEvent('keydown', { key: '5', bubbles: true }));
    await fixture.whenStable();
    expect(pressed('What do you think of it?')).toEqual(['Really good']);
    buttons[1].dispatchEvent(new KeyboardEvent('keydown', { key: '9', bubbles: true }));
    await fixture.whenStable();
    expect(pressed('What do you think of it?')).toEqual(['Really good']);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('sends with an idempotency key, then moves to the next young person with clear answers', async () => {
    await open();
    face('Good').click();
    typeInto(byLabel<HTMLTextAreaElement>(el, 'What did you like?'), ' <b>The pictures</b> ');
    typeInto(byLabel(el, 'Who helped (optional)'), 'Their foster carer');
    await fixture.whenStable();
    byName(el, 'Save and next').click();
    await fixture.whenStable();
    const req = http.expectOne({ url: ENTRY_URL, method: 'POST' });
    expect(req.request.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(req.request.body).toEqual({
      youngPersonId: PERSON_ID,
      answeredOn: todayInLondon(),
      helpedBy: 'Their foster carer',
      answers: [
        { questionKey: 'overall', rating: 4 },
        { questionKey: 'liked', text: '<b>The pictures</b>' },
      ],
    });
    req.flush({}, { status: 201, statusText: 'Created' });
    await settle();
    expect(textOf(el.querySelector('[role="status"]'))).toBe('Saved.');
    expect(byLabel<HTMLSelectElement>(el, 'Young person').value).toBe(OTHER_PERSON_ID);
    expect(pressed('What do you think of it?')).toEqual([]);
    expect(byLabel<HTMLTextAreaElement>(el, 'What did you like?').value).toBe('');
  });

  it('keeps a refused evaluation in the form with the server’s words, rather than dropping it', async () => {
    await open();
    face('Really bad').click();
    await fixture.whenStable();
    byName(el, 'Save and next').click();
    await fixture.whenStable();
    http
      .expectOne({ url: ENTRY_URL, method: 'POST' })
      .flush(problemBody(409, 'This evaluation round has closed, so it takes no more answers.'), {
        status: 409,
        statusText: 'Conflict',
      });
    await settle();
    expect(textOf(el.querySelector('[role="alert"]'))).toBe(
      'This evaluation round has closed, so it takes no more answers.',
    );
    expect(pressed('What do you think of it?')).toEqual(['Really bad']);
    expect(textOf(el.querySelector('[role="status"]'))).toBe('');
    // Still Amara's answers: saving again sends the same evaluation.
    byName(el, 'Save and next').click();
    await fixture.whenStable();
    const again = http.expectOne({ url: ENTRY_URL, method: 'POST' });
    expect(again.request.body).toEqual(
      expect.objectContaining({ youngPersonId: PERSON_ID, answers: [{ questionKey: 'overall', rating: 1 }] }),
    );
    again.flush({ id: EVALUATION_ID, wordsToCheck: [] }, { status: 201, statusText: 'Created' });
    await settle();
    expect(textOf(el.querySelector('[role="status"]'))).toBe('Saved.');
  });

  it('without a store on the device, a dropped connection keeps the answers in the form to try again', async () => {
    await open();
    face('OK').click();
    await fixture.whenStable();
    byName(el, 'Save and next').click();
    await fixture.whenStable();
    http
      .expectOne({ url: ENTRY_URL, method: 'POST' })
      .error(new ProgressEvent('error'), { status: 0, statusText: '' });
    await settle();
    expect(textOf(el.querySelector('[role="alert"]'))).toBe(
      'We could not reach Heard. Check your connection and try again.',
    );
    expect(pressed('What do you think of it?')).toEqual(['OK']);
    expect(el.textContent).not.toContain('Not sent yet');
  });

  it('sends nothing without an answer', async () => {
    await open();
    byName(el, 'Save and next').click();
    await fixture.whenStable();
    http.expectNone(ENTRY_URL);
    expect(textOf(el.querySelector('[role="alert"]'))).toBe('Answer at least one question.');
  });

  it('prompts a second read when listed words appear, and raises a worry only when the officer chooses to', async () => {
    await open();
    typeInto(byLabel<HTMLTextAreaElement>(el, 'What would you change?'), 'I was scared to say it');
    await fixture.whenStable();
    byName(el, 'Save and next').click();
    await fixture.whenStable();
    http
      .expectOne({ url: ENTRY_URL, method: 'POST' })
      .flush({ id: EVALUATION_ID, wordsToCheck: ['scared'] }, { status: 201, statusText: 'Created' });
    await settle();
    const panel = el.querySelector('.heard-read-again');
    expect(textOf(panel?.querySelector('h2'))).toBe('Please read this again');
    expect(textOf(panel)).toContain(
      'What Amara wrote uses words that can mean a young person is unsafe: scared.',
    );
    expect(textOf(panel)).toContain('Nothing has been raised.');
    http.expectNone(`/api/evaluations/${EVALUATION_ID}/worries`);
    expect(await axeViolations(el)).toEqual([]);

    byName(el, 'Raise a worry').click();
    await fixture.whenStable();
    const worry = http.expectOne({ url: `/api/evaluations/${EVALUATION_ID}/worries`, method: 'POST' });
    expect(worry.request.body).toEqual({});
    worry.flush(
      {
        id: 'w1',
        raisedAt: '2026-05-01T10:00:00.000Z',
        contactsTold: 2,
        message: '2 safeguarding contacts were told.',
      },
      { status: 201, statusText: 'Created' },
    );
    await settle();
    expect(el.querySelector('.heard-read-again')).toBeNull();
    expect(textOf(el.querySelector('.heard-worry-message'))).toBe('2 safeguarding contacts were told.');
  });
});
