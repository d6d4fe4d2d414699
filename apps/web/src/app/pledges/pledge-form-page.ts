import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
import {
  DEFAULT_UPDATE_EVERY_DAYS,
  MAX_PLEDGE_FORUM,
  MAX_PLEDGE_ROLE,
  MAX_PLEDGE_WORDS,
  MAX_UPDATE_EVERY_DAYS,
  MIN_UPDATE_EVERY_DAYS,
  Role,
  todayInLondon,
} from '@heard/domain';
import type { ActionLogListEntry, GroupSummary, PledgeCreateRequest, PledgePerson } from '@heard/domain';
import { forkJoin, of } from 'rxjs';
import { ActionLogApi } from '../action-log/action-log-api';
import { fieldLabelsFor, setErrorFlag } from '../core/form-errors';
import { FormActions, FormBody, FormPageShell, formPage } from '../core/form-page';
import { SessionService } from '../core/session.service';
import { GroupsApi } from '../groups/groups-api';
import { recentSessions, sessionLabel } from '../groups/recent-sessions';
import { PledgesApi } from './pledges-api';

/** The request's field names as the problem alert lists them. */
export const PLEDGE_FIELD_LABELS: Readonly<Record<string, string>> = {
  madeById: 'Senior leader',
  role: 'Their role',
  forum: 'Where it was made',
  occasion: 'Session',
  'occasion.id': 'Session',
  madeOn: 'Date it was made',
  words: 'What was pledged',
  themeId: 'Theme',
  targetDate: 'Target date',
  updateEveryDays: 'Days between updates',
  groupId: 'Group it was made to',
};

/** A target date before the day it was made is refused by the API too; say so at the field. */
function targetAfterMade(group: AbstractControl): ValidationErrors | null {
  const madeOn = group.get('madeOn');
  const targetDate = group.get('targetDate');
  if (madeOn && targetDate)
    setErrorFlag(
      targetDate,
      'order',
      Boolean(madeOn.value && targetDate.value && targetDate.value < madeOn.value),
    );
  return null;
}

export function pledgeForm(today = todayInLondon()) {
  const text = (max: number) =>
    new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(max)] });
  return new FormGroup(
    {
      madeById: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
      role: text(MAX_PLEDGE_ROLE),
      forum: text(MAX_PLEDGE_FORUM),
      madeOn: new FormControl(today, { nonNullable: true, validators: [Validators.required] }),
      words: text(MAX_PLEDGE_WORDS),
      themeId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
      targetDate: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
      updateEveryDays: new FormControl<number | null>(DEFAULT_UPDATE_EVERY_DAYS, {
        validators: [
          Validators.required,
          Validators.min(MIN_UPDATE_EVERY_DAYS),
          Validators.max(MAX_UPDATE_EVERY_DAYS),
          Validators.pattern(/^\d+$/),
        ],
      }),
      groupId: new FormControl('', { nonNullable: true }),
      sessionId: new FormControl('', { nonNullable: true }),
    },
    { validators: targetAfterMade },
  );
}
export type PledgeForm = ReturnType<typeof pledgeForm>;

/**
 * The request from the form. A leader's own pledge leaves madeById out (the API takes it as
 * theirs); a session chosen at the group is the occasion it was made at.
 */
export function createPledgeRequest(
  value: ReturnType<PledgeForm['getRawValue']>,
  onBehalf: boolean,
): PledgeCreateRequest {
  return {
    madeById: onBehalf ? value.madeById : null,
    role: value.role.trim(),
    forum: value.forum.trim(),
    madeOn: value.madeOn,
    words: value.words.trim(),
    themeId: value.themeId,
    targetDate: value.targetDate,
    updateEveryDays: Number(value.updateEveryDays),
    groupId: onBehalf && value.groupId ? value.groupId : null,
    occasion:
      onBehalf && value.groupId && value.sessionId ? { kind: 'group_session', id: value.sessionId } : null,
  };
}

/**
 * Recording a pledge (`/pledges/new`). An officer records one a senior leader made at a forum, for
 * the leader to confirm; a leader records their own, which is theirs at once.
 */
@Component({
  selector: 'heard-pledge-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    FormPageShell,
    FormBody,
    FormActions,
  ],
  templateUrl: './pledge-form-page.html',
  styleUrl: './pledges.scss',
  host: { class: 'heard-page' },
})
export default class PledgeFormPage {
  private readonly api = inject(PledgesApi);
  private readonly router = inject(Router);
  private readonly session = inject(SessionService);

  protected readonly page = formPage();
  protected readonly form = pledgeForm();
  protected readonly c = this.form.controls;
  protected readonly today = todayInLondon();
  protected readonly max = {
    role: MAX_PLEDGE_ROLE,
    forum: MAX_PLEDGE_FORUM,
    words: MAX_PLEDGE_WORDS,
    minDays: MIN_UPDATE_EVERY_DAYS,
    maxDays: MAX_UPDATE_EVERY_DAYS,
  };

  /** An officer records for a leader; anyone else (a leader) records their own. */
  protected readonly onBehalf = this.session.user()?.role === Role.ParticipationOfficer;
  protected readonly me = this.session.user()?.displayName ?? '';
  protected readonly leaders = signal<PledgePerson[]>([]);
  protected readonly themes = signal<ActionLogListEntry[]>([]);
  protected readonly groups = signal<GroupSummary[]>([]);
  protected readonly listsProblem = signal<string | null>(null);

  /** The chosen group's sessions of the last few weeks, newest first. */
  protected readonly sessions = recentSessions(this.c.groupId.valueChanges, this.today);

  protected readonly fieldLabels = computed(() => fieldLabelsFor(this.page.problem(), PLEDGE_FIELD_LABELS));

  constructor() {
    // A leader's pledge is their own: there is no one to choose.
    if (!this.onBehalf) this.c.madeById.disable();
    const themes = inject(ActionLogApi).listEntries('themes');
    const lists = this.onBehalf
      ? forkJoin([themes, this.api.leaders(), inject(GroupsApi).list('', 1, 100)])
      : forkJoin([themes, of([] as PledgePerson[]), of({ items: [] as GroupSummary[] })]);
    lists.pipe(takeUntilDestroyed()).subscribe({
      next: ([themeList, leaders, groups]) => {
        // A retired theme is kept for old records; a new pledge takes a current one.
        this.themes.set(themeList.filter((t) => !t.retired));
        this.leaders.set(leaders);
        this.groups.set(groups.items);
      },
      error: () =>
        this.listsProblem.set(
          'We could not load the lists to choose from just now, so a pledge cannot be recorded. Try again in a moment.',
        ),
    });
    this.c.groupId.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.c.sessionId.setValue(''));
  }

  protected readonly sessionLabel = sessionLabel;

  protected save(): void {
    this.page.save({
      form: this.form,
      aliases: { occasion: 'sessionId' },
      request: () => this.api.create(createPledgeRequest(this.form.getRawValue(), this.onBehalf)),
      saved: (pledge) => void this.router.navigate(['/pledges', pledge.id]),
    });
  }
}
