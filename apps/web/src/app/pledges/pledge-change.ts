import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
  type WritableSignal,
} from '@angular/core';
import {
  type AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MAX_PLEDGE_REASON, PLEDGE_STATUS_RULES, checkPledgeMove } from '@heard/domain';
import type { ActionLogListEntry, PledgeResponse, PledgeUpdateRequest, ProblemDetails } from '@heard/domain';
import { ProblemAlert } from '@heard/ui';
import { ActionLogApi } from '../action-log/action-log-api';
import { offered } from '../action-log/item-fields';
import { pageFocus } from '../core/focus';
import { setErrorFlag } from '../core/form-errors';
import { toProblem } from '../core/problem';
import { saveForm } from '../core/save-form';
import { SessionService } from '../core/session.service';
import { PledgeFields, pledgeDetailControls, targetNotBeforeMade } from './pledge-fields';
import { PledgesApi } from './pledges-api';
import { statusWords } from './pledge-words';

/** Where an active pledge may end, by its leader: the moves PLEDGE_STATUS_RULES allows. */
type Ending = 'completed' | 'withdrawn';

/** Whether the pledge may end so with this reason (checkPledgeMove, the API's own rule), at the reason. */
function endingReasonNeeded(group: AbstractControl): ValidationErrors | null {
  const status = group.get('status');
  const reason = group.get('statusReason');
  if (!status || !reason) return null;
  const check = status.value
    ? checkPledgeMove('active', status.value as Ending, reason.value as string)
    : null;
  setErrorFlag(reason, 'needed', Boolean(check && !check.allowed && check.field === 'statusReason'));
  return null;
}

/**
 * Its leader's changes to a pledge being kept: its details (role, forum, words, theme, target date,
 * days between updates), or its end (completed, or withdrawn with a reason). Each sends the pledge
 * as the leader last saw it; when someone changed it since, the page shows theirs and the leader's
 * own changes stay in the form to send again.
 */
@Component({
  selector: 'heard-pledge-change',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    PledgeFields,
    ProblemAlert,
  ],
  templateUrl: './pledge-change.html',
  styleUrl: './pledges.scss',
})
export class PledgeChange {
  private readonly api = inject(PledgesApi);
  private readonly actionLog = inject(ActionLogApi);
  private readonly session = inject(SessionService);
  private readonly focus = pageFocus();

  readonly pledge = input.required<PledgeResponse>();
  /** The pledge as the API now has it, after a change or after someone else's was found. */
  readonly changed = output<PledgeResponse>();

  protected readonly maxReason = MAX_PLEDGE_REASON;
  protected readonly endings: readonly Ending[] = ['completed', 'withdrawn'];
  protected readonly statusWords = statusWords;
  protected readonly saving = signal(false);
  protected readonly status = signal<string | null>(null);
  protected readonly editing = signal(false);
  protected readonly themes = signal<ActionLogListEntry[]>([]);
  protected readonly problems = {
    details: signal<ProblemDetails | null>(null),
    ending: signal<ProblemDetails | null>(null),
  };
  protected readonly conflicts = {
    details: signal<string | null>(null),
    ending: signal<string | null>(null),
  };

  /** Only its leader changes a pledge, and only while it is being kept (PLEDGE_STATUS_RULES). */
  protected readonly mayChange = computed(
    () =>
      this.pledge().madeBy.id === this.session.user()?.id &&
      PLEDGE_STATUS_RULES[this.pledge().status].takesUpdates,
  );

  protected readonly detailsForm = new FormGroup(pledgeDetailControls());

  protected readonly endingForm = new FormGroup(
    {
      status: new FormControl<Ending | null>(null, { validators: [Validators.required] }),
      statusReason: new FormControl('', {
        nonNullable: true,
        validators: [Validators.maxLength(MAX_PLEDGE_REASON)],
      }),
    },
    { validators: endingReasonNeeded },
  );

  constructor() {
    // Added, not given to the group, so it first runs once the form opens and the pledge is known.
    this.detailsForm.addValidators(targetNotBeforeMade(() => this.pledge().madeOn));
  }

  /** Opens the form with the pledge as it is, and the current themes (and its own, if retired). */
  protected openDetails(): void {
    const p = this.pledge();
    this.status.set(null);
    this.conflicts.details.set(null);
    this.problems.details.set(null);
    this.detailsForm.reset({
      role: p.role,
      forum: p.forum,
      words: p.words,
      themeId: p.theme.id,
      targetDate: p.targetDate,
      updateEveryDays: p.updateEveryDays,
    });
    this.editing.set(true);
    this.focus.later('#pledge-details-form input');
    this.actionLog.listEntries('themes').subscribe({
      next: (themes) => this.themes.set(offered(themes, p.theme.id)),
      // Without the list the theme it has is still offered, so the other details can change.
      error: () => this.themes.set([{ id: p.theme.id, name: p.theme.name, retired: false }]),
    });
  }

  protected closeDetails(): void {
    this.editing.set(false);
    this.focus.later('#pledge-change-details-button');
  }

  protected saveDetails(): void {
    const v = this.detailsForm.getRawValue();
    this.save(
      'details',
      this.detailsForm,
      '#pledge-change-details',
      {
        role: v.role.trim(),
        forum: v.forum.trim(),
        words: v.words.trim(),
        themeId: v.themeId,
        targetDate: v.targetDate,
        updateEveryDays: Number(v.updateEveryDays),
      },
      () => {
        this.editing.set(false);
        return 'The details are saved.';
      },
    );
  }

  protected end(): void {
    const { status, statusReason } = this.endingForm.getRawValue();
    this.save(
      'ending',
      this.endingForm,
      '#pledge-ending',
      // Sent only once the form is valid, so an ending is chosen.
      { status: status as Ending, statusReason: statusReason.trim() || null },
      (pledge) => `This pledge is now “${statusWords(pledge.status)}”.`,
    );
  }

  private save(
    which: 'details' | 'ending',
    form: AbstractControl,
    within: string,
    change: Omit<PledgeUpdateRequest, 'expectedUpdatedAt'>,
    done: (pledge: PledgeResponse) => string,
  ): void {
    const id = this.pledge().id;
    const conflict: WritableSignal<string | null> = this.conflicts[which];
    this.status.set(null);
    conflict.set(null);
    saveForm({
      form,
      within,
      focus: this.focus,
      saving: this.saving,
      problem: this.problems[which],
      request: () => this.api.update(id, { expectedUpdatedAt: this.pledge().updatedAt, ...change }),
      saved: (pledge) => {
        this.status.set(done(pledge));
        this.changed.emit(pledge);
        this.focus.later('.pledge-change-status p');
      },
      // Someone changed it first: show theirs, keep what this leader typed, and let them send it again.
      refused: (problem) => {
        if (problem.status !== 409) return false;
        this.problems[which].set(null);
        this.api.get(id).subscribe({
          next: (fresh) => {
            this.changed.emit(fresh);
            conflict.set(
              'Someone changed this pledge since you opened it, so your change was not saved. The page now ' +
                'shows their version. Your change is still in the form: check it, then send it again.',
            );
            this.focus.later(`${within} .conflict`);
          },
          error: (error: unknown) => {
            this.problems[which].set(toProblem(error));
            this.focus.problemLater(within);
          },
        });
        return true;
      },
    });
  }
}
