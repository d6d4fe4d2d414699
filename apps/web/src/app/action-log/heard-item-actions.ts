import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import {
  ACTION_ANSWER_LABELS,
  ACTION_STATUS_RULES,
  MAX_ACTION_WORDS,
  MAX_CANT_REASON,
  MAX_NOTE_WORDS,
  dateInWords,
  todayInLondon,
} from '@heard/domain';
import type { ActionResponse, ActionStatus, ProblemDetails } from '@heard/domain';
import { ProblemAlert } from '@heard/ui';
import { Observable, finalize, map } from 'rxjs';
import { toProblem } from '../core/problem';
import { SessionService } from '../core/session.service';
import { ActionLogLoopApi } from './action-log-loop-api';

/** The three answers, each with the status a new action starts in. */
const ANSWERS: readonly { status: ActionStatus; label: string }[] = [
  { status: 'done', label: ACTION_ANSWER_LABELS.we_did },
  { status: 'planned', label: ACTION_ANSWER_LABELS.we_will },
  { status: 'cant', label: ACTION_ANSWER_LABELS.we_cant },
];

/**
 * The actions answering one You said item: list them, answer it (We did / We will / We can't),
 * move an action on the status table and add dated progress notes. The officer who answers a
 * We will owns it; the API checks every rule again.
 */
@Component({
  selector: 'heard-item-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    ProblemAlert,
  ],
  templateUrl: './heard-item-actions.html',
  styleUrl: './heard-item-actions.scss',
})
export class HeardItemActions {
  private readonly api = inject(ActionLogLoopApi);
  private readonly session = inject(SessionService);

  /** The item whose actions these are; null on an action's own page, which has no item to answer. */
  readonly itemId = input<string | null>(null);
  /** One action on its own page, such as a published plan's commitment, which answers no item. */
  readonly actionId = input<string | null>(null);
  /** Officers answer and move actions; the other readers of the item see them only. */
  readonly mayChange = input(true);
  /** An action was added or changed: the item's stage and loop may have moved. */
  readonly changed = output<void>();

  protected readonly actions = signal<ActionResponse[]>([]);
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly status = signal<string | null>(null);
  protected readonly answers = ANSWERS;
  /** The action whose move and note forms are open. */
  protected readonly selected = signal<string | null>(null);
  protected readonly limits = { words: MAX_ACTION_WORDS, reason: MAX_CANT_REASON, note: MAX_NOTE_WORDS };

  protected readonly answerForm = new FormGroup({
    status: new FormControl<ActionStatus>('done', { nonNullable: true }),
    words: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    dueOn: new FormControl('', { nonNullable: true }),
    cantReason: new FormControl('', { nonNullable: true }),
  });
  /** One action's move or note at a time. */
  protected readonly moveForm = new FormGroup({
    to: new FormControl<ActionStatus | null>(null),
    dueOn: new FormControl('', { nonNullable: true }),
    cantReason: new FormControl('', { nonNullable: true }),
  });
  protected readonly noteForm = new FormGroup({
    notedOn: new FormControl(todayInLondon(), { nonNullable: true }),
    words: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });

  protected readonly statusLabel = (status: ActionStatus) => ACTION_STATUS_RULES[status].label;
  protected readonly movesFrom = (status: ActionStatus) => ACTION_STATUS_RULES[status].moves;
  protected readonly needsDate = (status: ActionStatus | null) =>
    status !== null && ACTION_STATUS_RULES[status].needsOwnerAndDueDate;
  protected readonly needsReason = (status: ActionStatus | null) =>
    status !== null && ACTION_STATUS_RULES[status].needsReason;
  protected readonly day = dateInWords;

  constructor() {
    effect(() => this.load(this.itemId(), this.actionId()));
  }

  private load(itemId: string | null, actionId: string | null): void {
    const actions = itemId
      ? this.api.actionsFor(itemId)
      : actionId
        ? this.api.action(actionId).pipe(map((one) => [one]))
        : null;
    if (!actions) return;
    this.loading.set(true);
    actions.pipe(finalize(() => this.loading.set(false))).subscribe({
      next: (actions) => this.actions.set(actions),
      error: (error: unknown) => this.problem.set(toProblem(error)),
    });
  }

  protected select(action: ActionResponse): void {
    this.moveForm.reset({ to: null, dueOn: '', cantReason: '' });
    this.noteForm.reset({ notedOn: todayInLondon(), words: '' });
    this.selected.update((id) => (id === action.id ? null : action.id));
  }

  protected answer(): void {
    const itemId = this.itemId();
    if (!itemId) return;
    const value = this.answerForm.getRawValue();
    const willDo = this.needsDate(value.status);
    this.save(
      this.api.answer({
        itemIds: [itemId],
        status: value.status,
        words: value.words,
        ownerId: willDo ? (this.session.user()?.id ?? null) : null,
        dueOn: willDo && value.dueOn ? value.dueOn : null,
        cantReason: this.needsReason(value.status) ? value.cantReason : null,
      }),
      (action) => {
        this.actions.update((list) => [...list, action]);
        this.answerForm.reset({ status: 'done', words: '', dueOn: '', cantReason: '' });
        return `Answered: ${this.statusLabel(action.status)}.`;
      },
    );
  }

  protected move(action: ActionResponse): void {
    const { to, dueOn, cantReason } = this.moveForm.getRawValue();
    if (!to) return;
    this.save(
      this.api.change(action.id, {
        expectedUpdatedAt: action.updatedAt,
        status: to,
        ...(this.needsDate(to)
          ? { ownerId: action.owner?.id ?? this.session.user()?.id ?? null, dueOn: dueOn || action.dueOn }
          : {}),
        ...(this.needsReason(to) ? { cantReason } : {}),
      }),
      (changed) => {
        this.replace(changed);
        this.moveForm.reset({ to: null, dueOn: '', cantReason: '' });
        return `Moved to ${this.statusLabel(changed.status)}.`;
      },
    );
  }

  protected addNote(action: ActionResponse): void {
    this.save(this.api.addNote(action.id, this.noteForm.getRawValue()), (changed) => {
      this.replace(changed);
      this.noteForm.reset({ notedOn: todayInLondon(), words: '' });
      return 'Progress note added.';
    });
  }

  private replace(changed: ActionResponse): void {
    this.actions.update((list) => list.map((one) => (one.id === changed.id ? changed : one)));
  }

  private save(request: Observable<ActionResponse>, done: (action: ActionResponse) => string): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.status.set(null);
    request.pipe(finalize(() => this.busy.set(false))).subscribe({
      next: (action) => {
        this.status.set(done(action));
        this.changed.emit();
      },
      error: (error: unknown) => this.problem.set(toProblem(error)),
    });
  }
}
