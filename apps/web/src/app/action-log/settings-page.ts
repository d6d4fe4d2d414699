import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ACKNOWLEDGE_DAYS_RANGE } from '@heard/domain';
import type { ActionLogListKind, ProblemDetails } from '@heard/domain';
import { PageHeader, ProblemAlert } from '@heard/ui';
import { pageFocus } from '../core/focus';
import { toProblem } from '../core/problem';
import { saveForm } from '../core/save-form';
import { ACTION_LOG_URL, ActionLogApi } from './action-log-api';
import { type KeptListWords, ListEntriesEditor } from '../shared/list-entries-editor';

const WORDS: Readonly<Record<ActionLogListKind, KeptListWords>> = {
  services: {
    one: 'service',
    heading: 'Services',
    help: 'The services an item can be about. A retired service stays on the items that name it but is no longer offered.',
  },
  themes: {
    one: 'theme',
    heading: 'Themes',
    help: 'The themes items are filed under. A retired theme stays on the items that name it but is no longer offered.',
  },
};

/** The log's settings, for administrators: how soon items are acknowledged, and its services and themes. */
@Component({
  selector: 'heard-action-log-settings-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    PageHeader,
    ProblemAlert,
    ListEntriesEditor,
  ],
  template: `
    <heard-page-header
      heading="You said settings"
      subtitle="How soon every new item must be acknowledged, and the lists items are filed under."
    />

    <section class="acknowledge" aria-labelledby="acknowledge-heading">
      <h2 id="acknowledge-heading">Acknowledging items</h2>
      <p class="help">
        An officer must acknowledge each new item within this many working days. Weekends and England and
        Wales bank holidays are not counted. Items not acknowledged in time are shown as overdue.
      </p>
      <div role="status">
        @if (status(); as status) {
          <p class="heard-status">{{ status }}</p>
        }
      </div>
      @if (problem(); as problem) {
        <heard-problem-alert
          [problem]="problem"
          [fieldLabels]="{ acknowledgeWithinWorkingDays: 'Working days to acknowledge' }"
        />
      }
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading the settings" />
      } @else {
        <form [formGroup]="form" (ngSubmit)="save()" novalidate>
          <mat-form-field>
            <mat-label>Working days to acknowledge</mat-label>
            <input
              matInput
              type="number"
              inputmode="numeric"
              formControlName="acknowledgeWithinWorkingDays"
              [min]="range.min"
              [max]="range.max"
            />
            <mat-hint
              >From {{ range.min }} to {{ range.max }}. It applies to items recorded from now on.</mat-hint
            >
            <mat-error>
              @if (form.controls.acknowledgeWithinWorkingDays.getError('server'); as message) {
                {{ message }}
              } @else {
                Give a whole number of working days from {{ range.min }} to {{ range.max }}.
              }
            </mat-error>
          </mat-form-field>
          <button mat-flat-button type="submit" [attr.aria-disabled]="saving()">
            {{ saving() ? 'Saving…' : 'Save' }}
          </button>
        </form>
      }
    </section>

    <heard-list-entries-editor kind="services" [url]="urls.services" [words]="words.services" />
    <heard-list-entries-editor kind="themes" [url]="urls.themes" [words]="words.themes" />
  `,
  styles: `
    form {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: flex-start;
    }
    button {
      margin-top: 8px;
    }
  `,
  host: { class: 'heard-page' },
})
export default class ActionLogSettingsPage {
  private readonly api = inject(ActionLogApi);
  private readonly focus = pageFocus();

  protected readonly range = ACKNOWLEDGE_DAYS_RANGE;
  protected readonly words = WORDS;
  protected readonly urls: Readonly<Record<ActionLogListKind, string>> = {
    services: `${ACTION_LOG_URL}/services`,
    themes: `${ACTION_LOG_URL}/themes`,
  };
  protected readonly loading = signal(true);
  protected readonly saving = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly status = signal<string | null>(null);
  protected readonly form = new FormGroup({
    acknowledgeWithinWorkingDays: new FormControl(2, {
      nonNullable: true,
      validators: [
        Validators.required,
        Validators.min(ACKNOWLEDGE_DAYS_RANGE.min),
        Validators.max(ACKNOWLEDGE_DAYS_RANGE.max),
        Validators.pattern(/^\d+$/),
      ],
    }),
  });

  constructor() {
    this.api
      .settings()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (settings) => {
          this.form.reset(settings);
          this.loading.set(false);
        },
        error: (error: unknown) => {
          this.problem.set(toProblem(error));
          this.loading.set(false);
        },
      });
  }

  protected save(): void {
    saveForm({
      form: this.form,
      focus: this.focus,
      within: '.acknowledge',
      saving: this.saving,
      problem: this.problem,
      request: () => {
        this.status.set(null);
        return this.api.saveSettings({
          acknowledgeWithinWorkingDays: Number(this.form.getRawValue().acknowledgeWithinWorkingDays),
        });
      },
      saved: (settings) => {
        this.form.reset(settings);
        const days = settings.acknowledgeWithinWorkingDays;
        this.status.set(
          `Saved. New items must be acknowledged within ${days} working ${days === 1 ? 'day' : 'days'}.`,
        );
      },
    });
  }
}
