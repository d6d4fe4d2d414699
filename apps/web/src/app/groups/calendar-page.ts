import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { OCCASION_KIND_LABELS, addDays, todayInLondon } from '@heard/domain';
import type { CalendarOccasion, IsoDate, ProblemDetails } from '@heard/domain';
import { EmptyState, PageHeader, ProblemAlert } from '@heard/ui';
import { catchError, map, of, switchMap, tap } from 'rxjs';
import { InPageNavigation } from '../core/in-page-navigation';
import { toProblem } from '../core/problem';
import { CalendarFeed } from './calendar-feed';
import { dayHeading, groupByDay, londonTime, mondayOf, validIsoDate, weekRange } from '../core/dates';
import { CalendarApi } from './sessions-api';

/** The week an address asks for (any date in it), or this week. */
export function weekFromParam(value: string | null | undefined, today: IsoDate): IsoDate {
  return mondayOf(validIsoDate(value) ?? today);
}

/** Where an occasion on the calendar is looked after. */
export function occasionLink(occasion: CalendarOccasion): string[] {
  switch (occasion.kind) {
    case 'activity_day':
      return ['/activities', occasion.id];
    case 'group_session':
      return ['/groups/sessions', occasion.id];
    default:
      return ['/one-to-ones'];
  }
}

/** Every activity day, group session and one-to-one, a week at a time, grouped by day. */
@Component({
  selector: 'heard-calendar-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    PageHeader,
    EmptyState,
    ProblemAlert,
    CalendarFeed,
  ],
  templateUrl: './calendar-page.html',
  styleUrl: './calendar-page.scss',
  host: { class: 'heard-page' },
})
export default class CalendarPage {
  private readonly api = inject(CalendarApi);
  private readonly route = inject(ActivatedRoute);
  private readonly inPage = inject(InPageNavigation);

  protected readonly today = todayInLondon();
  protected readonly monday = toSignal(
    this.route.queryParamMap.pipe(map((params) => weekFromParam(params.get('week'), this.today))),
    { initialValue: mondayOf(this.today) },
  );
  protected readonly range = computed(() => weekRange(this.monday()));
  protected readonly isThisWeek = computed(() => this.monday() === mondayOf(this.today));

  protected readonly occasions = signal<CalendarOccasion[]>([]);
  protected readonly days = computed(() =>
    groupByDay([...this.occasions()].sort((a, b) => a.startsAt.localeCompare(b.startsAt))),
  );
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected readonly dayHeading = dayHeading;
  protected readonly kindLabels = OCCASION_KIND_LABELS;
  protected readonly link = occasionLink;
  protected readonly time = (occasion: CalendarOccasion) =>
    `${londonTime(occasion.startsAt)} to ${londonTime(occasion.endsAt)}`;

  constructor() {
    toObservable(this.monday)
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.problem.set(null);
        }),
        switchMap((monday) =>
          this.api.week({ from: monday, to: addDays(monday, 6) }).pipe(
            catchError((error: unknown) => {
              this.problem.set(toProblem(error));
              return of([] as CalendarOccasion[]);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((occasions) => {
        this.occasions.set(occasions);
        this.loading.set(false);
      });
  }

  protected previous(): void {
    this.goTo(addDays(this.monday(), -7));
  }

  protected next(): void {
    this.goTo(addDays(this.monday(), 7));
  }

  protected thisWeek(): void {
    this.goTo(mondayOf(this.today));
  }

  private goTo(monday: IsoDate): void {
    void this.inPage.setQueryParams(this.route, { week: monday === mondayOf(this.today) ? null : monday });
  }
}
