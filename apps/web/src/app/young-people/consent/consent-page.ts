import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { LowerCasePipe } from '@angular/common';
import { RouterLink } from '@angular/router';
import {
  CONSENT_GIVER_LABELS,
  CONSENT_METHOD_LABELS,
  CONSENT_PURPOSES,
  CONSENT_PURPOSE_LABELS,
  ConsentGiver,
  ConsentMethod,
  ConsentPurpose,
  dateInWords,
  instantInWords,
  todayInLondon,
} from '@heard/domain';
import type {
  ActivityDayListItem,
  ConsentPanelResponse,
  ConsentRecordRequest,
  ConsentRecordResponse,
  ConsentScope,
  ProblemDetails,
  YoungPersonResponse,
} from '@heard/domain';
import { HeardIcon, PageHeader, ProblemAlert } from '@heard/ui';
import { catchError, forkJoin, of } from 'rxjs';
import { loadRecord } from '../../core/load-record';
import { toProblem } from '../../core/problem';
import { saveForm } from '../../core/save-form';
import { fieldLabelsFor, setErrorFlag } from '../../core/form-errors';
import { YoungPeopleApi } from '../young-people-api';
import { ConsentApi } from './consent-api';
import { pageFocus } from '../../core/focus';

export type RecordConsentForm = FormGroup<{
  purpose: FormControl<ConsentPurpose | null>;
  givenBy: FormControl<ConsentGiver | null>;
  method: FormControl<ConsentMethod | null>;
  wording: FormControl<string>;
  givenOn: FormControl<string>;
  scope: FormControl<ConsentScope>;
  activityId: FormControl<string | null>;
  expiresOn: FormControl<string>;
}>;

export const RECORD_FIELD_LABELS: Readonly<Record<string, string>> = {
  purpose: 'What it is for',
  givenBy: 'Given by',
  method: 'How it was given',
  wording: 'The words they agreed to',
  givenOn: 'Date given',
  scope: 'What it covers',
  activityId: 'Activity day',
  expiresOn: 'Expiry date',
};

/** The form's own checks that the server also makes: an activity for one-day consent, expiry after giving. */
function crossCheck(form: RecordConsentForm): void {
  const { scope, activityId, givenOn, expiresOn } = form.controls;
  setErrorFlag(activityId, 'required', scope.value === 'activity' && !activityId.value);
  setErrorFlag(expiresOn, 'order', Boolean(expiresOn.value) && expiresOn.value < givenOn.value);
}

/**
 * One young person's consents, purpose by purpose: whether each is in place today and why not,
 * warnings about who gave it, and the full history (withdrawn records are kept and marked).
 * Recording and withdrawing are one button each, side by side: withdrawing is as easy as giving.
 */
@Component({
  selector: 'heard-consent-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    LowerCasePipe,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
    HeardIcon,
    PageHeader,
    ProblemAlert,
  ],
  templateUrl: './consent-page.html',
  styleUrl: './consent-page.scss',
  host: { class: 'heard-page' },
})
export default class ConsentPage {
  private readonly api = inject(ConsentApi);
  private readonly youngPeople = inject(YoungPeopleApi);
  private readonly focus = pageFocus();

  readonly id = input.required<string>();

  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly panel = signal<ConsentPanelResponse | null>(null);
  protected readonly person = signal<YoungPersonResponse | null>(null);
  protected readonly status = signal<string | null>(null);
  /** A warning from the last record made (e.g. a parent for a 16-year-old): kept on screen, not a toast. */
  protected readonly giverWarning = signal<string | null>(null);
  protected readonly refreshProblem = signal<ProblemDetails | null>(null);

  protected readonly purposes = CONSENT_PURPOSES.map((value) => ({
    value,
    label: CONSENT_PURPOSE_LABELS[value],
  }));
  protected readonly givers = Object.values(ConsentGiver).map((value) => ({
    value,
    label: CONSENT_GIVER_LABELS[value],
  }));
  protected readonly methods = Object.values(ConsentMethod).map((value) => ({
    value,
    label: CONSENT_METHOD_LABELS[value],
  }));
  protected readonly giverLabel = (giver: ConsentGiver) => CONSENT_GIVER_LABELS[giver] ?? giver;
  protected readonly methodLabel = (method: ConsentMethod) => CONSENT_METHOD_LABELS[method] ?? method;
  protected readonly dateWords = dateInWords;
  protected readonly instantWords = (at: string) => instantInWords(new Date(at));
  protected readonly recordOf = (history: ConsentRecordResponse[], id: string | null) =>
    history.find((record) => record.id === id) ?? null;

