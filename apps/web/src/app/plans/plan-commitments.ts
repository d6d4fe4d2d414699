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
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { MAX_ACTION_WORDS, MAX_ACTION_YOUNG_WORDS, MAX_PLAN_COMMITMENTS } from '@heard/domain';
import type {
  ActionLogListEntry,
  PlanCommitmentView,
  PlanVersionResponse,
  ProblemDetails,
} from '@heard/domain';
import { ProblemAlert } from '@heard/ui';
import { ActionLogApi } from '../action-log/action-log-api';
import { fieldLabelsFor } from '../core/form-errors';
import { pageFocus } from '../core/focus';
import { toProblem } from '../core/problem';
import { saveForm } from '../core/save-form';
import { StaffPicker } from '../staff/staff-picker';
import { UUID } from '../young-people/young-person-form';
import { PlansApi } from './plans-api';

function commitmentGroup(c?: PlanCommitmentView) {
  return new FormGroup({
    words: new FormControl(c?.words ?? '', {
      nonNullable: true,
      validators: [Validators.maxLength(MAX_ACTION_WORDS)],
    }),
    childWords: new FormControl(c?.childWords ?? '', {
      nonNullable: true,
      validators: [Validators.maxLength(MAX_ACTION_YOUNG_WORDS)],
    }),
    ownerId: new FormControl(c?.owner?.id ?? '', {
      nonNullable: true,
      validators: [Validators.pattern(UUID)],
    }),
    dueOn: new FormControl(c?.dueOn ?? '', { nonNullable: true }),
    themeId: new FormControl(c?.themeId ?? '', { nonNullable: true }),
  });
}

const LABELS = {
  commitments: 'Commitments',
  words: 'What will be done',
  childWords: 'In words a young person understands',
  ownerId: 'Who will do it',
  dueOn: 'Done by',
  themeId: 'Theme',
};

/**
 * Next year's commitments, edited and saved as one list. Each becomes a We will in the action log
 * when the plan is published, so it needs someone to do it and a date in the plan's year; what is
 * still missing is listed with the plan's gaps rather than refused here, so a half-written list
 * can be kept.
 */
@Component({
  selector: 'heard-plan-commitments',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './plans.scss',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ProblemAlert,
    RouterLink,
    StaffPicker,
  ],
  template: `
    @if (editable()) {
      <form [formGroup]="form" (ngSubmit)="save()" novalidate data-commitments>
        @if (problem(); as problem) {
          <heard-problem-alert [problem]="problem" [fieldLabels]="fieldLabels()" />
        }
        @if (themesProblem(); as themesProblem) {
          <heard-problem-alert [problem]="themesProblem" />
        }
        <ol class="plan-commitments" formArrayName="commitments">
          @for (c of form.controls.commitments.controls; track c; let i = $index) {
            <li [formGroupName]="i">
              <fieldset>
                <legend>Commitment {{ i + 1 }}</legend>
                <mat-form-field>
                  <mat-label>What will be done</mat-label>
                  <textarea
                    matInput
                    formControlName="words"
                    rows="2"
                    [id]="'commitment-' + i + '-words'"
                  ></textarea>
                  <mat-error>{{
                    c.controls.words.getError('server') ?? 'Keep this under ' + max.words + ' characters.'
                  }}</mat-error>
                </mat-form-field>
                <mat-form-field>
                  <mat-label>In words a young person understands</mat-label>
                  <textarea
                    matInput
                    formControlName="childWords"
                    rows="2"
                    [id]="'commitment-' + i + '-childWords'"
                  ></textarea>
                  <mat-error>{{
                    c.controls.childWords.getError('server') ??
                      'Keep this under ' + max.childWords + ' characters.'
                  }}</mat-error>
                </mat-form-field>
                <heard-staff-picker
                  [control]="c.controls.ownerId"
                  [inputId]="'commitment-' + i + '-ownerId'"
                  [knownNames]="owners()"
                  label="Who will do it"
                />
                <mat-form-field>
                  <mat-label>Done by</mat-label>
                  <input matInput type="date" formControlName="dueOn" [id]="'commitment-' + i + '-dueOn'" />
                  <mat-hint>A date in the plan’s year.</mat-hint>
                  <mat-error>{{ c.controls.dueOn.getError('server') }}</mat-error>
                </mat-form-field>
                <mat-form-field>
                  <mat-label>Theme</mat-label>
                  <mat-select formControlName="themeId" [id]="'commitment-' + i + '-themeId'">
                    <mat-option value="">No theme</mat-option>
                    @for (t of themes(); track t.id) {
                      @if (!t.retired || t.id === c.controls.themeId.value) {
                        <mat-option [value]="t.id">{{ t.name }}</mat-option>
                      }
                    }
                  </mat-select>
                  <mat-error>{{ c.controls.themeId.getError('server') }}</mat-error>
                </mat-form-field>
                <button mat-button type="button" (click)="remove(i)">Remove commitment {{ i + 1 }}</button>
              </fieldset>
            </li>
          }
        </ol>
        <div class="heard-buttons">
          @if (form.controls.commitments.length < max.commitments) {
            <button mat-stroked-button type="button" id="commitments-add" (click)="add()">
              Add a commitment
            </button>
          }
          <button mat-flat-button type="submit" [attr.aria-disabled]="saving()">
            {{ saving() ? 'Saving…' : 'Save the commitments' }}
          </button>
        </div>
        @if (savedNote()) {
          <p role="status">Saved.</p>
        }
      </form>
    } @else if (version().commitments.length === 0) {
      <p>No commitments.</p>
    } @else {
      <ol class="plan-commitments">
        @for (c of version().commitments; track $index) {
          <li>
            <p>{{ c.words }}</p>
            <p><strong>For young people:</strong> {{ c.childWords }}</p>
            <p class="meta">
              {{ c.owner?.displayName ?? 'No one yet' }} · by {{ c.dueOn ?? 'no date yet' }}
              @if (c.actionId) {
                · <a [routerLink]="['/action-log/actions', c.actionId]">its We will in the action log</a>
              }
            </p>
          </li>
        }
      </ol>
    }
  `,
})
export class PlanCommitments {
  private readonly api = inject(PlansApi);
  private readonly focus = pageFocus();

