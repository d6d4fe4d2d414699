import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { DEFAULT_QUESTIONS, type EvaluationAnswerInput, RATING_SCALE } from '@heard/domain';
import { axeViolations } from '../../../testing/axe';
import { byLabel, typeInto } from '../../../testing/fixtures';
import { AnswerForm } from './answer-form';
import { READ_ALOUD } from './answer-words';

const QUESTIONS = DEFAULT_QUESTIONS.map((q) => ({ ...q }));

/** The button whose accessible name (its aria-label) is exactly `name`. */
function button(root: Element, name: string): HTMLButtonElement[] {
  return Array.from(root.querySelectorAll<HTMLButtonElement>('button')).filter(
    (b) => b.getAttribute('aria-label') === name,
  );
}

class FakeUtterance {
  lang = '';
  constructor(readonly text: string) {}
}

describe('AnswerForm', () => {
  let fixture: ComponentFixture<AnswerForm>;
  let el: HTMLElement;
  let emitted: EvaluationAnswerInput[][];
  const spoken: string[] = [];
  let cancelled = 0;

  async function open(pictureMode = false): Promise<void> {
    TestBed.configureTestingModule({ imports: [AnswerForm] });
    fixture = TestBed.createComponent(AnswerForm);
    fixture.componentRef.setInput('questions', QUESTIONS);
    fixture.componentRef.setInput('pictureMode', pictureMode);
    emitted = [];
    fixture.componentInstance.answersChange.subscribe((a) => emitted.push(a));
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  function withSpeech(): void {
    Object.assign(globalThis, {
      speechSynthesis: {
        speak: (u: FakeUtterance) => spoken.push(u.text),
        cancel: () => (cancelled += 1),
      },
      SpeechSynthesisUtterance: FakeUtterance,
    });
  }

  afterEach(() => {
    const g = globalThis as { speechSynthesis?: unknown; SpeechSynthesisUtterance?: unknown };
    delete g.speechSynthesis;
    delete g.SpeechSynthesisUtterance;
    spoken.length = 0;
    cancelled = 0;
  });

  it('shows each rating as five face buttons named by the words of the scale', async () => {
    await open();
    for (const step of RATING_SCALE) expect(button(el, step.words)).toHaveLength(2);
    expect(el.querySelectorAll('fieldset legend')[0].textContent).toContain('What do you think of it?');
  });

  it('emits the answers given so far, a face as its rating and words as text, skipped ones left out', async () => {
    await open();
    button(el, 'Really good')[0].click();
    typeInto(byLabel<HTMLTextAreaElement>(el, 'What did you like?'), '  The <b>pictures</b>  ');
    await fixture.whenStable();
    expect(emitted.at(-1)).toEqual([
      { questionKey: 'overall', rating: 5 },
      { questionKey: 'liked', text: 'The <b>pictures</b>' },
    ]);
    expect(button(el, 'Really good')[0].getAttribute('aria-pressed')).toBe('true');
    expect(el.textContent).toContain('You chose: Really good');
  });

  it('clears every answer on reset', async () => {
    await open();
    button(el, 'Bad')[1].click();
    fixture.componentInstance.reset();
    await fixture.whenStable();
    expect(emitted.at(-1)).toEqual([]);
    expect(button(el, 'Bad')[1].getAttribute('aria-pressed')).toBe('false');
  });

  it('has no "Read aloud" buttons where the browser has no speech synthesis', async () => {
    await open();
    expect(el.textContent).not.toContain(READ_ALOUD);
  });

  it('reads a question and a face aloud only when asked, never on its own', async () => {
    withSpeech();
    await open();
    expect(spoken).toEqual([]);
    button(el, `${READ_ALOUD}: What do you think of it?`)[0].click();
    button(el, `${READ_ALOUD}: Really bad`)[0].click();
    expect(spoken).toEqual(['What do you think of it?', 'Really bad']);
    expect(cancelled).toBe(2);
    // Every question and every face has one.
    expect(button(el, `${READ_ALOUD}: What would you change?`)).toHaveLength(1);
    expect(button(el, `${READ_ALOUD}: OK`)).toHaveLength(2);
  });

  it('in picture mode is larger, with pictures and fewer words', async () => {
    await open(true);
    expect(el.classList).toContain('heard-picture-mode');
    expect(el.querySelectorAll('.heard-answer-picture')).toHaveLength(QUESTIONS.length);
    expect(el.textContent).not.toContain('You can skip a question.');
    for (const step of RATING_SCALE) expect(button(el, step.words)).toHaveLength(2);
  });

  it('passes axe, in both modes and with read aloud', async () => {
    withSpeech();
    await open();
    expect(await axeViolations(el)).toEqual([]);
    fixture.componentRef.setInput('pictureMode', true);
    await fixture.whenStable();
    expect(await axeViolations(el)).toEqual([]);
  });
});
