import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ACKNOWLEDGEMENT_NOTE_MAX } from '@heard/domain';
import type { ProblemDetails, WorryResponse } from '@heard/domain';
import { PageHeader, ProblemAlert } from '@heard/ui';
import { toProblem } from '../core/problem';
import { WorriesApi } from './worries-api';
import { WorryDetails } from './worry-details';

/** One worry, for a safeguarding contact (the API refuses everyone else): read, then acknowledged once. */
@Component({
  selector: 'heard-worry-page',
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
    WorryDetails,
  ],
  template: `
    <heard-page-header
      heading="A worry"
      subtitle="Only safeguarding contacts see this. Every time it is opened is recorded."
    />
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading the worry" />
    }
    @if (problem(); as problem) {
      <heard-problem-alert [problem]="problem" />
    }
    @if (worry(); as worry) {
      <heard-worry-details [worry]="worry" />
      @if (worry.acknowledgedAt) {
        <p class="acknowledged" role="status">
          Acknowledged by {{ worry.acknowledgedBy?.displayName }} on
          {{ worry.acknowledgedAt | date: 'd MMMM y, HH:mm' }}.
          @if (worry.acknowledgementNote) {
            Note: {{ worry.acknowledgementNote }}
          }
        </p>
      } @else {
        <form [formGroup]="form" (ngSubmit)="acknowledge(worry.id)" novalidate>
          <div class="heard-form">
            <mat-form-field>
              <mat-label>Note (optional)</mat-label>
              <textarea matInput formControlName="note" rows="3" [attr.maxlength]="noteMax"></textarea>
              <mat-hint>What you are doing about it, for the other contacts.</mat-hint>
            </mat-form-field>
          </div>
          <button mat-flat-button type="submit" [disabled]="saving()">Acknowledge</button>
        </form>
      }
    }
  `,
  host: { class: 'heard-page' },
})
export default class WorryPage {
  private readonly api = inject(WorriesApi);

  readonly id = input.required<string>();

  protected readonly noteMax = ACKNOWLEDGEMENT_NOTE_MAX;
  protected readonly note = new FormControl('', {
    nonNullable: true,
    validators: [Validators.maxLength(ACKNOWLEDGEMENT_NOTE_MAX)],
  });
  protected readonly form = new FormGroup({ note: this.note });
  protected readonly worry = signal<WorryResponse | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly saving = signal(false);
  protected readonly loading = computed(() => this.worry() === null && this.problem() === null);

  constructor() {
    // Read once per id: every read is audited, so nothing here reloads it behind the person's back.
    effect(() => {
      const id = this.id();
      this.api.get(id).subscribe({
        next: (worry) => this.worry.set(worry),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
    });
  }

  protected acknowledge(id: string): void {
    this.saving.set(true);
    this.problem.set(null);
    this.api.acknowledge(id, this.note.value.trim() || null).subscribe({
      next: (worry) => {
        this.worry.set(worry);
        this.saving.set(false);
      },
      error: (error: unknown) => {
        this.problem.set(toProblem(error));
        this.saving.set(false);
      },
    });
  }
}