  readonly version = input.required<PlanVersionResponse>();
  readonly editable = input.required<boolean>();
  readonly saved = output<PlanVersionResponse>();
  readonly outdated = output<void>();

  private readonly actionLog = inject(ActionLogApi);
  protected readonly themes = signal<ActionLogListEntry[]>([]);
  protected readonly themesProblem = signal<ProblemDetails | null>(null);
  private themesAsked = false;
  protected readonly max = {
    words: MAX_ACTION_WORDS,
    childWords: MAX_ACTION_YOUNG_WORDS,
    commitments: MAX_PLAN_COMMITMENTS,
  };
  protected readonly saving = signal(false);
  protected readonly savedNote = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly fieldLabels = computed(() =>
    fieldLabelsFor(this.problem(), LABELS, { commitments: 'Commitment' }),
  );
  /** The owners' names, so a saved owner shows by name rather than by id. */
  protected readonly owners = computed(
    () =>
      new Map(
        this.version()
          .commitments.flatMap((c) => (c.owner ? [c.owner] : []))
          .map((o) => [o.id, o.displayName] as const),
      ),
  );

  protected readonly form = new FormGroup({ commitments: new FormArray([commitmentGroup()]) });

  constructor() {
    // The themes are only needed to edit: a leader reading the plan is not sent for them.
    effect(() => {
      if (!this.editable() || this.themesAsked) return;
      this.themesAsked = true;
      this.actionLog.listEntries('themes').subscribe({
        next: (themes) => this.themes.set(themes),
        error: (error: unknown) =>
          this.themesProblem.set({
            ...toProblem(error),
            detail: `We could not load the themes, so you cannot choose one just now. ${toProblem(error).detail}`,
          }),
      });
    });
    effect(() => {
      const commitments = this.version().commitments;
      untracked(() => {
        if (!this.form.pristine) return;
        const list = this.form.controls.commitments;
        list.clear();
        for (const c of commitments) list.push(commitmentGroup(c));
        this.form.markAsPristine();
      });
    });
  }

  protected add(): void {
    this.form.controls.commitments.push(commitmentGroup());
    this.form.markAsDirty();
    this.focus.later(`#commitment-${this.form.controls.commitments.length - 1}-words`);
  }

  protected remove(i: number): void {
    this.form.controls.commitments.removeAt(i);
    this.form.markAsDirty();
  }

  protected save(): void {
    this.savedNote.set(false);
    saveForm({
      form: this.form,
      focus: this.focus,
      saving: this.saving,
      problem: this.problem,
      within: '[data-commitments]',
      request: () =>
        this.api.saveCommitments(this.version().id, {
          expectedUpdatedAt: this.version().updatedAt,
          commitments: this.form.controls.commitments.getRawValue().map((c) => ({
            words: c.words,
            childWords: c.childWords,
            ownerId: c.ownerId.trim() || null,
            dueOn: c.dueOn || null,
            themeId: c.themeId || null,
          })),
        }),
      refused: (problem) => {
        if (problem.status === 409) this.outdated.emit();
        return false;
      },
      saved: (version) => {
        this.savedNote.set(true);
        this.saved.emit(version);
      },
    });
  }
}
