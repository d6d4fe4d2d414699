import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { InvitationAnswerRequest, RsvpView } from '@heard/domain';
import { HeardIcon, sentenceStart } from '@heard/ui';
import { EMPTY, Subject, catchError, finalize, map, merge, switchMap, tap } from 'rxjs';
import { toProblem } from '../core/problem';
import { RsvpApi } from './rsvp-api';
import { pageFocus } from '../core/focus';

/** Why the invite could not be shown, in words a 10-year-old reads easily. */
export function loadErrorWords(status: number): { words: string; canRetry: boolean } {
  if (status === 404)
    return {
      words:
        'This link does not work. It may be old or typed wrong. Ask the person who invited you for a new one.',
      canRetry: false,
    };
  if (status === 410)
    return {
      words:
        'This link has run out. Links stop working after the day. Ask the person who invited you if you need help.',
      canRetry: false,
    };
  if (status === 429)
    return { words: 'You have tried a lot of times. Wait a few minutes, then try again.', canRetry: true };
  if (status === 0)
    return { words: 'We could not connect. Check your internet, then try again.', canRetry: true };
  return { words: 'Something went wrong on our side. Please try again in a few minutes.', canRetry: true };
}

/** Why an answer was not saved. Nothing here blames the young person. */
export function saveErrorWords(status: number): string {
  if (status === 404) return loadErrorWords(404).words;
  if (status === 409 || status === 410 || status === 422)
    return 'We could not change your answer. It may be too late now, or the invite may have changed.';
  if (status === 0)
    return 'We could not connect. Your answer is not saved yet. Check your internet, then try again.';
  return 'Something went wrong. Your answer is not saved yet. Please try again.';
}

function sentence(words: string): string {
  const trimmed = words.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * The young person's own page for one invite, opened from their personal link with no account.
 * Written for a 10-year-old and a phone first. Children's Code: Yes and No are equally easy and
 * look the same, nothing is chosen for them, and a reason for No is never required.
 */
@Component({
  selector: 'heard-rsvp-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    HeardIcon,
  ],
  templateUrl: './rsvp-page.html',
  styleUrl: './rsvp-page.scss',
  host: { class: 'heard-page heard-young' },
})
export class RsvpPage {
  private readonly api = inject(RsvpApi);
  private readonly focus = pageFocus();
  private readonly retry$ = new Subject<void>();

  /** The personal token from the link `/rsvp/<token>`. */
  readonly token = input.required<string>();

  protected readonly view = signal<RsvpView | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<{ words: string; canRetry: boolean } | null>(null);

  protected readonly saving = signal<'yes' | 'no' | null>(null);
  protected readonly saveError = signal<string | null>(null);
  protected readonly thanks = signal<string | null>(null);
  /** After a No is saved: the optional "why" box. */
  protected readonly askWhy = signal(false);
  protected readonly sendingWhy = signal(false);
  protected readonly reason = new FormControl('', {
    nonNullable: true,
    validators: [Validators.maxLength(300)],
  });
  protected readonly whyForm = new FormGroup({ reason: this.reason });

  protected readonly sentenceStart = sentenceStart;
  protected readonly statusSentence = computed(() => {
    const words = this.view()?.statusWords;
    return words ? sentence(words) : '';
  });
  /** It has taken place and is finished: nothing more to answer. */
  protected readonly closedWords = computed(() =>
    this.view()?.kind === 'one_to_one'
      ? 'This chat has happened. Thank you for coming.'
      : 'This has happened and it is finished now. Thank you.',
  );
  protected readonly heading = computed(() =>
    this.view()?.answer ? 'Do you want to change your answer?' : 'Can you come?',
  );

  constructor() {
    merge(toObservable(this.token), this.retry$.pipe(map(() => this.token())))
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.loadError.set(null);
        }),
        switchMap((token) => {
          if (!token) {
            this.loadError.set(loadErrorWords(404));
            this.loading.set(false);
            return EMPTY;
          }
          return this.api.get(token).pipe(
            catchError((error: unknown) => {
              this.loadError.set(loadErrorWords(statusOf(error)));
              this.loading.set(false);
              return EMPTY;
            }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((view) => {
        this.view.set(view);
        this.loading.set(false);
      });
  }

  protected tryAgain(): void {
    this.retry$.next();
  }

  protected choose(answer: 'yes' | 'no'): void {
    if (this.saving() || this.sendingWhy()) return;
    this.saving.set(answer);
    this.saveError.set(null);
    this.thanks.set(null);
    this.askWhy.set(false);
    this.send(
      { answer, reason: null },
      () => this.saving.set(null),
      (view) => {
        this.thanks.set(thanksFor(view));
        if (view.answer === 'no') {
          this.reason.reset('');
          this.askWhy.set(true);
        }
        this.focus.later('#rsvp-thanks');
      },
    );
  }

  protected sendWhy(): void {
    if (this.sendingWhy() || this.saving()) return;
    if (this.reason.invalid) {
      this.reason.markAsTouched();
      return;
    }
    const reason = this.reason.value.trim();
    if (!reason) {
      this.askWhy.set(false);
      return;
    }
    this.sendingWhy.set(true);
    this.saveError.set(null);
    this.send(
      { answer: 'no', reason },
      () => this.sendingWhy.set(false),
      () => {
        this.askWhy.set(false);
        this.thanks.set('Thank you for telling us why. It helps us plan better.');
        this.focus.later('#rsvp-thanks');
      },
    );
  }

  private send(request: InvitationAnswerRequest, done: () => void, next: (view: RsvpView) => void): void {
    this.api
      .answer(this.token(), request)
      .pipe(finalize(done))
      .subscribe({
        next: (view) => {
          this.view.set(view);
          next(view);
        },
        error: (error: unknown) => {
          const status = statusOf(error);
          const problem = toProblem(error);
          const reasonMessage = problem.errors?.['reason']?.join(' ');
          if (status === 400 && reasonMessage) {
            this.reason.setErrors({ server: reasonMessage });
            this.reason.markAsTouched();
          }
          this.saveError.set(status === 400 && reasonMessage ? reasonMessage : saveErrorWords(status));
          // The invite may have changed under them (too late, taken back): show how it is now.
          if (status === 409 || status === 410 || status === 422) this.retry$.next();
        },
      });
  }
}

function statusOf(error: unknown): number {
  return error instanceof HttpErrorResponse ? error.status : -1;
}

function thanksFor(view: RsvpView): string {
  if (view.answer === 'yes') return 'Thank you! We have your answer.';
  if (view.answer === 'waiting_list')
    return 'Thank you! It is full right now, so you are on the waiting list.';
  return 'Thank you for telling us. We have your answer.';
}
