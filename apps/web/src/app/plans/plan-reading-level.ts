import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MAX_READING_LEVEL_TEXT, combinedReadingLevel, readingLevelPieces } from '@heard/domain';
import type { ReadingLevelResponse } from '@heard/domain';
import { catchError, debounceTime, distinctUntilChanged, forkJoin, map, of, switchMap, tap } from 'rxjs';
import { BoardReviewApi } from '../action-log/board-review-api';
import { readingLevelWords } from '../action-log/reading-words';

/** How long typing pauses before the text is measured: long enough not to ask on every key. */
export const READING_LEVEL_PAUSE_MS = 600;

/**
 * The reading level of a child-friendly text, measured as the officer types (the action log's
 * reading-level route, target age 10), with the sentences to rewrite. A section longer than the
 * route measures at once is measured in pieces and read as one (combinedReadingLevel).
 */
@Component({
  selector: 'heard-plan-reading-level',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="plan-reading-level" aria-live="polite">
      <p class="target">Aim for words a 10-year-old can read.</p>
      @if (measuring()) {
        <p>Measuring…</p>
      } @else if (failed()) {
        <p>We could not measure the reading level just now. It is measured again when you type.</p>
      } @else if (level(); as l) {
        <p>{{ levelWords(l) }}</p>
        @if (l.hardSentences.length > 0) {
          <p>Sentences to make easier:</p>
          <ul>
            @for (s of l.hardSentences; track $index) {
              <li>{{ s }}</li>
            }
          </ul>
        }
      }
    </div>
  `,
})
export class PlanReadingLevel {
  private readonly api = inject(BoardReviewApi);
  /** The words to measure (planPlainText of the typed text). */
  readonly text = input.required<string>();

  protected readonly level = signal<ReadingLevelResponse | null>(null);
  protected readonly measuring = signal(false);
  protected readonly failed = signal(false);
  protected readonly levelWords = readingLevelWords;

  constructor() {
    toObservable(this.text)
      .pipe(
        debounceTime(READING_LEVEL_PAUSE_MS),
        map((text) => text.trim()),
        distinctUntilChanged(),
        tap(() => this.failed.set(false)),
        switchMap((text) => {
          const pieces = readingLevelPieces(text, MAX_READING_LEVEL_TEXT);
          if (pieces.length === 0) return of(null);
          this.measuring.set(true);
          return forkJoin(pieces.map((p) => this.api.readingLevel(p))).pipe(
            map((levels) => combinedReadingLevel(levels)),
            catchError(() => {
              this.failed.set(true);
              return of(null);
            }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((level) => {
        this.measuring.set(false);
        this.level.set(level);
      });
  }
}
