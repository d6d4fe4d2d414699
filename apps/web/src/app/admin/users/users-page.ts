import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { PageEvent } from '@angular/material/paginator';
import { MatSelectModule, type MatSelectChange } from '@angular/material/select';
import { MatSlideToggleModule, type MatSlideToggleChange } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { ALL_ROLES, PASSWORD_RESET_MINUTES, ROLE_LABELS, roleRequiresSecondFactor } from '@heard/domain';
import type { ProblemDetails, Role, UserResponse, UserStatus } from '@heard/domain';
import { ListResults, ListTable, PageHeader, ProblemAlert } from '@heard/ui';
import { finalize } from 'rxjs';
import { listPage } from '../../core/list-page';
import { toProblem } from '../../core/problem';
import { saveForm } from '../../core/save-form';
import { SessionService } from '../../core/session.service';
import { UsersApi } from './users-api';
import { pageFocus } from '../../core/focus';

export type InviteForm = FormGroup<{
  displayName: FormControl<string>;
  email: FormControl<string>;
  role: FormControl<Role | null>;
}>;

export const STATUS_LABELS: Readonly<Record<UserStatus, string>> = {
  invited: 'Invited',
  active: 'Active',
  deactivated: 'Deactivated',
};

@Component({
  selector: 'heard-users-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatTableModule,
    PageHeader,
    ProblemAlert,
    ListResults,
    ListTable,
  ],
  templateUrl: './users-page.html',
  styleUrl: './users-page.scss',
  host: { class: 'heard-page' },
})
export default class UsersPage {
  private readonly api = inject(UsersApi);
  private readonly focus = pageFocus();

