import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type {
  EvaluationEntryRequest,
  EvaluationQuestion,
  EvaluationRoundResponse,
  Rating,
} from '@heard/domain';
import {
  MAX_ANSWER_LENGTH,
  MAX_HELPED_BY_LENGTH,
  RATING_SCALE,
  evaluationWordsToCheck,
  todayInLondon,
} from '@heard/domain';
import { HttpErrorResponse } from '@angular/common/http';
import { firstValueFrom } from 'rxjs';
import { EvaluationOutbox, SendOutcome } from './evaluation-outbox';
import { EvaluationsApi } from './evaluations-api';

const OUTCOME_MESSAGES: Record<SendOutcome, string> = {
  sent: 'Saved.',
  kept: 'Saved on this device, will send when back online.',
  refused: 'The server refused this evaluation; it is listed below.',
};

/** An evaluation just saved whose words include some on the list: a prompt to read it again. */
interface ReadAgain {
  youngPersonName: string;
  words: string[];
  idempotencyKey: string;
}

/**
 * An officer entering evaluations for several young people in a row at an activity day: big face
 * buttons (keys 1–5 choose one), the open questions, then "Save and next". Each evaluation is kept
 * on the device until the server has it.
 */
@Component({
  selector: 'heard-evaluation-entry-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  templateUrl: './evaluation-entry-page.html',
  styleUrl: './evaluation-entry-page.scss',
  host: { class: 'heard-page' },
})
export default class EvaluationEntryPage {
  private readonly api = inject(EvaluationsApi);
  protected readonly outbox = inject(EvaluationOutbox);

  readonly roundId = input.required<string>();

  protected readonly scale = RATING_SCALE;
  protected readonly maxAnswer = MAX_ANSWER_LENGTH;
  protected readonly maxHelpedBy = MAX_HELPED_BY_LENGTH;
  protected readonly round = signal<EvaluationRoundResponse | null>(null);
  protected readonly loadFailed = signal(false);
  protected readonly youngPersonId = signal('');
  protected readonly helpedBy = signal('');
  protected readonly ratings = signal<Partial<Record<string, Rating>>>({});
  protected readonly texts = signal<Partial<Record<string, string>>>({});
  protected readonly status = signal('');
  protected readonly problem = signal('');
  protected readonly saving = signal(false);
  protected readonly readAgain = signal<ReadAgain | null>(null);
  protected readonly worryMessage = signal('');
  protected readonly raising = signal(false);
  /** The server's id for the evaluation to read again; null until it has been sent. */
  protected readonly readAgainId = computed(() => {
    const check = this.readAgain();
    return check ? (this.outbox.sentIds()[check.idempotencyKey] ?? null) : null;
  });
  protected readonly unsentHere = computed(
    () => this.outbox.unsent().filter((u) => u.roundId === this.roundId()).length,
  );

  constructor() {
    effect((onCleanup) => {
      const sub = this.api.getRound(this.roundId()).subscribe({
        next: (round) => {
          this.round.set(round);
          this.youngPersonId.set(round.invitees[0]?.id ?? '');
        },
        error: () => this.loadFailed.set(true),
      });
      onCleanup(() => sub.unsubscribe());
    });
  }

  protected wordsFor(value: Rating): string {
    return RATING_SCALE[value - 1].words;
  }

  protected rate(question: EvaluationQuestion, value: Rating): void {
    this.ratings.update((r) => ({ ...r, [question.key]: value }));
  }

  /** Keys 1–5 choose a face while one of the question's faces has focus: fast entry without the mouse. */
  protected onRatingKey(event: KeyboardEvent, question: EvaluationQuestion): void {
    const value = Number(event.key);
    if (Number.isInteger(value) && value >= 1 && value <= 5) {
      event.preventDefault();
      this.rate(question, value as Rating);
    }
  }

  protected write(question: EvaluationQuestion, event: Event): void {
    const value = (event.target as HTMLTextAreaElement).value;
    this.texts.update((t) => ({ ...t, [question.key]: value }));
  }

  protected chooseYoungPerson(event: Event): void {
    this.youngPersonId.set((event.target as HTMLSelectElement).value);
  }

  protected setHelpedBy(event: Event): void {
    this.helpedBy.set((event.target as HTMLInputElement).value);
  }

  protected async saveAndNext(): Promise<void> {
    const round = this.round();
    if (!round || this.saving()) return;
    this.status.set('');
    if (!this.youngPersonId()) return this.problem.set('Choose the young person first.');
    const answers = round.questions.flatMap((q): EvaluationEntryRequest['answers'] => {
      const rating = this.ratings()[q.key];
      const text = (this.texts()[q.key] ?? '').trim();
      if (q.kind === 'rating') return rating ? [{ questionKey: q.key, rating }] : [];
      return text ? [{ questionKey: q.key, text }] : [];
    });
    if (answers.length === 0) return this.problem.set('Answer at least one question.');
    this.problem.set('');
    const request: EvaluationEntryRequest = {
      youngPersonId: this.youngPersonId(),
      answeredOn: todayInLondon(),
      helpedBy: this.helpedBy().trim() || null,
      answers,
    };
    this.saving.set(true);
    const { outcome, idempotencyKey } = await this.outbox.save(round.id, request);
    this.saving.set(false);
    this.status.set(OUTCOME_MESSAGES[outcome]);
    // The same list the server checks against; found here too so it prompts even when offline.
    const words = evaluationWordsToCheck(answers.map((a) => ({ text: a.text ?? null })));
    this.worryMessage.set('');
    this.readAgain.set(
      words.length > 0
        ? {
            youngPersonName: round.invitees.find((p) => p.id === request.youngPersonId)?.displayName ?? '',
            words,
            idempotencyKey,
          }
        : null,
    );
    this.next(round);
  }

  /** Only when the officer decides to: the listed words never raise a worry by themselves. */
  protected async raiseWorry(): Promise<void> {
    const id = this.readAgainId();
    if (!id || this.raising()) return;
    this.raising.set(true);
    try {
      const raised = await firstValueFrom(this.api.raiseWorry(id, {}));
      this.worryMessage.set(raised.message);
      this.readAgain.set(null);
    } catch (error) {
      const detail =
        error instanceof HttpErrorResponse ? (error.error as { detail?: string } | null)?.detail : null;
      this.worryMessage.set(
        `${detail ?? 'The worry could not be sent.'} If you are worried now, tell your safeguarding lead.`,
      );
    } finally {
      this.raising.set(false);
    }
  }

  protected doneReading(): void {
    this.readAgain.set(null);
  }

  /** Clears the answers and moves on to the next young person on the list. */
  private next(round: EvaluationRoundResponse): void {
    this.ratings.set({});
    this.texts.set({});
    this.helpedBy.set('');
    const at = round.invitees.findIndex((p) => p.id === this.youngPersonId());
    this.youngPersonId.set(round.invitees[at + 1]?.id ?? '');
  }
}
