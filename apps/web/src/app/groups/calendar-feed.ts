import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { CalendarFeedResponse, ProblemDetails } from '@heard/domain';
import { ProblemAlert } from '@heard/ui';
import { catchError, finalize, of, switchMap } from 'rxjs';
import { toProblem } from '../core/problem';
import { londonDate, shortDate } from '../core/dates';
import { CalendarFeedsApi } from './sessions-api';
import { pageFocus } from '../core/focus';

/**
 * "Subscribe in your calendar": makes a private calendar address (iCalendar feed) for one group's
 * sessions, or for all of the officer's groups when `groupId` is null. The address is shown once,
 * with a copy button; earlier addresses can be stopped here.
 */
@Component({
  selector: 'heard-calendar-feed',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, ProblemAlert],
  templateUrl: './calendar-feed.html',
  styleUrl: './calendar-feed.scss',
})
export class CalendarFeed {
  private readonly api = inject(CalendarFeedsApi);
  private readonly clipboard = inject(Clipboard);
  private readonly focus = pageFocus();

  /** The group whose sessions the feed shows; null for all the officer's sessions. */
  readonly groupId = input<string | null>(null);
  /** What the feed holds, in words: "this group's sessions". */
  readonly what = input('these sessions');

  protected readonly feeds = signal<CalendarFeedResponse[]>([]);
  protected readonly created = signal<CalendarFeedResponse | null>(null);
  protected readonly creating = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly status = signal<string | null>(null);
  private readonly busy = signal<ReadonlySet<string>>(new Set());

  /** Active feeds for this scope, other than one just made (which is shown with its address). */
  protected readonly active = computed(() =>
    this.feeds().filter(
      (feed) =>
        feed.revokedAt === null &&
        feed.id !== this.created()?.id &&
        (this.groupId() ? feed.scope === 'group' && feed.groupId === this.groupId() : feed.scope === 'mine'),
    ),
  );
  protected readonly madeOn = (feed: CalendarFeedResponse) => shortDate(londonDate(feed.createdAt));

  constructor() {
    toObservable(this.groupId)
      .pipe(
        switchMap(() => this.api.list().pipe(catchError(() => of([] as CalendarFeedResponse[])))),
        takeUntilDestroyed(),
      )
      .subscribe((feeds) => this.feeds.set(feeds));
  }

  protected create(): void {
    if (this.creating()) return;
    this.creating.set(true);
    this.problem.set(null);
    this.status.set(null);
    this.api
      .create(this.groupId())
      .pipe(finalize(() => this.creating.set(false)))
      .subscribe({
        next: (feed) => {
          this.created.set(feed);
          this.feeds.update((feeds) => [...feeds, feed]);
          this.focus.later('.feed-url input');
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  protected copy(url: string): void {
    const copied = this.clipboard.copy(url);
    this.status.set(
      copied
        ? 'The address is copied. Paste it into your calendar app.'
        : 'We could not copy the address. Select it and copy it yourself.',
    );
  }

  protected selectAll(event: Event): void {
    (event.target as HTMLInputElement).select();
  }

  protected isBusy(feed: CalendarFeedResponse): boolean {
    return this.busy().has(feed.id);
  }

  protected revoke(feed: CalendarFeedResponse): void {
    if (this.isBusy(feed)) return;
    this.busy.update((ids) => new Set([...ids, feed.id]));
    this.problem.set(null);
    this.api
      .revoke(feed.id)
      .pipe(
        finalize(() =>
          this.busy.update((ids) => {
            const next = new Set(ids);
            next.delete(feed.id);
            return next;
          }),
        ),
      )
      .subscribe({
        next: (revoked) => {
          this.feeds.update((feeds) => feeds.map((f) => (f.id === revoked.id ? revoked : f)));
          if (this.created()?.id === revoked.id) this.created.set(null);
          this.status.set('That calendar address no longer works. Calendars using it will stop updating.');
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
