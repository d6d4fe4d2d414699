import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormControl,
  FormGroup,
  FormGroupDirective,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { ONE_TO_ONE_REQUESTER_LABELS, ONE_TO_ONE_STATUS_LABELS } from '@heard/domain';
import type {
  OneToOneRequest,
  OneToOneRequester,
  OneToOneResponse,
  OneToOneUpdate,
  ProblemDetails,
} from '@heard/domain';
import { EmptyState, PageHeader, ProblemAlert } from '@heard/ui';
import { catchError, filter, finalize, map, of, switchMap, tap } from 'rxjs';
import { toProblem } from '../core/problem';
import { saveForm } from '../core/save-form';
import { searchAsYouType } from '../core/search-as-you-type';
import { StaffPicker } from '../staff/staff-picker';
import { UUID } from '../young-people/young-person-form';
import { londonDate, londonTime, longDate } from '../core/dates';
import { fieldLabelsFor } from '../core/form-errors';
import {
  type ChosenPerson,
  type PersonChoice,
  chosenPersonValidator,
  displayPerson,
} from '../core/person-choice';
import { YoungPeopleApi } from '../young-people/young-people-api';
import { instantToLocalInput, localInputToInstant } from './date-time';
import { OneToOnesApi } from './one-to-ones-api';
import { pageFocus } from '../core/focus';

/** Empty is fine; anything typed must be a whole date and time. */
function optionalDateTime(control: AbstractControl<string>): ValidationErrors | null {
  return control.value && localInputToInstant(control.value) === null ? { dateTime: true } : null;
}

function requiredDateTime(control: AbstractControl<string>): ValidationErrors | null {
  return localInputToInstant(control.value ?? '') === null ? { required: true } : null;
}

export type RowAction = 'schedule' | 'done' | 'cancel';

export const ONE_TO_ONE_FIELD_LABELS: Readonly<Record<string, string>> = {
  youngPersonId: 'Young person',
  requestedBy: 'Who asked',
  topic: 'What it is about',
  scheduledAt: 'When',
  location: 'Where',
  staffUserId: 'Who will meet them',
  outcome: 'Outcome',
  status: 'Status',
};

const REQUESTERS: readonly OneToOneRequester[] = ['officer', 'young_person', 'trusted_adult'];

/**
 * One-to-one opportunities: the list (open ones first), a form to offer one or record a request,
 * and per row booking, marking done with the outcome, or cancelling. Young people who prefer
 * one-to-one arrive here from the invite wizard with `?youngPersonId=`.
 */
@Component({
  selector: 'heard-one-to-ones-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    EmptyState,
    PageHeader,
    ProblemAlert,
    StaffPicker,
  ],
  templateUrl: './one-to-ones-page.html',
  styleUrl: './one-to-ones-page.scss',
  host: { class: 'heard-page' },
})
export default class OneToOnesPage {
  private readonly api = inject(OneToOnesApi);
  private readonly youngPeople = inject(YoungPeopleApi);
  private readonly focus = pageFocus();

  /** From the address bar: open the form for this young person. */
  readonly youngPersonId = input<string | undefined>(undefined);

  protected readonly items = signal<OneToOneResponse[]>([]);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly status = signal<string | null>(null);

  protected readonly requesters = REQUESTERS.map((value) => ({
    value,
    label: ONE_TO_ONE_REQUESTER_LABELS[value],
  }));
  protected readonly statusLabel = (item: OneToOneResponse) =>
    ONE_TO_ONE_STATUS_LABELS[item.status] ?? item.status;
  protected readonly requesterLabel = (item: OneToOneResponse) =>
    ONE_TO_ONE_REQUESTER_LABELS[item.requestedBy] ?? item.requestedBy;
  protected readonly when = (instant: string) => `${longDate(londonDate(instant))}, ${londonTime(instant)}`;
  protected readonly isOpen = (item: OneToOneResponse) =>
    item.status === 'requested' || item.status === 'scheduled';

