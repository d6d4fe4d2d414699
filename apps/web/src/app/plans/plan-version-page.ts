import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import {
  EMPTY_PLAN_DOCUMENT,
  MAX_PLAN_REASON,
  MAX_WHAT_CHANGED,
  PLAN_EDITORS,
  PLAN_SECTIONS,
  PLAN_STATUS_RULES,
  planSectionsFor,
} from '@heard/domain';
import type {
  PlanCommentView,
  PlanCommentsResponse,
  PlanMove,
  PlanSectionKey,
  PlanSectionView,
  PlanSummary,
  PlanVersionResponse,
  ProblemDetails,
} from '@heard/domain';
import { PageHeader, ProblemAlert } from '@heard/ui';
import { Subject, forkJoin, map } from 'rxjs';
import { instantWords } from '../action-log/action-log-words';
import { pageFocus } from '../core/focus';
import { loadRecord } from '../core/load-record';
import { saveForm } from '../core/save-form';
import { SessionService } from '../core/session.service';
import { PlanCommitments } from './plan-commitments';
import { PlanLundy } from './plan-lundy';
import { PlanSectionComments } from './plan-section-comments';
import { PlanSectionEditor } from './plan-section-editor';
import { gapFieldId, movesFrom, periodWords, statusWords, versionWords } from './plan-words';
import { PlanPdfStatus } from './plan-pdf-status';
import { PlansApi } from './plans-api';

const NO_COMMENTS: PlanCommentView[] = [];
const emptySection = (key: PlanSectionKey): PlanSectionView => ({
  key,
  professional: EMPTY_PLAN_DOCUMENT,
  childFriendly: EMPTY_PLAN_DOCUMENT,
});

/**
 * One version of a year's plan: every section's two texts, the Lundy self-appraisal and the
 * commitments, what is still missing, the young experts' comments beside each section, and the
 * moves this reader may make. Officers edit while it is a draft or with young people; everyone
 * else, and everyone once it is approved, reads it.
 */
@Component({
  selector: 'heard-plan-version-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    RouterLink,
    PageHeader,
    ProblemAlert,
    PlanSectionEditor,
    PlanSectionComments,
    PlanLundy,
    PlanCommitments,
    PlanPdfStatus,
  ],
  templateUrl: './plan-version-page.html',
  styleUrl: './plans.scss',
  host: { class: 'heard-page' },
})
export default class PlanVersionPage {
  private readonly api = inject(PlansApi);
  private readonly router = inject(Router);
  private readonly session = inject(SessionService);
  private readonly focus = pageFocus();
  private readonly reloads = new Subject<void>();

  readonly id = input.required<string>();

  protected readonly version = signal<PlanVersionResponse | null>(null);
  protected readonly comments = signal<PlanCommentsResponse | null>(null);
  protected readonly plan = signal<PlanSummary | null>(null);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly moving = signal(false);
  protected readonly moveProblem = signal<ProblemDetails | null>(null);
  protected readonly correcting = signal(false);
  protected readonly correctionProblem = signal<ProblemDetails | null>(null);
  protected readonly staleNote = signal(false);

  protected readonly statusWords = statusWords;
  protected readonly periodWords = periodWords;
  protected readonly versionWords = versionWords;
  protected readonly when = instantWords;
  protected readonly gapFieldId = gapFieldId;
  protected readonly sectionRules = PLAN_SECTIONS;
  protected readonly maxReason = MAX_PLAN_REASON;
  protected readonly maxWhatChanged = MAX_WHAT_CHANGED;

