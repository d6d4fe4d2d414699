import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { periodInWords } from '@heard/domain';
import type {
  ProblemDetails,
  RetentionKind,
  RetentionRunResponse,
  RetentionSettingResponse,
} from '@heard/domain';
import { PageHeader, ProblemAlert } from '@heard/ui';
import { pageFocus } from '../../core/focus';
import { toProblem } from '../../core/problem';
import { saveForm } from '../../core/save-form';
import { RetentionApi } from './retention-api';

type DaysForm = FormGroup<{ days: FormControl<number> }>;

/** One kind on the page: its rule and period, and the form that changes the period. */
interface KindView {
  setting: RetentionSettingResponse;
  form: DaysForm;
  saving: ReturnType<typeof signal<boolean>>;
  problem: ReturnType<typeof signal<ProblemDetails | null>>;
  status: ReturnType<typeof signal<string | null>>;
}

/**
 * Retention, for administrators: how long each kind of record is kept before the daily job
 * anonymises it, why, and within which bounds it may be set; and what the job did last time.
 */
@Component({
  selector: 'heard-retention-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    PageHeader,
    ProblemAlert,
  ],
  template: `
    <heard-page-header
      heading="Retention"
      subtitle="How long Heard keeps each kind of record before it is anonymised: history keeps that something happened, not who."
    />

    @if (problem(); as problem) {
      <heard-problem-alert [problem]="problem" />
    }
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading the retention periods" />
    } @else {
      <section class="last-run" aria-labelledby="last-run-heading">
        <h2 id="last-run-heading">Last run</h2>
        @if (lastRun(); as run) {
          <p>The daily job last ran on {{ run.startedAt | date: 'd MMMM y, HH:mm' }}. It anonymised:</p>
          <table>
            <caption class="cdk-visually-hidden">
              Records anonymised in the last run, by kind
            </caption>
            <thead>
              <tr>
                <th scope="col">Kind of record</th>
                <th scope="col">Anonymised</th>
              </tr>
            </thead>
            <tbody>
              @for (kind of kinds(); track kind.setting.kind) {
                <tr>
                  <th scope="row">{{ kind.setting.label }}</th>
                  <td>{{ run.counts[kind.setting.kind] }}</td>
                </tr>
              }
            </tbody>
          </table>
        } @else {
          <p>The daily job has not run yet. It runs every night from 2am.</p>
        }
      </section>

      @for (kind of kinds(); track kind.setting.kind) {
        <section
          [class]="'kind kind-' + kind.setting.kind"
          [attr.aria-labelledby]="'heading-' + kind.setting.kind"
        >
          <h2 [id]="'heading-' + kind.setting.kind">{{ kind.setting.label }}</h2>
          <dl>
            <dt>Kept now</dt>
            <dd class="current">{{ words(kind.setting.days) }} ({{ kind.setting.days }} days)</dd>
            <dt>Default</dt>
            <dd>{{ words(kind.setting.defaultDays) }} ({{ kind.setting.defaultDays }} days)</dd>
            <dt>Can be set</dt>
            <dd>
              From {{ words(kind.setting.minDays) }} to {{ words(kind.setting.maxDays) }} ({{
                kind.setting.minDays
              }}
              to {{ kind.setting.maxDays }} days)
            </dd>
            <dt>Counted from</dt>
            <dd>{{ kind.setting.countsFrom }}</dd>
            <dt>What happens then</dt>
            <dd>{{ kind.setting.whatHappens }}</dd>
            <dt>Why</dt>
            <dd>{{ kind.setting.reason }}</dd>
          </dl>
          <div role="status">
            @if (kind.status(); as status) {
              <p class="heard-status">{{ status }}</p>
            }
          </div>
          @if (kind.problem(); as problem) {
            <heard-problem-alert [problem]="problem" [fieldLabels]="{ days: 'Days to keep' }" />
          }
          <form [formGroup]="kind.form" (ngSubmit)="save(kind)" novalidate>
            <mat-form-field>
              <mat-label>Days to keep</mat-label>
              <input
                matInput
                type="number"
                inputmode="numeric"
                formControlName="days"
                [min]="kind.setting.minDays"
                [max]="kind.setting.maxDays"
              />
              <mat-error>
                @if (kind.form.controls.days.getError('server'); as message) {
                  {{ message }}
                } @else {
                  Give a whole number of days from {{ kind.setting.minDays }} to {{ kind.setting.maxDays }}.
                }
              </mat-error>
            </mat-form-field>
            <button mat-flat-button type="submit" [attr.aria-disabled]="kind.saving()">
              {{ kind.saving() ? 'Saving…' : 'Save' }}
            </button>
          </form>
        </section>
      }
    }
  `,
  styles: `
    section {
      margin-block: 24px;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
    }
    form {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: flex-start;
    }
    button {
      margin-top: 8px;
    }
    table {
      border-collapse: collapse;
    }
    th,
    td {
      text-align: left;
      padding: 4px 16px 4px 0;
    }
  `,
  host: { class: 'heard-page' },
})
export default class RetentionPage {
  private readonly api = inject(RetentionApi);
  private readonly focus = pageFocus();

  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly kinds = signal<KindView[]>([]);
  protected readonly lastRun = signal<RetentionRunResponse | null>(null);
  protected readonly words = periodInWords;

  constructor() {
    this.api
      .overview()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (overview) => {
          this.kinds.set(overview.kinds.map((setting) => this.viewOf(setting)));
          this.lastRun.set(overview.lastRun);
          this.loading.set(false);
        },
        error: (error: unknown) => {
          this.problem.set(toProblem(error));
          this.loading.set(false);
        },
      });
  }

  private viewOf(setting: RetentionSettingResponse): KindView {
    return {
      setting,
      form: new FormGroup({
        days: new FormControl(setting.days, {
          nonNullable: true,
          validators: [
            Validators.required,
            Validators.min(setting.minDays),
            Validators.max(setting.maxDays),
            Validators.pattern(/^\d+$/),
          ],
        }),
      }),
      saving: signal(false),
      problem: signal<ProblemDetails | null>(null),
      status: signal<string | null>(null),
    };
  }

  protected save(kind: KindView): void {
    const name: RetentionKind = kind.setting.kind;
    saveForm({
      form: kind.form,
      focus: this.focus,
      within: `.kind-${name}`,
      saving: kind.saving,
      problem: kind.problem,
      request: () => {
        kind.status.set(null);
        return this.api.set(name, Number(kind.form.getRawValue().days));
      },
      saved: (setting) => {
        this.kinds.update((all) => all.map((k) => (k.setting.kind === name ? { ...k, setting } : k)));
        kind.form.reset({ days: setting.days });
        kind.status.set(
          `Saved. ${setting.label}: kept for ${periodInWords(setting.days)} (${setting.days} days).`,
        );
      },
    });
  }
}