  protected readonly formOpen = signal(false);
  protected readonly saving = signal(false);
  protected readonly recordProblem = signal<ProblemDetails | null>(null);
  protected readonly recordFieldLabels = computed(() =>
    fieldLabelsFor(this.recordProblem(), RECORD_FIELD_LABELS),
  );
  protected readonly activities = signal<ActivityDayListItem[] | null>(null);
  protected readonly activitiesProblem = signal<ProblemDetails | null>(null);
  protected readonly form: RecordConsentForm = new FormGroup({
    purpose: new FormControl<ConsentPurpose | null>(null, { validators: [Validators.required] }),
    givenBy: new FormControl<ConsentGiver | null>(null, { validators: [Validators.required] }),
    method: new FormControl<ConsentMethod | null>(null, { validators: [Validators.required] }),
    wording: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(1000)],
    }),
    givenOn: new FormControl(todayInLondon(), { nonNullable: true, validators: [Validators.required] }),
    scope: new FormControl<ConsentScope>('standing', { nonNullable: true }),
    activityId: new FormControl<string | null>(null),
    expiresOn: new FormControl('', { nonNullable: true }),
  });

  protected readonly withdrawingId = signal<string | null>(null);
  protected readonly withdrawing = signal(false);
  protected readonly withdrawProblem = signal<ProblemDetails | null>(null);
  protected readonly withdrawForm = new FormGroup({
    reason: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(300)] }),
  });

  constructor() {
    loadRecord(this.id, (id) => forkJoin({ panel: this.api.panel(id), person: this.youngPeople.get(id) }), {
      loading: this.loading,
      problem: this.problem,
    })
      .pipe(takeUntilDestroyed())
      .subscribe(({ panel, person }) => {
        this.panel.set(panel);
        this.person.set(person);
        this.loading.set(false);
      });

    this.form.controls.scope.valueChanges.pipe(takeUntilDestroyed()).subscribe((scope) => {
      if (scope === 'activity') this.loadActivities();
      else this.form.controls.activityId.setValue(null);
    });
  }

  protected openForm(purpose: ConsentPurpose | null = null): void {
    this.formOpen.set(true);
    this.recordProblem.set(null);
    if (purpose) this.form.controls.purpose.setValue(purpose);
    this.focus.later(purpose ? '#consent-given-by' : '#consent-purpose');
  }

  protected closeForm(directive: FormGroupDirective): void {
    this.formOpen.set(false);
    this.recordProblem.set(null);
    directive.resetForm(this.blankForm());
  }

  protected record(directive: FormGroupDirective): void {
    if (this.saving()) return;
    crossCheck(this.form);
    saveForm({
      form: this.form,
      focus: this.focus,
      saving: this.saving,
      problem: this.recordProblem,
      request: () => {
        const v = this.form.getRawValue();
        const request: ConsentRecordRequest = {
          purpose: v.purpose as ConsentPurpose,
          givenBy: v.givenBy as ConsentGiver,
          method: v.method as ConsentMethod,
          wording: v.wording.trim(),
          givenOn: v.givenOn,
          scope: v.scope,
          activityId: v.scope === 'activity' ? v.activityId : null,
          expiresOn: v.expiresOn || null,
        };
        return this.api.record(this.id(), request);
      },
      saved: (saved) => {
        this.formOpen.set(false);
        directive.resetForm(this.blankForm());
        this.giverWarning.set(saved.giverWarning);
        this.status.set(`${CONSENT_PURPOSE_LABELS[saved.purpose]} consent recorded.`);
        this.refresh();
      },
    });
  }

  protected startWithdraw(record: ConsentRecordResponse): void {
    this.withdrawingId.set(record.id);
    this.withdrawProblem.set(null);
    this.withdrawForm.reset({ reason: '' });
    this.focus.later('#withdraw-reason');
  }

  protected cancelWithdraw(): void {
    this.withdrawingId.set(null);
    this.withdrawProblem.set(null);
  }

  protected withdraw(record: ConsentRecordResponse): void {
    saveForm({
      form: this.withdrawForm,
      focus: this.focus,
      within: '.withdraw',
      saving: this.withdrawing,
      problem: this.withdrawProblem,
      request: () =>
        this.api.withdraw(record.id, { reason: this.withdrawForm.controls.reason.value.trim() || null }),
      saved: (withdrawn) => {
        this.withdrawingId.set(null);
        this.giverWarning.set(null);
        this.status.set(
          `${CONSENT_PURPOSE_LABELS[withdrawn.purpose]} consent withdrawn. It stopped counting straight away. The record is kept.`,
        );
        this.refresh();
      },
    });
  }

  private refresh(): void {
    this.refreshProblem.set(null);
    this.api
      .panel(this.id())
      .pipe(
        catchError((error: unknown) => {
          const problem = toProblem(error);
          this.refreshProblem.set({
            ...problem,
            detail: `The change was saved, but we could not show the latest consents. ${problem.detail}`,
          });
          return of(null);
        }),
      )
      .subscribe((panel) => {
        if (panel) this.panel.set(panel);
      });
  }

  private loadActivities(): void {
    if (this.activities()) return;
    this.activitiesProblem.set(null);
    this.api.activitiesFrom(todayInLondon()).subscribe({
      next: (page) => this.activities.set(page.items),
      error: (error: unknown) => this.activitiesProblem.set(toProblem(error)),
    });
  }

  private blankForm() {
    return {
      purpose: null,
      givenBy: null,
      method: null,
      wording: '',
      givenOn: todayInLondon(),
      scope: 'standing' as ConsentScope,
      activityId: null,
      expiresOn: '',
    };
  }
}
