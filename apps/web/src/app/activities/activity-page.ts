import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { CONSENT_PURPOSE_LABELS, PHOTO_PLAN_LABELS, todayInLondon } from '@heard/domain';
import type { ActivityDayResponse, ProblemDetails } from '@heard/domain';
import { PageHeader, ProblemAlert } from '@heard/ui';
import { type Observable, Subject } from 'rxjs';
import { loadRecord } from '../core/load-record';
import { TIME } from '../groups/group-form';
import { InPageNavigation } from '../core/in-page-navigation';
import { saveForm } from '../core/save-form';
import { ActivitiesApi } from './activities-api';
import { ActivityAttendanceTab } from './activity-attendance-tab';
import { ActivityConsentsTab } from './activity-consents-tab';
import { ActivityFunnelTab } from './activity-funnel-tab';
import { ActivityInvitationsTab } from './activity-invitations-tab';
import { timeOrderValidator } from './activity-form';
import { activityWhen, cohortText, placesText, poundsText } from './activity-format';
import { pageFocus } from '../core/focus';
import { OccasionRounds } from '../evaluations/occasion-rounds';
import type { DayToKeep } from '../offline/day-store';
import { GetReady } from '../offline/get-ready';

export const ACTIVITY_TABS = ['invitations', 'consents', 'attendance', 'funnel'] as const;
export type ActivityTab = (typeof ACTIVITY_TABS)[number];

/** An activity day: its details, moving or cancelling it, and its invitations, consents, attendance and funnel. */
@Component({
  selector: 'heard-activity-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatTabsModule,
    PageHeader,
    ProblemAlert,
    ActivityInvitationsTab,
    ActivityConsentsTab,
    ActivityAttendanceTab,
    ActivityFunnelTab,
    GetReady,
    OccasionRounds,
  ],
  templateUrl: './activity-page.html',
  styleUrl: './activity-page.scss',
  host: { class: 'heard-page' },
})
export default class ActivityPage {
  private readonly api = inject(ActivitiesApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly inPage = inject(InPageNavigation);
  private readonly focus = pageFocus();
  private readonly reload$ = new Subject<void>();

  readonly id = input.required<string>();

  protected readonly activity = signal<ActivityDayResponse | null>(null);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly status = signal<string | null>(
    (this.router.currentNavigation()?.extras.state?.['status'] as string | undefined) ?? null,
  );
  protected readonly tabIndex = signal(
    Math.max(0, ACTIVITY_TABS.indexOf(this.route.snapshot.queryParamMap.get('tab') as ActivityTab)),
  );

  /** Which of the move and cancel forms is open. */
  protected readonly panel = signal<'move' | 'cancel' | null>(null);
  protected readonly actionProblem = signal<ProblemDetails | null>(null);
  protected readonly saving = signal(false);

  protected readonly moveForm = new FormGroup(
    {
      date: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
      startTime: new FormControl('', {
        nonNullable: true,
        validators: [Validators.required, Validators.pattern(TIME)],
      }),
      endTime: new FormControl('', {
        nonNullable: true,
        validators: [Validators.required, Validators.pattern(TIME)],
      }),
      reason: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(300)] }),
    },
    { validators: [timeOrderValidator] },
  );
  protected readonly cancelForm = new FormGroup({
    reason: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(300)],
    }),
  });

  protected readonly cancelled = computed(() => this.activity()?.status === 'cancelled');
  /** What "Get ready for the day" keeps: this day, by its date in London. */
  protected readonly dayToKeep = computed<DayToKeep>(() => {
    const activity = this.activity();
    return {
      kind: 'activity_day',
      id: activity?.id ?? '',
      title: activity?.title ?? '',
      day: activity?.date ?? '',
    };
  });
  protected readonly when = computed(() => {
    const activity = this.activity();
    return activity ? activityWhen(activity) : '';
  });
  protected readonly cohort = computed(() => {
    const activity = this.activity();
    return activity ? cohortText(activity.cohort, activity.cohortGroups) : '';
  });
  protected readonly consentsText = computed(() => {
    const required = this.activity()?.requiredConsents ?? [];
    return required.length === 0
      ? 'None'
      : required.map((purpose) => CONSENT_PURPOSE_LABELS[purpose] ?? purpose).join(', ');
  });
  protected readonly dayHasCome = computed(() => {
    const activity = this.activity();
    return activity !== null && todayInLondon() >= activity.date;
  });
  protected readonly placesText = placesText;
  protected readonly poundsText = poundsText;
  protected readonly photoPlanLabels = PHOTO_PLAN_LABELS;

  constructor() {
    loadRecord(
      this.id,
      (id) => this.api.get(id),
      { loading: this.loading, problem: this.problem },
      {
        when: this.reload$,
        showLoading: false,
      },
    )
      .pipe(takeUntilDestroyed())
      .subscribe((activity) => {
        this.activity.set(activity);
        this.loading.set(false);
      });
  }

  /** A tab changed an invitation: the counts may have moved. */
  protected refresh(): void {
    this.reload$.next();
  }

  protected selectTab(index: number): void {
    this.tabIndex.set(index);
    void this.inPage.setQueryParams(
      this.route,
      { tab: index === 0 ? null : ACTIVITY_TABS[index] },
      { replaceUrl: true },
    );
  }

  protected openPanel(which: 'move' | 'cancel'): void {
    const activity = this.activity();
    if (!activity) return;
    this.actionProblem.set(null);
    this.status.set(null);
    if (this.panel() === which) {
      this.panel.set(null);
      return;
    }
    if (which === 'move') {
      this.moveForm.reset({
        date: activity.date,
        startTime: activity.startTime,
        endTime: activity.endTime,
        reason: '',
      });
    } else {
      this.cancelForm.reset({ reason: '' });
    }
    this.panel.set(which);
    this.focus.later(which === 'move' ? '#move-date' : '#cancel-reason');
  }

  protected closePanel(): void {
    const which = this.panel();
    this.panel.set(null);
    this.actionProblem.set(null);
    this.focus.later(which === 'move' ? '#open-move' : '#open-cancel');
  }

  protected move(): void {
    const activity = this.activity();
    if (!activity) return;
    this.run(
      '.move',
      this.moveForm,
      () => {
        const value = this.moveForm.getRawValue();
        return this.api.move(activity.id, {
          date: value.date,
          startTime: value.startTime,
          endTime: value.endTime,
          reason: value.reason.trim() || null,
        });
      },
      (moved) =>
        `${moved.title} is now on ${activityWhen(moved)}. Everyone still expecting to come is being told through the way they were invited.`,
    );
  }

  protected cancel(): void {
    const activity = this.activity();
    if (!activity) return;
    this.run(
      '.cancel',
      this.cancelForm,
      () => this.api.cancel(activity.id, this.cancelForm.getRawValue().reason.trim()),
      (cancelled) =>
        `${cancelled.title} is cancelled. Everyone still expecting to come is being told, with your reason.`,
    );
  }

  /** Moving and cancelling both save a panel's form and then say what happens next. */
  private run(
    panel: string,
    form: FormGroup,
    request: () => Observable<ActivityDayResponse>,
    message: (activity: ActivityDayResponse) => string,
  ): void {
    saveForm({
      form,
      focus: this.focus,
      within: panel,
      saving: this.saving,
      problem: this.actionProblem,
      request,
      saved: (activity) => {
        this.activity.set(activity);
        this.panel.set(null);
        this.status.set(message(activity));
        this.focus.later('.heard-status');
      },
    });
  }
}
