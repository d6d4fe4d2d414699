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
import { PLAN_SECTIONS, planDocumentFromMarkup, planMarkupOf, planPlainText } from '@heard/domain';
import type {
  PlanFiguresResponse,
  PlanSectionView,
  PlanVersionResponse,
  ProblemDetails,
} from '@heard/domain';
import { ProblemAlert } from '@heard/ui';
import { finalize, startWith } from 'rxjs';
import { fieldLabelsFor } from '../core/form-errors';
import { pageFocus } from '../core/focus';
import { toProblem } from '../core/problem';
import { saveForm } from '../core/save-form';
import { PlanDocumentView } from './view/plan-document-view';
import { PlanFiguresTable } from './plan-figures-table';
import { PlanPictureAdded, PlanPictureUpload } from './plan-picture-upload';
import { PlanReadingLevel } from './plan-reading-level';
import { planTextValidator } from './plan-text-field';
import { periodWords } from './plan-words';
import { PlansApi } from './plans-api';

const LABELS = { professional: 'Professional text', childFriendly: 'Child-friendly text' };

/**
 * One section's two texts: typed in the plan's small markup, previewed as the public will read
 * them, the child-friendly one measured as it is typed, and saved together. Section C can be
 * filled from the data for the officer to edit. A read-only version shows the texts alone.
 */
@Component({
  selector: 'heard-plan-section-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './plans.scss',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ProblemAlert,
    PlanDocumentView,
    PlanFiguresTable,
    PlanReadingLevel,
    PlanPictureUpload,
  ],
  template: `
    @if (editable()) {
      <form [formGroup]="form" (ngSubmit)="save()" novalidate [attr.data-section-form]="section().key">
        @if (rule().assembled) {
          <div class="heard-buttons">
            <button mat-stroked-button type="button" [attr.aria-disabled]="filling()" (click)="fill()">
              {{ filling() ? 'Filling…' : 'Fill from the data' }}
            </button>
          </div>
          @if (figuresProblem(); as figuresProblem) {
            <heard-problem-alert [problem]="figuresProblem" />
          }
          @if (figures(); as f) {
            <p role="status">
              Both texts now hold a first draft from the figures below. Check it, say what it means, then
              save.
            </p>
            <heard-plan-figures-table
              [figures]="f.figures"
              [caption]="periodWords(f.period)"
              [versionId]="version().id"
            />
          }
        }
        @if (problem(); as problem) {
          <heard-problem-alert [problem]="problem" [fieldLabels]="fieldLabels()" />
          @if (stale()) {
            <p class="heard-buttons">
              <button mat-stroked-button type="button" (click)="useSaved()">
                Show the saved texts instead of mine
              </button>
            </p>
          }
        }
        <div class="plan-texts">
          <div class="plan-text">
            <mat-form-field>
              <mat-label>Professional text</mat-label>
              <textarea
                matInput
                formControlName="professional"
                rows="10"
                [id]="fieldId('professional')"
              ></textarea>
              <mat-error>{{ errorOf('professional') }}</mat-error>
            </mat-form-field>
            <h3>Preview of the professional text</h3>
            <div class="plan-preview">
              <heard-plan-document [document]="professionalDoc()" [headingBase]="3" pictures="staff" />
            </div>
          </div>
          <div class="plan-text">
            <mat-form-field>
              <mat-label>Child-friendly text</mat-label>
              <textarea
                matInput
                formControlName="childFriendly"
                rows="10"
                [id]="fieldId('childFriendly')"
              ></textarea>
              <mat-error>{{ errorOf('childFriendly') }}</mat-error>
            </mat-form-field>
            <heard-plan-reading-level [text]="childPlain()" />
            <h3>Preview of the child-friendly text</h3>
            <div class="plan-preview">
              <heard-plan-document [document]="childDoc()" [headingBase]="3" pictures="staff" />
            </div>
          </div>
        </div>
        <heard-plan-picture-upload (added)="addPicture($event)" />
        <div class="heard-buttons">
          <button mat-flat-button type="submit" [attr.aria-disabled]="saving()">
            {{ saving() ? 'Saving…' : 'Save both texts' }}
          </button>
        </div>
        @if (savedNote()) {
          <p role="status">Saved.</p>
        }
      </form>
    } @else {
      <div class="plan-texts">
        <div class="plan-text">
          <h3>Professional text</h3>
          <heard-plan-document [document]="section().professional" [headingBase]="3" pictures="staff" />
        </div>
        <div class="plan-text">
          <h3>Child-friendly text</h3>
          <heard-plan-document [document]="section().childFriendly" [headingBase]="3" pictures="staff" />
        </div>
      </div>
    }
  `,
})
export class PlanSectionEditor {
  private readonly api = inject(PlansApi);
  private readonly focus = pageFocus();

