import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { todayInLondon } from '@heard/domain';
import type { AgeingOutEntry, ProblemDetails } from '@heard/domain';
import { EmptyState, PageHeader, ProblemAlert } from '@heard/ui';
import { catchError, map, of, switchMap, tap } from 'rxjs';
import { InPageNavigation } from '../core/in-page-navigation';
import { toProblem } from '../core/problem';
import { longDate, validIsoDate } from '../core/dates';
import { GroupsApi } from './groups-api';

/** Members who no longer fit their group on a date (usually by age), with the group they fit next. */
@Component({
  selector: 'heard-ageing-out-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatTableModule,
    PageHeader,
    EmptyState,
    ProblemAlert,
  ],
  templateUrl: './ageing-out-page.html',
  styleUrl: './ageing-out-page.scss',
  host: { class: 'heard-page' },
})
export default class AgeingOutPage {
  private readonly api = inject(GroupsApi);
  private readonly route = inject(ActivatedRoute);
  private readonly inPage = inject(InPageNavigation);

  protected readonly today = todayInLondon();
  protected readonly columns = ['person', 'group', 'reasons', 'suggested'];
  protected readonly longDate = longDate;
  protected readonly on = toSignal(
    this.route.queryParamMap.pipe(map((params) => validIsoDate(params.get('on')) ?? this.today)),
    { initialValue: this.today },
  );
  protected readonly date = new FormControl(this.today, {
    nonNullable: true,
    validators: [Validators.required],
  });
  protected readonly form = new FormGroup({ on: this.date });

  protected readonly entries = signal<AgeingOutEntry[] | null>(null);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);

  constructor() {
    toObservable(this.on)
      .pipe(
        tap((on) => {
          this.date.setValue(on, { emitEvent: false });
          this.loading.set(true);
          this.problem.set(null);
        }),
        switchMap((on) =>
          this.api.ageingOut(on).pipe(
            catchError((error: unknown) => {
              this.problem.set(toProblem(error));
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((entries) => {
        this.entries.set(entries);
        this.loading.set(false);
      });
  }

  protected check(): void {
    const on = validIsoDate(this.date.value);
    if (!on) {
      this.date.setErrors({ required: true });
      this.date.markAsTouched();
      return;
    }
    void this.inPage.setQueryParams(this.route, { on: on === this.today ? null : on });
  }
}
