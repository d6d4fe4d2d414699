import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { Router, RouterLink } from '@angular/router';
import { PRACTICE_TOOL_STAGE_LABELS, allowedMoves, mayEditPracticeTools, nextStage } from '@heard/domain';
import type { PracticeToolResponse, PracticeToolStage, ProblemDetails } from '@heard/domain';
import { PageHeader, ProblemAlert } from '@heard/ui';
import { Subject } from 'rxjs';
import { londonDate, longDate } from '../core/dates';
import { pageFocus } from '../core/focus';
import { loadRecord } from '../core/load-record';
import { saveForm } from '../core/save-form';
import { SessionService } from '../core/session.service';
import { VersionRounds } from '../evaluations/version-rounds';
import { PracticeToolsApi } from './practice-tools-api';

/** Only https links: the same rule as the API, said before the form is sent. */
const HTTPS_LINK = /^https:\/\/[^\s/$.?#][^\s]*$/i;

/**
 * One practice tool: what it is, its versions with their links, and its life cycle so far. An
 * officer moves it to another stage (a reason is asked for where the rule needs one) and adds
 * versions here; a senior leader sees the same page without the forms.
 */
@Component({
  selector: 'heard-practice-tool-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    PageHeader,
    ProblemAlert,
    VersionRounds,
  ],
  templateUrl: './practice-tool-page.html',
  styleUrl: './practice-tool-page.scss',
  host: { class: 'heard-page' },
})
export default class PracticeToolPage {
  private readonly api = inject(PracticeToolsApi);
  private readonly router = inject(Router);
  private readonly session = inject(SessionService);
  private readonly focus = pageFocus();

  readonly id = input.required<string>();

  protected readonly tool = signal<PracticeToolResponse | null>(null);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly status = signal<string | null>(
    (this.router.currentNavigation()?.extras.state?.['status'] as string | undefined) ?? null,
  );
  protected readonly stageLabels = PRACTICE_TOOL_STAGE_LABELS;
  protected readonly canWrite = computed(() => mayEditPracticeTools(this.session.user()?.role));

  protected readonly moves = computed(() => {
    const tool = this.tool();
    return tool ? allowedMoves(tool.stage) : [];
  });
  protected readonly moveForm = new FormGroup({
    to: new FormControl<PracticeToolStage | null>(null, { validators: [Validators.required] }),
    reason: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(500)] }),
  });
  protected readonly moving = signal(false);
  protected readonly moveProblem = signal<ProblemDetails | null>(null);
  private readonly chosen = signal<PracticeToolStage | null>(null);
  protected readonly chosenMove = computed(() => this.moves().find((m) => m.to === this.chosen()) ?? null);

  protected readonly versionForm = new FormGroup({
    label: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(80)],
    }),
    link: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(500), Validators.pattern(HTTPS_LINK)],
    }),
    notes: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(2000)] }),
  });
  protected readonly addingVersion = signal(false);
  protected readonly versionProblem = signal<ProblemDetails | null>(null);

  private readonly reload$ = new Subject<void>();

  constructor() {
    loadRecord(
      this.id,
      (id) => this.api.get(id),
      { loading: this.loading, problem: this.problem },
      { when: this.reload$, showLoading: false },
    )
      .pipe(takeUntilDestroyed())
      .subscribe((tool) => this.show(tool));
    this.moveForm.controls.to.valueChanges.pipe(takeUntilDestroyed()).subscribe((to) => {
      this.chosen.set(to);
      this.requireReason(this.chosenMove()?.needsReason ?? false);
    });
  }

  protected readonly when = (at: string) => longDate(londonDate(at));

  /** Shows a tool as loaded or as a write answered it, and starts the move form at the usual next stage. */
  private show(tool: PracticeToolResponse): void {
    this.tool.set(tool);
    this.loading.set(false);
    const next = nextStage(tool.stage);
    // The usual path is offered first; going back or retiring is a deliberate second choice.
    const first = next && next !== 'retired' ? next : null;
    this.moveForm.reset({ to: first, reason: '' });
    this.chosen.set(first);
    this.requireReason(this.chosenMove()?.needsReason ?? false);
  }

  private requireReason(needed: boolean): void {
    const reason = this.moveForm.controls.reason;
    reason.setValidators(
      needed ? [Validators.required, Validators.maxLength(500)] : [Validators.maxLength(500)],
    );
    reason.updateValueAndValidity({ emitEvent: false });
  }

  protected move(): void {
    const tool = this.tool();
    if (!tool) return;
    saveForm({
      form: this.moveForm,
      focus: this.focus,
      within: '.move',
      saving: this.moving,
      problem: this.moveProblem,
      // Someone else moved it first: show where it is now, beside the message saying so.
      refused: (problem) => {
        if (problem.status === 409) this.reload$.next();
        return false;
      },
      request: () => {
        const { to, reason } = this.moveForm.getRawValue();
        // The form is valid here, so a stage is chosen; the fallback (refused by the API) never goes.
        return this.api.moveStage(tool.id, { to: to ?? tool.stage, reason: reason.trim() || null });
      },
      saved: (saved) => {
        this.status.set(`${saved.name} is now at ${this.stageLabels[saved.stage]}.`);
        this.show(saved);
        this.focus.later('#stage-heading');
      },
    });
  }

  protected addVersion(): void {
    const tool = this.tool();
    if (!tool) return;
    saveForm({
      form: this.versionForm,
      focus: this.focus,
      within: '.add-version',
      saving: this.addingVersion,
      problem: this.versionProblem,
      request: () => {
        const { label, link, notes } = this.versionForm.getRawValue();
        return this.api.addVersion(tool.id, {
          label: label.trim(),
          link: link.trim(),
          notes: notes.trim() || null,
        });
      },
      saved: (saved) => {
        this.status.set(`Version "${saved.versions[0]?.label ?? ''}" is added.`);
        this.versionForm.reset();
        this.show(saved);
        this.focus.later('#versions-heading');
      },
    });
  }
}