  readonly version = input.required<PlanVersionResponse>();
  readonly section = input.required<PlanSectionView>();
  readonly editable = input.required<boolean>();
  /** The version as the API has it after a save. */
  readonly saved = output<PlanVersionResponse>();
  /** The version changed since it was loaded (409): the page loads it again. */
  readonly outdated = output<void>();

  protected readonly rule = computed(() => PLAN_SECTIONS[this.section().key]);
  protected readonly saving = signal(false);
  protected readonly filling = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly figuresProblem = signal<ProblemDetails | null>(null);
  protected readonly figures = signal<PlanFiguresResponse | null>(null);
  protected readonly stale = signal(false);
  protected readonly savedNote = signal(false);
  protected readonly periodWords = periodWords;
  protected readonly fieldLabels = computed(() => fieldLabelsFor(this.problem(), LABELS));

  protected readonly form = new FormGroup({
    professional: new FormControl('', { nonNullable: true, validators: [planTextValidator] }),
    childFriendly: new FormControl('', { nonNullable: true, validators: [planTextValidator] }),
  });

  private readonly professionalText = toSignal(
    this.form.controls.professional.valueChanges.pipe(startWith(this.form.controls.professional.value)),
    { requireSync: true },
  );
  private readonly childText = toSignal(
    this.form.controls.childFriendly.valueChanges.pipe(startWith(this.form.controls.childFriendly.value)),
    { requireSync: true },
  );
  protected readonly professionalDoc = computed(() => planDocumentFromMarkup(this.professionalText()));
  protected readonly childDoc = computed(() => planDocumentFromMarkup(this.childText()));
  protected readonly childPlain = computed(() => planPlainText(this.childDoc()));

  constructor() {
    // The saved texts come into the boxes unless the officer is typing in them: a save elsewhere on
    // the page answers the whole version, and must not wipe what is being written here.
    effect(() => {
      const section = this.section();
      untracked(() => {
        if (this.form.pristine) this.showSaved(section);
      });
    });
  }

  protected fieldId(text: 'professional' | 'childFriendly'): string {
    return `plan-${this.section().key}-${text}`;
  }

  protected errorOf(text: 'professional' | 'childFriendly'): string {
    const control = this.form.controls[text];
    return (
      (control.getError('server') as string | null) ?? (control.getError('planText') as string | null) ?? ''
    );
  }

  /** A stored picture's line, after what is typed: the officer moves it where it should go. */
  protected addPicture(picture: PlanPictureAdded): void {
    const control = this.form.controls[picture.text];
    const typed = control.value.trimEnd();
    control.setValue(typed === '' ? picture.markup : `${typed}\n\n${picture.markup}`);
    control.markAsDirty();
  }

  protected useSaved(): void {
    this.showSaved(this.section());
    this.problem.set(null);
    this.stale.set(false);
  }

  protected fill(): void {
    if (this.filling()) return;
    this.filling.set(true);
    this.figuresProblem.set(null);
    this.api
      .figures(this.version().planId)
      .pipe(finalize(() => this.filling.set(false)))
      .subscribe({
        next: (response) => {
          this.figures.set(response);
          this.form.setValue({
            professional: planMarkupOf(response.draft.professional),
            childFriendly: planMarkupOf(response.draft.childFriendly),
          });
          this.form.markAsDirty();
        },
        error: (error: unknown) => this.figuresProblem.set(toProblem(error)),
      });
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
        this.api.saveSection(this.version().id, this.section().key, {
          expectedUpdatedAt: this.version().updatedAt,
          professional: planDocumentFromMarkup(this.form.controls.professional.value),
          childFriendly: planDocumentFromMarkup(this.form.controls.childFriendly.value),
        }),
      refused: (problem) => {
        if (problem.status === 409) {
          this.stale.set(true);
          this.outdated.emit();
        }
        return false;
      },
      saved: (version) => {
        this.stale.set(false);
        this.savedNote.set(true);
        this.saved.emit(version);
      },
    });
  }

  private showSaved(section: PlanSectionView): void {
    this.form.reset({
      professional: planMarkupOf(section.professional),
      childFriendly: planMarkupOf(section.childFriendly),
    });
  }
}