  protected readonly isEditor = computed(() => {
    const role = this.session.user()?.role;
    return role !== undefined && (PLAN_EDITORS as readonly string[]).includes(role);
  });
  protected readonly editable = computed(() => {
    const v = this.version();
    return v !== null && this.isEditor() && PLAN_STATUS_RULES[v.status].editable;
  });
  protected readonly sectionKeys = computed(() => {
    const v = this.version();
    return v ? planSectionsFor(v.yearOfPlan) : [];
  });
  protected readonly moves = computed(() => {
    const v = this.version();
    return v ? movesFrom(v.status, v.nextMoves) : [];
  });
  protected readonly needsReason = computed(() => this.moves().some((m) => m.needsReason));
  protected readonly mayCorrect = computed(() => this.isEditor() && this.version()?.status === 'published');
  /** The version before this one in the plan's list, to compare with. */
  protected readonly previous = computed(() => {
    const versions = this.plan()?.versions ?? [];
    const at = versions.findIndex((v) => v.id === this.id());
    return at > 0 ? versions[at - 1] : null;
  });

  protected readonly moveForm = new FormGroup({
    reason: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(MAX_PLAN_REASON)] }),
  });
  protected readonly correctionForm = new FormGroup({
    whatChanged: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(MAX_WHAT_CHANGED)],
    }),
  });

  constructor() {
    loadRecord(
      this.id,
      (id) =>
        forkJoin([this.api.version(id), this.api.comments(id), this.api.list()]).pipe(
          map(([version, comments, list]) => ({ version, comments, list })),
        ),
      { loading: this.loading, problem: this.problem },
      { when: this.reloads, showLoading: false },
    )
      .pipe(takeUntilDestroyed())
      .subscribe(({ version, comments, list }) => {
        this.version.set(version);
        this.comments.set(comments);
        this.plan.set(list.plans.find((p) => p.id === version.planId) ?? null);
        this.loading.set(false);
      });
  }

  /**
   * Each section of the year with its comments, made once per version: an editor takes its saved
   * texts again whenever its section changes, so a section must not be a new object on every check.
   */
  protected readonly sections = computed(() => {
    const v = this.version();
    const comments = this.comments();
    return this.sectionKeys().map((key) => ({
      key,
      view: v?.sections.find((s) => s.key === key) ?? emptySection(key),
      comments: comments?.sections.find((s) => s.key === key)?.comments ?? NO_COMMENTS,
    }));
  });

  protected saved(version: PlanVersionResponse): void {
    this.version.set(version);
    this.staleNote.set(false);
  }

  /** Someone else changed the version: load it again, keeping what is being typed (the editors do). */
  protected outdated(): void {
    this.staleNote.set(true);
    this.reloads.next();
  }

  protected goToGap(event: Event, path: string): void {
    const field = document.getElementById(gapFieldId(path));
    if (!field) return;
    event.preventDefault();
    field.focus();
    field.scrollIntoView?.({ block: 'center' });
  }

  protected move(move: PlanMove): void {
    const reason = this.moveForm.controls.reason;
    // A reason asked for by another move's button is not needed for this one.
    reason.updateValueAndValidity();
    if (move.needsReason && reason.value.trim() === '') {
      reason.setErrors({ required: true });
      reason.markAsTouched();
      this.focus.firstInvalid('[data-moves]');
      return;
    }
    const version = this.version();
    if (!version) return;
    saveForm({
      form: this.moveForm,
      focus: this.focus,
      saving: this.moving,
      problem: this.moveProblem,
      within: '[data-moves]',
      request: () =>
        this.api.move(version.id, {
          expectedUpdatedAt: version.updatedAt,
          to: move.to,
          reason: reason.value.trim() || undefined,
        }),
      refused: (problem) => {
        if (problem.status === 409) this.reloads.next();
        return false;
      },
      saved: (moved) => {
        this.moveForm.reset();
        this.version.set(moved);
        this.reloads.next();
      },
    });
  }

  protected correct(): void {
    const version = this.version();
    if (!version) return;
    saveForm({
      form: this.correctionForm,
      focus: this.focus,
      saving: this.correcting,
      problem: this.correctionProblem,
      within: '[data-correction]',
      request: () =>
        this.api.correct(version.planId, { whatChanged: this.correctionForm.controls.whatChanged.value }),
      saved: (draft) => void this.router.navigate(['/plans/versions', draft.id]),
    });
  }

  protected replied(comments: PlanCommentsResponse): void {
    this.comments.set(comments);
  }
}