  // The form to offer one or record a request.
  protected readonly formOpen = signal(false);
  protected readonly saving = signal(false);
  protected readonly createProblem = signal<ProblemDetails | null>(null);
  protected readonly createLabels = computed(() =>
    fieldLabelsFor(this.createProblem(), ONE_TO_ONE_FIELD_LABELS),
  );
  protected readonly prefillProblem = signal<ProblemDetails | null>(null);
  protected readonly form = new FormGroup({
    youngPersonId: new FormControl<PersonChoice>(null, { validators: [chosenPersonValidator] }),
    requestedBy: new FormControl<OneToOneRequester | null>(null, { validators: [Validators.required] }),
    topic: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(300)],
    }),
    scheduledAt: new FormControl('', { nonNullable: true, validators: [optionalDateTime] }),
    location: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(200)] }),
    staffUserId: new FormControl('', { nonNullable: true, validators: [Validators.pattern(UUID)] }),
  });
  protected readonly suggestions = searchAsYouType(this.form.controls.youngPersonId.valueChanges, (text) =>
    this.youngPeople.search(text).pipe(map((page) => page.items as ChosenPerson[])),
  );
  protected readonly displayPerson = displayPerson;

  // One row's action: book, mark done or cancel.
  protected readonly action = signal<{ id: string; kind: RowAction } | null>(null);
  protected readonly acting = signal(false);
  protected readonly actionProblem = signal<ProblemDetails | null>(null);
  protected readonly actionLabels = computed(() =>
    fieldLabelsFor(this.actionProblem(), ONE_TO_ONE_FIELD_LABELS),
  );
  protected readonly actionForm = new FormGroup({
    scheduledAt: new FormControl('', { nonNullable: true }),
    location: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(200)] }),
    outcome: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(2000)] }),
  });

  constructor() {
    this.api
      .list()
      .pipe(
        finalize(() => this.loading.set(false)),
        takeUntilDestroyed(),
      )
      .subscribe({
        next: (items) => this.items.set(items),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });

    toObservable(this.youngPersonId)
      .pipe(
        filter((id): id is string => Boolean(id)),
        tap(() => {
          this.openForm();
          this.prefillProblem.set(null);
        }),
        switchMap((id) =>
          this.youngPeople.get(id).pipe(
            catchError((error: unknown) => {
              const problem = toProblem(error);
              this.prefillProblem.set({
                ...problem,
                detail: `We could not find the young person from the link. Choose them below. ${problem.detail}`,
              });
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((person) => {
        if (person)
          this.form.controls.youngPersonId.setValue({
            id: person.id,
            preferredName: person.preferredName,
            age: person.age,
          });
      });
  }

  protected openForm(): void {
    this.formOpen.set(true);
    this.createProblem.set(null);
    this.focus.later('#one-to-one-person');
  }

  protected closeForm(directive: FormGroupDirective): void {
    this.formOpen.set(false);
    this.createProblem.set(null);
    directive.resetForm({ youngPersonId: null, requestedBy: null, topic: '', scheduledAt: '', location: '' });
  }

  protected create(directive: FormGroupDirective): void {
    saveForm({
      form: this.form,
      focus: this.focus,
      saving: this.saving,
      problem: this.createProblem,
      request: () => {
        const v = this.form.getRawValue();
        const request: OneToOneRequest = {
          youngPersonId: (v.youngPersonId as ChosenPerson).id,
          requestedBy: v.requestedBy as OneToOneRequester,
          topic: v.topic.trim(),
          scheduledAt: localInputToInstant(v.scheduledAt),
          location: v.location.trim() || null,
          staffUserId: v.staffUserId.trim() || null,
        };
        return this.api.create(request);
      },
      saved: (created) => {
        this.items.update((items) => [created, ...items]);
        this.formOpen.set(false);
        directive.resetForm({
          youngPersonId: null,
          requestedBy: null,
          topic: '',
          scheduledAt: '',
          location: '',
          staffUserId: '',
        });
        this.status.set(`One-to-one for ${created.youngPerson.preferredName} saved.`);
      },
    });
  }

  protected startAction(item: OneToOneResponse, kind: RowAction): void {
    this.action.set({ id: item.id, kind });
    this.actionProblem.set(null);
    const { scheduledAt } = this.actionForm.controls;
    scheduledAt.setValidators(kind === 'cancel' ? [] : [requiredDateTime]);
    this.actionForm.reset({
      scheduledAt: instantToLocalInput(item.scheduledAt),
      location: item.location ?? '',
      outcome: item.outcome ?? '',
    });
    this.focus.later('#row-action input, #row-action textarea, #row-action button');
  }

  protected stopAction(): void {
    this.action.set(null);
    this.actionProblem.set(null);
  }

  protected applyAction(item: OneToOneResponse): void {
    const action = this.action();
    if (!action) return;
    saveForm({
      form: this.actionForm,
      focus: this.focus,
      saving: this.acting,
      problem: this.actionProblem,
      request: () => {
        const v = this.actionForm.getRawValue();
        const update: OneToOneUpdate =
          action.kind === 'cancel'
            ? { status: 'cancelled', scheduledAt: item.scheduledAt, outcome: null }
            : action.kind === 'schedule'
              ? {
                  status: 'scheduled',
                  scheduledAt: localInputToInstant(v.scheduledAt),
                  location: v.location.trim() || null,
                  outcome: null,
                }
              : {
                  status: 'done',
                  scheduledAt: localInputToInstant(v.scheduledAt),
                  outcome: v.outcome.trim() || null,
                };
        return this.api.update(item.id, update);
      },
      saved: (updated) => {
        this.items.update((items) => items.map((one) => (one.id === updated.id ? updated : one)));
        this.action.set(null);
        const name = updated.youngPerson.preferredName;
        this.status.set(
          updated.status === 'scheduled'
            ? `One-to-one with ${name} booked${updated.scheduledAt ? ` for ${this.when(updated.scheduledAt)}` : ''}.`
            : updated.status === 'done'
              ? `One-to-one with ${name} marked as done.`
              : `One-to-one with ${name} cancelled.`,
        );
      },
    });
  }
}
