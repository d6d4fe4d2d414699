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
  type WritableSignal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
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
import { MatSelectModule } from '@angular/material/select';
import {
  MAX_PLEDGE_EVIDENCE,
  MAX_PLEDGE_REASON,
  MAX_PLEDGE_UPDATE_WORDS,
  MAX_VERDICT_WORDS,
  PLEDGE_STATUS_RULES,
  PLEDGE_VERDICTS,
  PLEDGE_VERDICT_LABELS,
  RAGS,
  Role,
  checkRagChange,
  todayInLondon,
} from '@heard/domain';
import type { GroupSummary, PledgeResponse, PledgeVerdict, ProblemDetails, Rag } from '@heard/domain';
import { ProblemAlert } from '@heard/ui';
import { type Observable, catchError, map, of, switchMap } from 'rxjs';
import { pageFocus } from '../core/focus';
import { setErrorFlag } from '../core/form-errors';
import { saveForm } from '../core/save-form';
import { SessionService } from '../core/session.service';
import { GroupsApi } from '../groups/groups-api';
import { recentSessions, sessionLabel } from '../groups/recent-sessions';
import { PledgesApi } from './pledges-api';
import { ragWords } from './pledge-words';

/** Whether the leader's colour may become the chosen one with this reason (checkRagChange), at the reason. */
export function ragReasonNeeded(current: () => Rag | null) {
  return (group: AbstractControl): ValidationErrors | null => {
    const rag = group.get('rag');
    const reason = group.get('ragReason');
    if (!rag || !reason) return null;
    const check = rag.value ? checkRagChange(current(), rag.value as Rag, reason.value as string) : null;
    setErrorFlag(reason, 'needed', Boolean(check && !check.allowed));
    return null;
  };
}

/**
 * What can be done to a pledge on its page, by whom: its leader confirms or declines one recorded
 * for them, and posts progress updates with its red/amber/green; an officer writes down a group's
 * view at a session. Each form says what it saved; the API's refusal is shown in its section.
 */
@Component({
  selector: 'heard-pledge-forms',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    ProblemAlert,
  ],
  templateUrl: './pledge-forms.html',
  styleUrl: './pledges.scss',
})
export class PledgeForms {
  private readonly api = inject(PledgesApi);
  private readonly session = inject(SessionService);
  private readonly groupsApi = inject(GroupsApi);
  private readonly focus = pageFocus();

  readonly pledge = input.required<PledgeResponse>();
  /** The pledge as the API now has it, after a form was saved. */
  readonly changed = output<PledgeResponse>();

  protected readonly today = todayInLondon();
  protected readonly rags = RAGS;
  protected readonly verdicts = PLEDGE_VERDICTS;
  protected readonly verdictLabels = PLEDGE_VERDICT_LABELS;
  protected readonly ragWords = ragWords;
  protected readonly max = {
    reason: MAX_PLEDGE_REASON,
    words: MAX_PLEDGE_UPDATE_WORDS,
    evidence: MAX_PLEDGE_EVIDENCE,
    verdict: MAX_VERDICT_WORDS,
  };
  protected readonly saving = signal(false);
  protected readonly status = signal<string | null>(null);
  protected readonly problems = {
    confirm: signal<ProblemDetails | null>(null),
    progress: signal<ProblemDetails | null>(null),
    group: signal<ProblemDetails | null>(null),
  };

  private readonly mine = computed(() => this.pledge().madeBy.id === this.session.user()?.id);
  protected readonly mayConfirm = computed(() => this.mine() && this.pledge().status === 'unconfirmed');
  protected readonly mayUpdate = computed(
    () => this.mine() && PLEDGE_STATUS_RULES[this.pledge().status].takesUpdates,
  );
  protected readonly mayRecordGroup = computed(
    () =>
      this.session.user()?.role === Role.ParticipationOfficer &&
      PLEDGE_STATUS_RULES[this.pledge().status].youngPeopleMayRate,
  );

