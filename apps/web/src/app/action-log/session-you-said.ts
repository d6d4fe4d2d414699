import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { MAX_ITEM_SUMMARY_LENGTH, MAX_SESSION_ITEMS } from '@heard/domain';
import type { ItemSummary, ProblemDetails, SessionYouSaidRequest } from '@heard/domain';
import { ProblemAlert } from '@heard/ui';
import { Subject, catchError, map, merge, of, switchMap, tap } from 'rxjs';
import { fieldLabelsFor } from '../core/form-errors';
import { pageFocus } from '../core/focus';
import { toProblem } from '../core/problem';
import { saveForm } from '../core/save-form';
import { ActionLogApi } from './action-log-api';
import { overdueWords, stageWords } from './action-log-words';

type SaidRow = FormGroup<{ summary: FormControl<string>; youngPersonIds: FormControl<string[]> }>;

function saidRow(): SaidRow {
  return new FormGroup({
    summary: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(MAX_ITEM_SUMMARY_LENGTH)],
    }),
    youngPersonIds: new FormControl<string[]>([], { nonNullable: true }),
  });
}

/** The rows as the API takes them: blank rows are left out, so a spare empty row does no harm. */
export function sessionRequest(
  rows: readonly { summary: string; youngPersonIds: string[] }[],
  attributable: boolean,
): SessionYouSaidRequest {
  return {
    items: rows
      .filter((row) => row.summary.trim())
      .map((row) => ({ summary: row.summary.trim(), youngPersonIds: row.youngPersonIds })),
    attributable,
  };
}

/**
 * "You said" on a group session's page: what was said at this session, and recording several
 * things at once, each with who said it from the group's register. All are recorded, or none.
 */
@Component({
  selector: 'heard-session-you-said',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    ProblemAlert,
  ],
  templateUrl: './session-you-said.html',
  styleUrl: './session-you-said.scss',
})
export class SessionYouSaid {
  private readonly api = inject(ActionLogApi);
  private readonly focus = pageFocus();
  private readonly reloads = new Subject<void>();

  readonly sessionId = input.required<string>();
  /** Who can be named: the session's register (the group's members on the day). */
  readonly people = input.required<readonly { youngPersonId: string; preferredName: string }[]>();

  protected readonly items = signal<ItemSummary[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadProblem = signal<ProblemDetails | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly status = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly stageWords = stageWords;
  protected readonly overdueWords = overdueWords;
  protected readonly summaryMax = MAX_ITEM_SUMMARY_LENGTH;
  protected readonly maxRows = MAX_SESSION_ITEMS;

  protected readonly rows = new FormArray<SaidRow>([saidRow()]);
  protected readonly attributable = new FormControl(false, { nonNullable: true });
  protected readonly form = new FormGroup({ rows: this.rows, attributable: this.attributable });
  protected readonly fieldLabels = computed(() =>
    fieldLabelsFor(
      this.problem(),
      { summary: 'What was said', youngPersonIds: 'Who said it', items: 'What was said' },
      { items: 'Item' },
    ),
  );

  constructor() {
    const sessionChanges = toObservable(this.sessionId);
    const again = this.reloads.pipe(map(() => this.sessionId()));
    merge(sessionChanges, again)
      .pipe(
        tap(() => this.loadProblem.set(null)),
        switchMap((id) =>
          this.api.sessionItems(id).pipe(
            catchError((error: unknown) => {
              this.loadProblem.set(toProblem(error));
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((items) => {
        if (items) this.items.set(items);
        this.loading.set(false);
      });
  }

  protected addRow(): void {
    if (this.rows.length >= MAX_SESSION_ITEMS) return;
    this.rows.push(saidRow());
    this.focus.later(`#said-${this.rows.length - 1}`);
  }

  protected removeRow(index: number): void {
    this.rows.removeAt(index);
    this.focus.later(`#said-${Math.max(0, index - 1)}`);
  }

  protected record(): void {
    // A spare empty row after filled ones is not a mistake: it is left out.
    const filled = this.rows.controls.filter((row) => row.controls.summary.value.trim());
    if (filled.length > 0) {
      for (let i = this.rows.length - 1; i >= 0; i--) {
        const row = this.rows.at(i);
        if (!row.controls.summary.value.trim() && row.controls.youngPersonIds.value.length === 0)
          this.rows.removeAt(i);
      }
    }
    saveForm({
      form: this.form,
      focus: this.focus,
      within: '.record',
      saving: this.saving,
      problem: this.problem,
      aliases: { items: 'rows' },
      request: () => {
        this.status.set(null);
        return this.api.recordFromSession(
          this.sessionId(),
          sessionRequest(this.rows.getRawValue(), this.attributable.value),
        );
      },
      saved: (recorded) => {
        this.rows.clear();
        this.rows.push(saidRow());
        this.attributable.setValue(false);
        this.form.markAsUntouched();
        const n = recorded.length;
        this.status.set(
          `Recorded ${n} ${n === 1 ? 'item' : 'items'}. ${n === 1 ? 'It is' : 'They are'} in the log, to be acknowledged.`,
        );
        this.focus.later('.you-said-status p');
        this.reloads.next();
      },
    });
  }
}
