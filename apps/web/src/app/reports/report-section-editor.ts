import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { planDocumentFromMarkup, planMarkupOf, reportCount } from '@heard/domain';
import type { ProblemDetails, ReportResponse, ReportSection } from '@heard/domain';
import { ProblemAlert } from '@heard/ui';
import { startWith } from 'rxjs';
import { pageFocus } from '../core/focus';
import { saveForm } from '../core/save-form';
import { planTextValidator } from '../plans/plan-text-field';
import { PlanDocumentView } from '../plans/view/plan-document-view';
import { ReportsApi } from './reports-api';

/**
 * One section of a report: its text typed in the plan's markup (plan-text-field.ts, the plan's
 * validator), previewed by the plan's document view, and saved over the report's version (409 when
 * someone saved since). The figures drawn from the data show beside it, not edited.
 */
@Component({
  selector: 'heard-report-section-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ProblemAlert,
    PlanDocumentView,
  ],
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" novalidate [attr.data-section-form]="section().key">
      @if (problem(); as problem) {
        <heard-problem-alert [problem]="problem" [fieldLabels]="{ text: 'Text of ' + section().title }" />
      }
      <mat-form-field>
        <mat-label>Text of {{ section().title }}</mat-label>
        <textarea matInput formControlName="text" rows="8" [id]="'report-' + section().key"></textarea>
        <mat-error>{{ errorOf() }}</mat-error>
      </mat-form-field>
      <h3>Preview</h3>
      <div class="plan-preview"><heard-plan-document [document]="doc()" [headingBase]="3" /></div>
      @for (table of section().tables; track table.caption) {
        <table class="heard-table">
          <caption>
            {{
              table.caption
            }}
          </caption>
          <thead>
            <tr>
              @for (c of table.columns; track $index) {
                <th scope="col">{{ c }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (row of table.rows; track $index) {
              <tr>
                <th scope="row">{{ row.label }}</th>
                @for (v of row.values; track $index) {
                  <td>{{ count(v) }}</td>
                }
              </tr>
            }
          </tbody>
        </table>
      }
      <div class="heard-buttons">
        <button mat-flat-button type="submit" [attr.aria-disabled]="saving()">
          {{ saving() ? 'Saving…' : 'Save this section' }}
        </button>
      </div>
      <p role="status">{{ savedNote() ? 'Saved.' : '' }}</p>
    </form>
  `,
})
export class ReportSectionEditor {
  private readonly api = inject(ReportsApi);
  private readonly focus = pageFocus();

  readonly report = input.required<ReportResponse>();
  readonly section = input.required<ReportSection>();
  readonly saved = output<ReportResponse>();

  protected readonly saving = signal(false);
  protected readonly savedNote = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly count = reportCount;
  protected readonly form = new FormGroup({
    text: new FormControl('', { nonNullable: true, validators: [planTextValidator] }),
  });
  private readonly typed = toSignal(
    this.form.controls.text.valueChanges.pipe(startWith(this.form.controls.text.value)),
    { requireSync: true },
  );
  protected readonly doc = computed(() => planDocumentFromMarkup(this.typed()));

  constructor() {
    // The saved text comes into the box unless the officer is typing in it.
    effect(() => {
      const section = this.section();
      untracked(() => {
        if (this.form.pristine) this.form.reset({ text: planMarkupOf(section.text) });
      });
    });
  }

  protected errorOf(): string {
    const control = this.form.controls.text;
    return (
      (control.getError('server') as string | null) ?? (control.getError('planText') as string | null) ?? ''
    );
  }

  protected save(): void {
    this.savedNote.set(false);
    saveForm({
      form: this.form,
      focus: this.focus,
      saving: this.saving,
      problem: this.problem,
      within: `[data-section-form="${this.section().key}"]`,
      request: () =>
        this.api.saveSection(this.report().id, this.section().key, {
          version: this.report().version,
          text: planDocumentFromMarkup(this.form.controls.text.value),
        }),
      saved: (report) => {
        this.savedNote.set(true);
        this.saved.emit(report);
      },
    });
  }
}
