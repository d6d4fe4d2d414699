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
import { Role, addDays, todayInLondon } from '@heard/domain';
import type {
  ActionLogListEntry,
  ActivityDayListItem,
  GroupSummary,
  PledgeCreateRequest,
  PledgePerson,
} from '@heard/domain';
import { type Observable, catchError, forkJoin, map, of } from 'rxjs';
import { ActionLogApi } from '../action-log/action-log-api';
import { ActivitiesApi } from '../activities/activities-api';
import { fieldLabelsFor, setErrorFlag } from '../core/form-errors';
import { FormActions, FormBody, FormPageShell, formPage } from '../core/form-page';
import { SessionService } from '../core/session.service';
import { GroupsApi } from '../groups/groups-api';
import { RECENT_SESSION_WEEKS, recentSessions, sessionLabel } from '../groups/recent-sessions';
import { shortDate } from '../core/dates';
import { PledgeFields, pledgeDetailControls, targetNotBeforeMade } from './pledge-fields';
import { PledgesApi } from './pledges-api';

/** The request's field names as the problem alert lists them. */
export const PLEDGE_FIELD_LABELS: Readonly<Record<string, string>> = {
  madeById: 'Senior leader',
  role: 'Their role',
  forum: 'Where it was made',
  occasion: 'Occasion',
  'occasion.id': 'Occasion',
  activityId: 'Activity day it was made at',
  madeOn: 'Date it was made',
  words: 'What was pledged',
  themeId: 'Theme',
  targetDate: 'Target date',
  updateEveryDays: 'Days between updates',
  groupId: 'Group it was made to',
};

/** An occasion is one session or one activity day: both chosen is refused at the day. */
function oneOccasion(group: AbstractControl): ValidationErrors | null {
  const sessionId = group.get('sessionId');
  const activityId = group.get('activityId');
  if (sessionId && activityId) setErrorFlag(activityId, 'both', Boolean(sessionId.value && activityId.value));
  return null;
}

export function pledgeForm(today = todayInLondon()) {
  const { role, forum, ...rest } = pledgeDetailControls();
  return new FormGroup(
    {
      madeById: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
      role,
      forum,
      groupId: new FormControl('', { nonNullable: true }),
      sessionId: new FormControl('', { nonNullable: true }),
      activityId: new FormControl('', { nonNullable: true }),
      madeOn: new FormControl(today, { nonNullable: true, validators: [Validators.required] }),
      ...rest,
    },
    { validators: [targetNotBeforeMade((group) => group.get('madeOn')?.value as string), oneOccasion] },
  );
}
export type PledgeForm = ReturnType<typeof pledgeForm>;

/** The occasion chosen on the form: a session of the chosen group, or an activity day. */
function occasionOf(value: ReturnType<PledgeForm['getRawValue']>): PledgeCreateRequest['occasion'] {
  if (value.groupId && value.sessionId) return { kind: 'group_session', id: value.sessionId };
  if (value.activityId) return { kind: 'activity_day', id: value.activityId };
  return null;
}

/**
 * The request from the form. A leader's own pledge leaves madeById out (the API takes it as
 * theirs); a session chosen at the group, or an activity day, is the occasion it was made at.
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
    occasion: onBehalf ? occasionOf(value) : null,
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
    PledgeFields,
  ],
  templateUrl: './pledge-form-page.html',
  styleUrl: './pledges.scss',
  host: { class: 'heard-page' },
})
export default class PledgeFormPage {
  private readonly api = inject(PledgesApi);
  private readonly router = inject(Router);
  private readonly session = inject(SessionService);
  private readonly activitiesApi = inject(ActivitiesApi);

  protected readonly page = formPage();
  protected readonly form = pledgeForm();
  protected readonly c = this.form.controls;
  protected readonly today = todayInLondon();

  /** An officer records for a leader; anyone else (a leader) records their own. */
  protected readonly onBehalf = this.session.user()?.role === Role.ParticipationOfficer;
  protected readonly me = this.session.user()?.displayName ?? '';
  protected readonly leaders = signal<PledgePerson[]>([]);
  protected readonly themes = signal<ActionLogListEntry[]>([]);
  protected readonly groups = signal<GroupSummary[]>([]);
  /** Recent activity days, newest first: a pledge is recorded once made, within a term of the day. */
  protected readonly activityDays = signal<ActivityDayListItem[]>([]);
  protected readonly listsProblem = signal<string | null>(null);

  /** The chosen group's sessions of the last few weeks, newest first. */
  protected readonly sessions = recentSessions(this.c.groupId.valueChanges, this.today);

  protected readonly fieldLabels = computed(() => fieldLabelsFor(this.page.problem(), PLEDGE_FIELD_LABELS));

  constructor() {
    // A leader's pledge is their own: there is no one to choose.
    if (!this.onBehalf) this.c.madeById.disable();
    const themes = inject(ActionLogApi).listEntries('themes');
    const lists = this.onBehalf
      ? forkJoin([themes, this.api.leaders(), inject(GroupsApi).list('', 1, 100), this.recentDays()])
      : forkJoin([
          themes,
          of([] as PledgePerson[]),
          of({ items: [] as GroupSummary[] }),
          of([] as ActivityDayListItem[]),
        ]);
    lists.pipe(takeUntilDestroyed()).subscribe({
      next: ([themeList, leaders, groups, days]) => {
        // A retired theme is kept for old records; a new pledge takes a current one.
        this.themes.set(themeList.filter((t) => !t.retired));
        this.leaders.set(leaders);
        this.groups.set(groups.items);
        this.activityDays.set(days);
      },
      error: () =>
        this.listsProblem.set(
          'We could not load the lists to choose from just now, so a pledge cannot be recorded. Try again in a moment.',
        ),
    });
    this.c.groupId.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.c.sessionId.setValue(''));
  }

  protected readonly sessionLabel = sessionLabel;
  protected readonly activityLabel = (day: ActivityDayListItem): string =>
    `${day.title}, ${shortDate(day.date)}`;

  /**
   * The planned days of the same weeks a group's sessions are offered for, up to today. The
   * occasion is optional, so should the list fail the form still records the pledge.
   */
  private recentDays(): Observable<ActivityDayListItem[]> {
    return this.activitiesApi
      .list({
        from: addDays(this.today, -7 * RECENT_SESSION_WEEKS),
        to: this.today,
        status: 'planned',
        page: 1,
        pageSize: 100,
      })
      .pipe(
        map((days) => [...days.items].sort((a, b) => b.date.localeCompare(a.date))),
        catchError(() => of([] as ActivityDayListItem[])),
      );
  }

  protected save(): void {
    const { sessionId, activityId } = this.form.getRawValue();
    this.page.save({
      form: this.form,
      // The API names the occasion; the form asks it as a session or an activity day.
      aliases: { occasion: activityId && !sessionId ? 'activityId' : 'sessionId' },
      request: () => this.api.create(createPledgeRequest(this.form.getRawValue(), this.onBehalf)),
      saved: (pledge) => void this.router.navigate(['/pledges', pledge.id]),
    });
  }
}
