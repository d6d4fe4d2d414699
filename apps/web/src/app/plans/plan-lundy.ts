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
import {
  LUNDY_AREAS,
  LUNDY_AREA_LABELS,
  LUNDY_QUESTIONS,
  MAX_EVIDENCE_PER_ANSWER,
  MAX_EVIDENCE_WORDS,
  MAX_LUNDY_ANSWER,
} from '@heard/domain';
import type { LundyQuestion, PlanLundyAnswerView, PlanVersionResponse, ProblemDetails } from '@heard/domain';
import { ProblemAlert } from '@heard/ui';
import { fieldLabelsFor } from '../core/form-errors';
import { pageFocus } from '../core/focus';
import { saveForm } from '../core/save-form';
import { lundyFieldId } from './plan-words';
import { PlansApi } from './plans-api';

const evidenceControl = (words = '') =>
  new FormControl(words, { nonNullable: true, validators: [Validators.maxLength(MAX_EVIDENCE_WORDS)] });

/** One Lundy question: the answer and what shows it, saved on its own. */
@Component({
  selector: 'heard-plan-lundy-question',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './plans.scss',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, ProblemAlert],
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" novalidate [attr.data-lundy]="question().key">
      <fieldset>
        <legend>{{ question().question }}</legend>
        @if (problem(); as problem) {
          <heard-problem-alert [problem]="problem" [fieldLabels]="fieldLabels()" />
        }
        @if (editable()) {
          <mat-form-field>
            <mat-label>Our answer</mat-label>
            <textarea matInput formControlName="answer" rows="3" [id]="id('answer')"></textarea>
            <mat-error>{{
              form.controls.answer.getError('server') ?? 'Keep this under ' + maxAnswer + ' characters.'
            }}</mat-error>
          </mat-form-field>
          @for (e of form.controls.evidence.controls; track e; let i = $index) {
            <div class="evidence-row">
              <mat-form-field>
                <mat-label>Evidence {{ i + 1 }}: what shows this</mat-label>
                <textarea matInput [formControl]="e" rows="2" [id]="id('evidence-' + i)"></textarea>
                <mat-error>{{
                  e.getError('server') ?? 'Keep this under ' + maxEvidence + ' characters.'
                }}</mat-error>
              </mat-form-field>
              @if (form.controls.evidence.length > 1) {
                <button mat-button type="button" (click)="removeEvidence(i)">
                  Remove evidence {{ i + 1 }}
                </button>
              }
            </div>
          }
          <div class="heard-buttons">
            @if (form.controls.evidence.length < maxPieces) {
              <button mat-stroked-button type="button" (click)="addEvidence()">Add evidence</button>
            }
            <button mat-flat-button type="submit" [attr.aria-disabled]="saving()">
              {{ saving() ? 'Saving…' : 'Save this answer' }}
            </button>
          </div>
          @if (savedNote()) {
            <p role="status">Saved.</p>
          }
        } @else {
          <p>{{ answer()?.answer || 'Not answered.' }}</p>
          @if (answer()?.evidence?.length) {
            <ul>
              @for (e of answer()?.evidence; track $index) {
                <li>{{ e.words }}</li>
              }
            </ul>
          }
        }
      </fieldset>
    </form>
  `,
})
export class PlanLundyQuestion {
  private readonly api = inject(PlansApi);
  private readonly focus = pageFocus();

  readonly version = input.required<PlanVersionResponse>();
  readonly question = input.required<LundyQuestion>();
  readonly editable = input.required<boolean>();
  readonly saved = output<PlanVersionResponse>();
  readonly outdated = output<void>();

  protected readonly maxAnswer = MAX_LUNDY_ANSWER;
  protected readonly maxEvidence = MAX_EVIDENCE_WORDS;
  protected readonly maxPieces = MAX_EVIDENCE_PER_ANSWER;
  protected readonly saving = signal(false);
  protected readonly savedNote = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly fieldLabels = computed(() =>
    fieldLabelsFor(this.problem(), { answer: 'Our answer', evidence: 'Evidence' }),
  );
  protected readonly answer = computed<PlanLundyAnswerView | undefined>(() =>
    this.version().lundy.find((a) => a.questionKey === this.question().key),
  );

  protected readonly form = new FormGroup({
    answer: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(MAX_LUNDY_ANSWER)] }),
    evidence: new FormArray([evidenceControl()]),
  });

  constructor() {
    effect(() => {
      const answer = this.answer();
      untracked(() => {
        if (!this.form.pristine) return;
        const evidence = answer?.evidence.length ? answer.evidence.map((e) => e.words) : [''];
        this.form.controls.evidence.clear();
        for (const words of evidence) this.form.controls.evidence.push(evidenceControl(words));
        this.form.reset({ answer: answer?.answer ?? '', evidence });
      });
    });
  }

  protected id(field: string): string {
    return lundyFieldId(this.question().key, field);
  }

  protected addEvidence(): void {
    this.form.controls.evidence.push(evidenceControl());
    this.form.markAsDirty();
    this.focus.later(`#${this.id(`evidence-${this.form.controls.evidence.length - 1}`)}`);
  }

  protected removeEvidence(i: number): void {
    this.form.controls.evidence.removeAt(i);
    this.form.markAsDirty();
  }

  protected save(): void {
    this.savedNote.set(false);
    saveForm({
      form: this.form,
      focus: this.focus,
      saving: this.saving,
      problem: this.problem,
      within: `[data-lundy="${this.question().key}"]`,
      // Empty evidence boxes are left out: a piece of evidence says something.
      request: () =>
        this.api.saveLundyAnswer(this.version().id, this.question().key, {
          expectedUpdatedAt: this.version().updatedAt,
          answer: this.form.controls.answer.value,
          evidence: this.form.controls.evidence.value
            .filter((words) => words.trim() !== '')
            .map((words) => ({ words })),
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

/** The Lundy self-appraisal: every question of Space, Voice, Audience and Influence, by area. */
@Component({
  selector: 'heard-plan-lundy',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './plans.scss',
  imports: [PlanLundyQuestion],
  template: `
    @for (area of areas; track area) {
      <section class="plan-lundy-area" [attr.aria-labelledby]="'lundy-area-' + area">
        <h3 [id]="'lundy-area-' + area">{{ labels[area].title }}</h3>
        <p class="meta">{{ labels[area].meaning }}</p>
        @for (q of questionsOf(area); track q.key) {
          <heard-plan-lundy-question
            [version]="version()"
            [question]="q"
            [editable]="editable()"
            (saved)="saved.emit($event)"
            (outdated)="outdated.emit()"
          />
        }
      </section>
    }
  `,
})
export class PlanLundy {
  readonly version = input.required<PlanVersionResponse>();
  readonly editable = input.required<boolean>();
  readonly saved = output<PlanVersionResponse>();
  readonly outdated = output<void>();

  protected readonly areas = LUNDY_AREAS;
  protected readonly labels = LUNDY_AREA_LABELS;
  protected questionsOf(area: string): readonly LundyQuestion[] {
    return LUNDY_QUESTIONS.filter((q) => q.area === area);
  }
}
