import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { GroupAttendance, ProblemDetails } from '@heard/domain';
import { EmptyState, ProblemAlert } from '@heard/ui';
import { catchError, of, switchMap, tap } from 'rxjs';
import { toProblem } from '../core/problem';
import { formatRate } from './attendance-format';
import { GroupsApi } from './groups-api';

/** Each member's attendance at the group's sessions so far. */
@Component({
  selector: 'heard-group-attendance-tab',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatProgressBarModule, EmptyState, ProblemAlert],
  templateUrl: './group-attendance-tab.html',
  styleUrl: './group-attendance-tab.scss',
})
export class GroupAttendanceTab {
  readonly groupId = input.required<string>();

  protected readonly attendance = signal<GroupAttendance | null>(null);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly formatRate = formatRate;

  constructor() {
    const api = inject(GroupsApi);
    toObservable(this.groupId)
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.problem.set(null);
        }),
        switchMap((id) =>
          api.attendance(id).pipe(
            catchError((error: unknown) => {
              this.problem.set(toProblem(error));
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((attendance) => {
        this.attendance.set(attendance);
        this.loading.set(false);
      });
  }
}
