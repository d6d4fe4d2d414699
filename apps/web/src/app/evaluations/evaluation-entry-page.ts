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
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { toProblem } from '../core/problem';
import { Outbox, isOffline } from '../offline/outbox';
import { EvaluationsApi, evaluationEntryUrl } from './evaluations-api';

/** Where a saved evaluation went: the server's id when sent, or the outbox change that keeps it. */
interface Saved {
  words: string;
  evaluationId: string | null;
  changeId: string | null;
}

/** An evaluation just saved whose words include some on the list: a prompt to read it again. */
interface ReadAgain {
  youngPersonName: string;
  words: string[];
  evaluationId: string | null;
  /** The outbox change keeping it, while it was saved without signal: its id comes once it is sent. */
  changeId: string | null;
}

/**
 * An officer entering evaluations for several young people in a row at an activity day: big face
 * buttons (keys 1–5 choose one), the open questions, then "Save and next". Without signal an
 * evaluation goes into the device's outbox, as a register's marks do, and is sent when there is.
 */
@Component({
  selector: 'heard-evaluation-entry-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink],
  templateUrl: './evaluation-entry-page.html',
  styleUrl: './evaluation-entry-page.scss',
  host: { class: 'heard-page' },
})
export default class EvaluationEntryPage {
  private readonly api = inject(EvaluationsApi);
  private readonly outbox = inject(Outbox);

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
    if (!check) return null;
    return check.evaluationId ?? (check.changeId ? (this.outbox.createdIds()[check.changeId] ?? null) : null);
  });
  private readonly entryUrl = computed(() => evaluationEntryUrl(this.roundId()));
  /** This round's evaluations kept on this device, not sent yet. */
  protected readonly notSent = computed(() =>
    this.outbox.changes().filter((c) => c.url === this.entryUrl() && c.state === 'waiting'),
  );
  /**
   * This round's evaluations the server did not store as they were, with its words: they stay until
   * the officer takes them off the device on the held changes page.
   */
  protected readonly notStored = computed(() =>
    this.outbox.changes().filter((c) => c.url === this.entryUrl() && c.state !== 'waiting'),
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
    const youngPersonName = round.invitees.find((p) => p.id === request.youngPersonId)?.displayName ?? '';
    this.saving.set(true);
    const saved = await this.save(round, request, youngPersonName);
    this.saving.set(false);
    // Refused: the answers stay in the form, with the server's words above the button.
    if (!saved) return;
    this.status.set(saved.words);
    // The same list the server checks against; found here too so it prompts even when offline.
    const words = evaluationWordsToCheck(answers.map((a) => ({ text: a.text ?? null })));
    this.worryMessage.set('');
    this.readAgain.set(
      words.length > 0
        ? { youngPersonName, words, evaluationId: saved.evaluationId, changeId: saved.changeId }
        : null,
    );
    this.next(round);
  }

  /**
   * Sends the evaluation, or keeps it in the outbox as the registers do: without signal, when the
   * save finds no network, or behind evaluations for this round still waiting on the device (so it
   * cannot overtake them). Null when the server refused it.
   */
  private async save(
    round: EvaluationRoundResponse,
    request: EvaluationEntryRequest,
    youngPersonName: string,
  ): Promise<Saved | null> {
    if (this.outbox.keeps(this.entryUrl())) return this.keep(round, request, youngPersonName);
    try {
      // A fresh key: should the answer be lost, the outbox sends it again under its own key and the
      // server, finding the same answers stored, stores them once (ADR 0029).
      const stored = await firstValueFrom(this.api.enter(round.id, crypto.randomUUID(), request));
      return { words: 'Saved.', evaluationId: stored?.id ?? null, changeId: null };
    } catch (error: unknown) {
      if (this.outbox.available && isOffline(error)) return this.keep(round, request, youngPersonName);
      this.problem.set(toProblem(error).detail);
      return null;
    }
  }

  private async keep(
    round: EvaluationRoundResponse,
    request: EvaluationEntryRequest,
    youngPersonName: string,
  ): Promise<Saved | null> {
    try {
      const change = await this.outbox.add({
        method: 'POST',
        url: this.entryUrl(),
        body: request,
        label: `Evaluation of ${round.toolName} by ${youngPersonName || 'a young person'}`,
        about: request.youngPersonId,
      });
      return {
        words: 'Saved. Not sent yet: it is kept on this device and sent when there is signal.',
        evaluationId: null,
        changeId: change.id,
      };
    } catch (error: unknown) {
      // IndexedDB refusing, or no officer signed in to make it: say so rather than lose it quietly.
      this.problem.set(
        error instanceof Error
          ? error.message
          : 'This evaluation could not be kept on this device. Try again.',
      );
      return null;
    }
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
