import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { LowerCasePipe } from '@angular/common';
import { RouterLink } from '@angular/router';
import { todayInLondon } from '@heard/domain';
import type {
  GroupResponse,
  MembershipResponse,
  MembershipRole,
  ProblemDetails,
  YoungPersonListItem,
} from '@heard/domain';
import { EmptyState, ProblemAlert } from '@heard/ui';
import { Subject, map } from 'rxjs';
import { loadRecord } from '../core/load-record';
import { searchAsYouType } from '../core/search-as-you-type';
import { saveForm } from '../core/save-form';
import { type PersonChoice, chosenPersonValidator, displayPerson } from '../core/person-choice';
import { YoungPeopleApi } from '../young-people/young-people-api';
import { shortDate } from '../core/dates';
import { MEMBERSHIP_ROLES, MEMBERSHIP_ROLE_LABELS } from './group-labels';
import { GroupsApi } from './groups-api';
import { pageFocus } from '../core/focus';
import { redAfterSubmit } from '../shared/error-state';

export type AddMemberForm = FormGroup<{
  person: FormControl<PersonChoice<YoungPersonListItem>>;
  role: FormControl<MembershipRole>;
  joinedOn: FormControl<string>;
  overrideReason: FormControl<string>;
}>;

/**
 * Whether a refusal to add someone is the eligibility check, which an officer may override with a
 * reason: a 400 that names the young person.
 */
export function isEligibilityRefusal(problem: ProblemDetails): boolean {
  return problem.status === 400 && Boolean(problem.errors?.['youngPersonId']?.length);
}

@Component({
  selector: 'heard-group-members-tab',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    LowerCasePipe,
    ReactiveFormsModule,
    RouterLink,
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    EmptyState,
    ProblemAlert,
  ],
  templateUrl: './group-members-tab.html',
  styleUrl: './group-members-tab.scss',
})
export class GroupMembersTab {
  private readonly groupsApi = inject(GroupsApi);
  private readonly youngPeopleApi = inject(YoungPeopleApi);
  private readonly focus = pageFocus();
  private readonly reload$ = new Subject<void>();

  readonly group = input.required<GroupResponse>();
  /** Emitted after someone joins or leaves, so the page can refresh its counts. */
  readonly changed = output<void>();

  private readonly groupId = computed(() => this.group().id);
  protected readonly roles = MEMBERSHIP_ROLES.map((value) => ({
    value,
    label: MEMBERSHIP_ROLE_LABELS[value],
  }));
  protected readonly roleLabel = (role: MembershipRole) => MEMBERSHIP_ROLE_LABELS[role] ?? role;
  protected readonly shortDate = shortDate;

  protected readonly members = signal<MembershipResponse[]>([]);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly status = signal<string | null>(null);

  protected readonly addProblem = signal<ProblemDetails | null>(null);
  protected readonly adding = signal(false);
  protected readonly needsOverride = signal(false);

  protected readonly leavingId = signal<string | null>(null);
  protected readonly leaveProblem = signal<ProblemDetails | null>(null);
  protected readonly leaving = signal(false);
  protected readonly leftOn = new FormControl(todayInLondon(), {
    nonNullable: true,
    validators: [Validators.required],
  });
  protected readonly leaveForm = new FormGroup({ leftOn: this.leftOn });

  protected readonly form: AddMemberForm = new FormGroup({
    person: new FormControl<PersonChoice<YoungPersonListItem>>(null, { validators: [chosenPersonValidator] }),
    role: new FormControl<MembershipRole>('member', { nonNullable: true }),
    joinedOn: new FormControl(todayInLondon(), { nonNullable: true, validators: [Validators.required] }),
    overrideReason: new FormControl('', { nonNullable: true, updateOn: 'submit' }),
  });
  protected readonly redAfterSubmit = redAfterSubmit;

  protected readonly suggestions = searchAsYouType(this.form.controls.person.valueChanges, (text) =>
    this.youngPeopleApi.search(text).pipe(map((page) => page.items)),
  );

  protected readonly displayPerson = displayPerson;

  constructor() {
    loadRecord(
      this.groupId,
      (id) => this.groupsApi.members(id),
      { loading: this.loading, problem: this.problem },
      {
        when: this.reload$,
        showLoading: true,
      },
    )
      .pipe(takeUntilDestroyed())
      .subscribe((members) => {
        this.members.set(members);
        this.loading.set(false);
      });

    // Choosing someone else means the earlier eligibility answer no longer applies.
    this.form.controls.person.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      if (this.needsOverride()) {
        this.needsOverride.set(false);
        this.setOverrideRequired(false);
      }
    });
  }

  protected add(formDirective: FormGroupDirective): void {
    const group = this.group();
    saveForm({
      form: this.form,
      focus: this.focus,
      within: '.add',
      saving: this.adding,
      problem: this.addProblem,
      aliases: { youngPersonId: 'person' },
      request: () => {
        this.status.set(null);
        const { person, role, joinedOn, overrideReason } = this.form.getRawValue();
        return this.groupsApi.join(group.id, {
          // chosenPersonValidator keeps the form invalid until someone is picked from the list.
          youngPersonId: (person as YoungPersonListItem).id,
          role,
          joinedOn,
          ...(this.needsOverride() ? { overrideReason: overrideReason.trim() } : {}),
        });
      },
      saved: (membership) => {
        const override = membership.overrideReason ? ' The override and its reason are recorded.' : '';
        this.status.set(`${membership.preferredName} is now a member of ${group.name}.${override}`);
        this.needsOverride.set(false);
        this.setOverrideRequired(false);
        formDirective.resetForm({
          person: null,
          role: 'member',
          joinedOn: todayInLondon(),
          overrideReason: '',
        });
        this.suggestions.clear();
        this.reload$.next();
        this.changed.emit();
      },
      // Someone who does not fit the group can still join, with a recorded reason: ask for it.
      refused: (problem) => {
        if (!isEligibilityRefusal(problem) || this.needsOverride()) return false;
        this.needsOverride.set(true);
        this.setOverrideRequired(true);
        this.focus.later('#override-reason');
        return true;
      },
    });
  }

  private setOverrideRequired(required: boolean): void {
    const control = this.form.controls.overrideReason;
    control.setValidators(
      required ? [Validators.required, Validators.minLength(5), Validators.maxLength(300)] : [],
    );
    control.updateValueAndValidity();
    // A box that has just appeared has not been touched, whatever an earlier submit marked.
    if (required) control.markAsUntouched();
  }

  protected toggleLeave(member: MembershipResponse): void {
    this.leaveProblem.set(null);
    if (this.leavingId() === member.id) {
      this.leavingId.set(null);
      return;
    }
    this.leavingId.set(member.id);
    this.leftOn.setValue(todayInLondon());
    this.focus.later(`#left-on-${member.id}`);
  }

  protected leave(member: MembershipResponse): void {
    saveForm({
      form: this.leaveForm,
      focus: this.focus,
      within: '.leave',
      saving: this.leaving,
      problem: this.leaveProblem,
      request: () => {
        this.status.set(null);
        return this.groupsApi.leave(this.group().id, member.id, this.leftOn.value);
      },
      saved: (left) => {
        this.leavingId.set(null);
        this.status.set(
          `${left.preferredName} left ${this.group().name} on ${shortDate(left.leftOn ?? this.leftOn.value)}.`,
        );
        this.reload$.next();
        this.changed.emit();
      },
    });
  }
}
