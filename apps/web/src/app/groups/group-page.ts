import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { GroupResponse, ProblemDetails } from '@heard/domain';
import { PageHeader, ProblemAlert } from '@heard/ui';
import { Subject } from 'rxjs';
import { InPageNavigation } from '../core/in-page-navigation';
import { loadRecord } from '../core/load-record';
import { CalendarFeed } from './calendar-feed';
import { longDate } from '../core/dates';
import { GroupAttendanceTab } from './group-attendance-tab';
import { experiencesText } from './group-labels';
import { GroupMembersTab } from './group-members-tab';
import { GroupScheduleTab } from './group-schedule-tab';
import { GroupsApi } from './groups-api';
import { describeRrule } from './rrule-presets';

export const GROUP_TABS = ['members', 'schedule', 'attendance'] as const;
export type GroupTab = (typeof GROUP_TABS)[number];

/** A group: what it is, then its members, schedule and attendance in tabs. */
@Component({
  selector: 'heard-group-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    MatTabsModule,
    PageHeader,
    ProblemAlert,
    CalendarFeed,
    GroupMembersTab,
    GroupScheduleTab,
    GroupAttendanceTab,
  ],
  templateUrl: './group-page.html',
  styleUrl: './group-page.scss',
  host: { class: 'heard-page' },
})
export default class GroupPage {
  private readonly api = inject(GroupsApi);
  private readonly route = inject(ActivatedRoute);
  private readonly inPage = inject(InPageNavigation);
  private readonly router = inject(Router);
  private readonly reload$ = new Subject<void>();

  readonly id = input.required<string>();

  protected readonly group = signal<GroupResponse | null>(null);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly status = signal<string | null>(
    (this.router.currentNavigation()?.extras.state?.['status'] as string | undefined) ?? null,
  );
  protected readonly tabIndex = signal(
    Math.max(0, GROUP_TABS.indexOf(this.route.snapshot.queryParamMap.get('tab') as GroupTab)),
  );

  protected readonly experiences = computed(() => experiencesText(this.group()?.serviceExperiences ?? []));
  protected readonly patternText = computed(() => {
    const pattern = this.group()?.pattern;
    if (!pattern) return 'No regular pattern. Sessions are added one at a time.';
    return `${describeRrule(pattern.rrule)}, ${pattern.startTime} for ${pattern.durationMinutes} minutes, from ${longDate(pattern.startsOn)}`;
  });

  constructor() {
    loadRecord(
      this.id,
      (id) => this.api.get(id),
      { loading: this.loading, problem: this.problem },
      {
        when: this.reload$,
        showLoading: false,
      },
    )
      .pipe(takeUntilDestroyed())
      .subscribe((group) => {
        this.group.set(group);
        this.loading.set(false);
      });
  }

  /** A tab changed the group (e.g. an exception was added): fetch it again. */
  protected refresh(): void {
    this.reload$.next();
  }

  /** Keeps the open tab in the address, so Back and reloading return to it. */
  protected selectTab(index: number): void {
    this.tabIndex.set(index);
    void this.inPage.setQueryParams(
      this.route,
      { tab: index === 0 ? null : GROUP_TABS[index] },
      {
        replaceUrl: true,
      },
    );
  }
}
