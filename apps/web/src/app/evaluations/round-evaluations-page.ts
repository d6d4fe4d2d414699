import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type {
  EvaluationEditRequest,
  EvaluationListItem,
  EvaluationQuestion,
  EvaluationRoundResponse,
  QuoteView,
  Rating,
} from '@heard/domain';
import { MAX_ANSWER_LENGTH, RATING_SCALE, dateInWords, ratingWords } from '@heard/domain';
import { type Observable, firstValueFrom } from 'rxjs';
import { EvaluationsApi } from './evaluations-api';

/** Which inline form is open (none, or one at a time: that keeps the page calm). */
type OpenForm =
  | { kind: 'edit'; id: string; ratings: Record<string, Rating | null>; texts: Record<string, string> }
  | { kind: 'worry'; id: string; words: string }
  | { kind: 'you-said'; id: string; questionKey: string; words: string }
  | { kind: 'publish'; id: string; where: string };

const QUOTE_STATE_WORDS: Record<QuoteView['state'], string> = {
  kept: 'Kept in this evaluation',
  chosen: 'Chosen for use',
  published: 'Published',
  withdrawn: 'Taken out: quote consent was withdrawn',
};

const detailOf = (error: unknown) =>
  (error instanceof HttpErrorResponse ? (error.error as { detail?: string } | null)?.detail : null) ??
  'That did not work. Try again.';

/**
 * A round's evaluations for officers: who gave each (or "Someone with the link"), when, their age
 * band, the answers as text, and what to do next: correct it while the round is open, raise a
 * worry, make a "You said" item from a suggestion, and choose and publish a quote.
 */
@Component({
  selector: 'heard-round-evaluations-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  templateUrl: './round-evaluations-page.html',
  styleUrl: './round-evaluations-page.scss',
  host: { class: 'heard-page' },
})
export default class RoundEvaluationsPage {
  private readonly api = inject(EvaluationsApi);

  readonly roundId = input.required<string>();

  protected readonly scale = RATING_SCALE;
  protected readonly maxAnswer = MAX_ANSWER_LENGTH;
  protected readonly round = signal<EvaluationRoundResponse | null>(null);
  protected readonly evaluations = signal<EvaluationListItem[] | null>(null);
  protected readonly loadFailed = signal(false);
  protected readonly form = signal<OpenForm | null>(null);
  /** The outcome of the last action, by evaluation id: shown beside it. */
  protected readonly notes = signal<Readonly<Record<string, string>>>({});
  protected readonly busy = signal(false);

  constructor() {
    effect(() => {
      void this.load(this.roundId());
    });
  }

  protected dateInWords = dateInWords;

  protected who(e: EvaluationListItem): string {
    return e.youngPersonName ?? 'Someone with the link';
  }

  protected questionOf(round: EvaluationRoundResponse, key: string): EvaluationQuestion | undefined {
    return round.questions.find((q) => q.key === key);
  }

  protected answerInWords(rating: Rating | null, text: string | null): string {
    return rating ? ratingWords(rating) : (text ?? '');
  }

  protected quoteWords(q: QuoteView): string {
    if (q.state === 'published' && q.published)
      return `Published in ${q.published.where} on ${dateInWords(q.published.at.slice(0, 10))}, ${
        q.published.named ? 'with their name' : 'without their name'
      }`;
    return QUOTE_STATE_WORDS[q.state];
  }

  protected mayEdit(round: EvaluationRoundResponse, e: EvaluationListItem): boolean {
    return round.state !== 'closed' && e.youngPersonId !== null;
  }

  protected openEdit(e: EvaluationListItem): void {
    const ratings: Record<string, Rating | null> = {};
    const texts: Record<string, string> = {};
    for (const a of e.answers) {
      if (a.rating) ratings[a.questionKey] = a.rating;
      if (a.text !== null) texts[a.questionKey] = a.text;
    }
    this.form.set({ kind: 'edit', id: e.id, ratings, texts });
  }

  protected openWorry(e: EvaluationListItem): void {
    this.form.set({ kind: 'worry', id: e.id, words: '' });
  }