  protected readonly roles = ALL_ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }));
  protected readonly columns = [
    'name',
    'email',
    'role',
    'status',
    'secondFactor',
    'safeguarding',
    'lastSignedIn',
    'actions',
  ];
  protected readonly roleRequiresSecondFactor = roleRequiresSecondFactor;

  protected readonly page = signal(1);
  protected readonly pageSize = signal(25);
  protected readonly list = listPage({
    query: computed(() => ({ page: this.page(), pageSize: this.pageSize() })),
    load: ({ page, pageSize }) => this.api.list(page, pageSize),
    keepOnError: true,
  });
  protected readonly actionProblem = signal<ProblemDetails | null>(null);
  protected readonly inviteProblem = signal<ProblemDetails | null>(null);
  protected readonly status = signal<string | null>(null);
  protected readonly inviting = signal(false);
  private readonly busyIds = signal<ReadonlySet<string>>(new Set());
  private readonly session = inject(SessionService);
  private readonly myId = computed(() => this.session.user()?.id ?? null);

  protected readonly inviteForm: InviteForm = new FormGroup({
    displayName: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(100)],
    }),
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    role: new FormControl<Role | null>(null, { validators: [Validators.required] }),
  });

  constructor() {
    this.list.reload();
  }

  protected roleLabel(user: UserResponse): string {
    return ROLE_LABELS[user.role] ?? user.role;
  }

  protected statusLabel(user: UserResponse): string {
    return STATUS_LABELS[user.status] ?? user.status;
  }

  /** Administrators cannot change or lock out their own account from here. */
  protected isSelf(user: UserResponse): boolean {
    return user.id === this.myId();
  }

  protected isBusy(user: UserResponse): boolean {
    return this.busyIds().has(user.id);
  }

  protected onPage(event: PageEvent): void {
    this.page.set(event.pageIndex + 1);
    this.pageSize.set(event.pageSize);
    this.list.reload();
  }

  protected invite(formDirective: FormGroupDirective): void {
    saveForm({
      form: this.inviteForm,
      focus: this.focus,
      within: '.invite',
      saving: this.inviting,
      problem: this.inviteProblem,
      request: () => {
        this.status.set(null);
        const { displayName, email, role } = this.inviteForm.getRawValue();
        // The role is required, so a valid form has one.
        return this.api.invite({ displayName: displayName.trim(), email: email.trim(), role: role as Role });
      },
      saved: (user) => {
        this.status.set(
          `Invitation sent to ${user.email}. They will get an email with a link to choose a password.`,
        );
        formDirective.resetForm({ displayName: '', email: '', role: null });
        this.page.set(1);
        this.list.reload();
      },
    });
  }

  /** Rows are kept (not re-created) when a user changes, so keyboard focus stays where it was. */
  protected readonly trackById = (_index: number, user: UserResponse): string => user.id;

  protected changeRole(user: UserResponse, change: MatSelectChange<Role>): void {
    const role = change.value;
    if (role === user.role) return;
    if (this.isBusy(user)) {
      change.source.value = user.role;
      return;
    }
    this.act(
      user,
      this.api.changeRole(user.id, role),
      (updated) => `${updated.displayName}’s role is now ${ROLE_LABELS[updated.role]}.`,
      () => (change.source.value = user.role),
    );
  }

  protected setActive(user: UserResponse, active: boolean): void {
    this.act(user, active ? this.api.reactivate(user.id) : this.api.deactivate(user.id), (updated) =>
      active ? `${updated.displayName} can sign in again.` : `${updated.displayName} can no longer sign in.`,
    );
  }

  protected resendInvitation(user: UserResponse): void {
    this.act(
      user,
      this.api.resendInvitation(user.id),
      (updated) => `A new invitation is on its way to ${updated.email}. The old link no longer works.`,
    );
  }

  protected sendPasswordReset(user: UserResponse): void {
    this.act(
      user,
      this.api.sendPasswordReset(user.id),
      (updated) =>
        `A link to choose a new password is on its way to ${updated.email}. It works once, for ${PASSWORD_RESET_MINUTES} minutes.`,
    );
  }

  /** After wrong passwords slow someone's sign-in down, lets them try again at once. */
  protected liftSignInDelay(user: UserResponse): void {
    this.act(
      user,
      this.api.liftSignInDelay(user.id),
      (updated) => `${updated.displayName} can try their password again now.`,
    );
  }

  /** A lost laptop or a shared computer left signed in: every session of theirs ends now. */
  protected endSessions(user: UserResponse): void {
    this.act(
      user,
      this.api.endSessions(user.id),
      (updated) => `${updated.displayName} has been signed out everywhere. They can sign in again as usual.`,
    );
  }

  /** For someone who lost their authenticator app: they are signed out and set up a new one at next sign-in. */
  protected resetSecondFactor(user: UserResponse): void {
    this.act(
      user,
      this.api.resetSecondFactor(user.id),
      (updated) =>
        `${updated.displayName}'s authenticator app and recovery codes no longer work. They have been signed out and will set up a new app when they next sign in.`,
    );
  }

  /** Whether worries go to this person at once (docs/worries.md). */
  protected setSafeguardingContact(user: UserResponse, change: MatSlideToggleChange): void {
    const contact = change.checked;
    if (this.isBusy(user)) {
      change.source.checked = user.safeguardingContact;
      return;
    }
    this.act(
      user,
      this.api.setSafeguardingContact(user.id, contact),
      (updated) =>
        contact
          ? `${updated.displayName} is now a safeguarding contact: worries go to them at once.`
          : `${updated.displayName} is no longer a safeguarding contact.`,
      () => (change.source.checked = user.safeguardingContact),
    );
  }

  /** The per-person setting, for roles that do not always require a second factor. */
  protected setSecondFactorRequired(user: UserResponse, change: MatSlideToggleChange): void {
    const required = change.checked;
    if (this.isBusy(user)) {
      change.source.checked = user.secondFactorRequired;
      return;
    }
    this.act(
      user,
      this.api.setSecondFactorRequired(user.id, required),
      (updated) =>
        required
          ? `${updated.displayName} must now use an authenticator app to sign in${updated.secondFactorEnrolled ? '' : ', and will set one up when they next sign in'}.`
          : `${updated.displayName} no longer has to use an authenticator app.`,
      () => (change.source.checked = user.secondFactorRequired),
    );
  }

  private act(
    user: UserResponse,
    request: ReturnType<UsersApi['reactivate']>,
    done: (updated: UserResponse) => string,
    undo?: () => void,
  ): void {
    if (this.isBusy(user)) return;
    this.setBusy(user.id, true);
    this.actionProblem.set(null);
    this.status.set(null);
    request.pipe(finalize(() => this.setBusy(user.id, false))).subscribe({
      next: (updated) => {
        this.replace(updated);
        this.status.set(done(updated));
      },
      error: (error: unknown) => {
        undo?.();
        this.actionProblem.set(toProblem(error));
      },
    });
  }

  private replace(updated: UserResponse): void {
    this.list.update((page) => ({
      ...page,
      items: page.items.map((user) => (user.id === updated.id ? updated : user)),
    }));
  }

  private setBusy(id: string, busy: boolean): void {
    this.busyIds.update((ids) => {
      const next = new Set(ids);
      if (busy) next.add(id);
      else next.delete(id);
      return next;
    });
  }
}
