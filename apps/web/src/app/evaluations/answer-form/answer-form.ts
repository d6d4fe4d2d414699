import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import type {
  EvaluationAnswerInput,
  EvaluationQuestion,
  QuestionKind,
  Rating,
  RatingStep,
} from '@heard/domain';
import { MAX_ANSWER_LENGTH, RATING_SCALE } from '@heard/domain';
import { CHOSEN_FACE, QUOTE_HINT, READ_ALOUD, SKIP_HINT, WRITE_HINT } from './answer-words';
import { ReadAloud } from './read-aloud';

/** The picture beside a question in picture mode; a rating question's pictures are its faces. */
const QUESTION_PICTURES: Readonly<Record<QuestionKind, string>> = {
  rating: '⭐',
  open: '💭',
  quote: '💬',
};

/**
 * A young person's answers to a round's questions: faces as big buttons named by their words,
 * a box for each question in words, and (where the browser can) a "Read aloud" button for every
 * question and every face. Picture mode makes it larger, with pictures and fewer words.
 * It sends nothing: it emits the answers given so far, and the page decides how to send them.
 */
@Component({
  selector: 'heard-answer-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './answer-form.html',
  styleUrl: './answer-form.scss',
  host: { class: 'heard-answer-form', '[class.heard-picture-mode]': 'pictureMode()' },
})
export class AnswerForm {
  private readonly speech = inject(ReadAloud);

  readonly questions = input.required<readonly EvaluationQuestion[]>();
  readonly pictureMode = input(false);
  /** Every answer given so far, in question order; a skipped question is left out. */
  readonly answersChange = output<EvaluationAnswerInput[]>();

  protected readonly words = { READ_ALOUD, CHOSEN_FACE, WRITE_HINT, QUOTE_HINT, SKIP_HINT };
  protected readonly scale = RATING_SCALE;
  protected readonly pictures = QUESTION_PICTURES;
  protected readonly maxAnswer = MAX_ANSWER_LENGTH;
  protected readonly canReadAloud = this.speech.available;
  protected readonly ratings = signal<Partial<Record<string, Rating>>>({});
  protected readonly texts = signal<Partial<Record<string, string>>>({});

  /** The answers as the API takes them. */
  readonly answers = computed((): EvaluationAnswerInput[] =>
    this.questions().flatMap((q): EvaluationAnswerInput[] => {
      if (q.kind === 'rating') {
        const rating = this.ratings()[q.key];
        return rating ? [{ questionKey: q.key, rating }] : [];
      }
      const text = (this.texts()[q.key] ?? '').trim();
      return text ? [{ questionKey: q.key, text }] : [];
    }),
  );

  /** Clears every answer, after they were sent. */
  reset(): void {
    this.ratings.set({});
    this.texts.set({});
    this.answersChange.emit(this.answers());
  }

  protected rate(question: EvaluationQuestion, step: RatingStep): void {
    this.ratings.update((r) => ({ ...r, [question.key]: step.value }));
    this.answersChange.emit(this.answers());
  }

  protected write(question: EvaluationQuestion, event: Event): void {
    const value = (event.target as HTMLTextAreaElement).value;
    this.texts.update((t) => ({ ...t, [question.key]: value }));
    this.answersChange.emit(this.answers());
  }

  protected chosenWords(question: EvaluationQuestion): string | null {
    const rating = this.ratings()[question.key];
    return rating ? RATING_SCALE[rating - 1].words : null;
  }

  protected read(words: string): void {
    this.speech.read(words);
  }
}