  protected openYouSaid(e: EvaluationListItem, questionKey: string, words: string | null): void {
    this.form.set({ kind: 'you-said', id: e.id, questionKey, words: words ?? '' });
  }

  protected openPublish(e: EvaluationListItem): void {
    this.form.set({ kind: 'publish', id: e.id, where: '' });
  }

  protected close(): void {
    this.form.set(null);
  }

  /** Keeps what is typed in the open form. */
  protected type(field: string, event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;
    this.form.update((f) => {
      if (!f) return f;
      if (f.kind === 'edit' && field.startsWith('text:'))
        return { ...f, texts: { ...f.texts, [field.slice(5)]: value } };
      if (f.kind === 'edit' && field.startsWith('rating:'))
        return {
          ...f,
          ratings: { ...f.ratings, [field.slice(7)]: value ? (Number(value) as Rating) : null },
        };
      if (f.kind === 'worry' || f.kind === 'you-said') return { ...f, words: value };
      if (f.kind === 'publish') return { ...f, where: value };
      return f;
    });
  }

  protected formFor(id: string, kind: OpenForm['kind']): OpenForm | null {
    const f = this.form();
    return f && f.id === id && f.kind === kind ? f : null;
  }

  protected textOfForm(f: OpenForm | null, key?: string): string {
    if (!f) return '';
    if (f.kind === 'edit') return key ? (f.texts[key] ?? '') : '';
    if (f.kind === 'publish') return f.where;
    return f.words;
  }

  protected ratingOfForm(f: OpenForm | null, key: string): string {
    return f?.kind === 'edit' ? String(f.ratings[key] ?? '') : '';
  }

  protected async submit(round: EvaluationRoundResponse): Promise<void> {
    const f = this.form();
    if (!f) return;
    switch (f.kind) {
      case 'edit': {
        const answers = round.questions.flatMap((q): EvaluationEditRequest['answers'] => {
          if (q.kind === 'rating') {
            const rating = f.ratings[q.key];
            return rating ? [{ questionKey: q.key, rating }] : [];
          }
          const text = (f.texts[q.key] ?? '').trim();
          return text ? [{ questionKey: q.key, text }] : [];
        });
        const e = this.evaluations()?.find((x) => x.id === f.id);
        return this.act(
          f.id,
          this.api.edit(f.id, { helpedBy: e?.helpedBy ?? null, answers }),
          () => 'Corrected.',
        );
      }
      case 'worry':
        return this.act(f.id, this.api.raiseWorry(f.id, { words: f.words.trim() || null }), (r) => r.message);
      case 'you-said':
        return this.act(
          f.id,
          this.api.makeYouSaid(f.id, { questionKey: f.questionKey, words: f.words.trim() || null }),
          () => 'Made a “You said” item.',
        );
      case 'publish':
        return this.act(f.id, this.api.publishQuote(f.id, f.where), () => 'Quote published.');
    }
  }

  protected quoteStep(e: EvaluationListItem, step: 'choose' | 'unchoose'): Promise<void> {
    return this.act(e.id, this.api.quote(e.id, step), () =>
      step === 'choose' ? 'Quote chosen.' : 'Quote back to kept.',
    );
  }

  private async act<T>(id: string, request: Observable<T>, outcome: (value: T) => string): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    try {
      const value = await firstValueFrom(request);
      this.form.set(null);
      this.notes.update((n) => ({ ...n, [id]: outcome(value) }));
      await this.load(this.roundId());
    } catch (error) {
      this.notes.update((n) => ({ ...n, [id]: detailOf(error) }));
    } finally {
      this.busy.set(false);
    }
  }

  private async load(roundId: string): Promise<void> {
    try {
      const [round, evaluations] = await Promise.all([
        firstValueFrom(this.api.getRound(roundId)),
        firstValueFrom(this.api.listEvaluations(roundId)),
      ]);
      this.round.set(round);
      this.evaluations.set(evaluations);
    } catch {
      this.loadFailed.set(true);
    }
  }
}