  protected readonly confirmForm = new FormGroup({
    answer: new FormControl<'confirm' | 'decline' | null>(null, { validators: [Validators.required] }),
    reason: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(MAX_PLEDGE_REASON)] }),
  });

  protected readonly progressForm = new FormGroup(
    {
      notedOn: new FormControl(this.today, { nonNullable: true, validators: [Validators.required] }),
      words: new FormControl('', {
        nonNullable: true,
        validators: [Validators.required, Validators.maxLength(MAX_PLEDGE_UPDATE_WORDS)],
      }),
      evidence: new FormControl('', {
        nonNullable: true,
        validators: [Validators.maxLength(MAX_PLEDGE_EVIDENCE)],
      }),
      rag: new FormControl<Rag | ''>('', { nonNullable: true }),
      ragReason: new FormControl('', {
        nonNullable: true,
        validators: [Validators.maxLength(MAX_PLEDGE_REASON)],
      }),
    },
    { validators: ragReasonNeeded(() => this.pledge().ratings.leader.rag) },
  );

  protected readonly groupForm = new FormGroup({
    groupId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    sessionId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    verdict: new FormControl<PledgeVerdict | null>(null, { validators: [Validators.required] }),
    words: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(MAX_VERDICT_WORDS)],
    }),
  });

  /** The groups an officer may choose from: the one it was made to, or any when it was made to everyone. */
  protected readonly groups = toSignal(
    toObservable(
      // The same group again after a save is no change: the officer's choices stay.
      computed(() => (this.mayRecordGroup() ? this.pledge().group : undefined), {
        equal: (a, b) => a === b || (Boolean(a) && Boolean(b) && a?.id === b?.id),
      }),
    ).pipe(
      switchMap((group): Observable<GroupSummary[] | { id: string; name: string }[]> => {
        if (group === undefined) return of([]);
        if (group) return of([group]);
        return this.groupsApi.list('', 1, 100).pipe(
          map((page) => page.items),
          catchError(() => of([])),
        );
      }),
    ),
    { initialValue: [] },
  );

  /** The chosen group's sessions of the last few weeks, newest first. */
  protected readonly sessions = recentSessions(this.groupForm.controls.groupId.valueChanges, this.today);

  constructor() {
    // A declined pledge needs the leader's reason; a confirmed one needs none.
    this.confirmForm.controls.answer.valueChanges.pipe(takeUntilDestroyed()).subscribe((answer) => {
      const reason = this.confirmForm.controls.reason;
      reason.setValidators(
        answer === 'decline'
          ? [Validators.required, Validators.maxLength(MAX_PLEDGE_REASON)]
          : [Validators.maxLength(MAX_PLEDGE_REASON)],
      );
      reason.updateValueAndValidity();
    });
    // The group the pledge was made to is the only one whose view counts: choose it already.
    effect(() => {
      const groups = this.groups();
      const groupId = this.groupForm.controls.groupId;
      if (groups.length === 1 && untracked(this.pledge).group && groupId.value !== groups[0].id)
        groupId.setValue(groups[0].id);
    });
    this.groupForm.controls.groupId.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.groupForm.controls.sessionId.setValue(''));
  }

  protected readonly sessionLabel = sessionLabel;

  protected confirm(): void {
    const { answer, reason } = this.confirmForm.getRawValue();
    this.save(
      this.confirmForm,
      '#pledge-confirm',
      this.problems.confirm,
      // Sent only once the form is valid, so an answer is chosen.
      () =>
        this.api.confirm(this.pledge().id, {
          answer: answer as 'confirm' | 'decline',
          reason: reason.trim() || null,
        }),
      (pledge) =>
        pledge.status === 'declined'
          ? 'You said this pledge is not yours.'
          : 'Confirmed: this pledge is yours.',
    );
  }

  protected addProgress(): void {
    const value = this.progressForm.getRawValue();
    this.save(
      this.progressForm,
      '#pledge-progress',
      this.problems.progress,
      () =>
        this.api.addProgress(this.pledge().id, {
          notedOn: value.notedOn,
          words: value.words.trim(),
          evidence: value.evidence.trim() || null,
          rag: value.rag || null,
          ragReason: value.rag ? value.ragReason.trim() || null : null,
        }),
      (pledge) => {
        this.progressForm.reset({ notedOn: this.today, words: '', evidence: '', rag: '', ragReason: '' });
        return `Update added. The pledge is ${ragWords(pledge.ratings.leader.rag).toLowerCase()}.`;
      },
    );
  }

  protected recordGroupView(): void {
    const value = this.groupForm.getRawValue();
    this.save(
      this.groupForm,
      '#pledge-group-view',
      this.problems.group,
      // Sent only once the form is valid, so a verdict is chosen.
      () =>
        this.api.groupView(this.pledge().id, {
          sessionId: value.sessionId,
          verdict: value.verdict as PledgeVerdict,
          words: value.words.trim(),
        }),
      () => {
        this.groupForm.controls.verdict.reset(null);
        this.groupForm.controls.words.reset('');
        return 'The group’s view is recorded.';
      },
    );
  }

  private save(
    form: AbstractControl,
    within: string,
    problem: WritableSignal<ProblemDetails | null>,
    request: () => Observable<PledgeResponse>,
    done: (pledge: PledgeResponse) => string,
  ): void {
    this.status.set(null);
    saveForm({
      form,
      within,
      focus: this.focus,
      saving: this.saving,
      problem,
      request,
      saved: (pledge) => {
        this.status.set(done(pledge));
        this.changed.emit(pledge);
      },
    });
  }
}
