import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { PASSWORD_MIN_LENGTH, PASSWORD_RULE_IN_WORDS } from '@heard/domain';
import type { AccountSessionResponse, ProblemDetails } from '@heard/domain';
import { PageHeader, ProblemAlert } from '@heard/ui';
import { pageFocus } from '../core/focus';
import { saveForm } from '../core/save-form';
import { SessionService } from '../core/session.service';
import { AccountApi } from './account-api';

export type PasswordForm = FormGroup<{
  currentPassword: FormControl<string>;
  newPassword: FormControl<string>;
}>;

export type SessionsForm = FormGroup<{ currentPassword: FormControl<string> }>;

const METHOD_WORDS: Record<string, string> = {
  password: 'password',
  otp: 'authenticator app',
  recovery_code: 'recovery code',
  passkey: 'passkey',
};

export type EmailForm = FormGroup<{
  newEmail: FormControl<string>;
  currentPassword: FormControl<string>;
}>;

/**
 * The signed-in person's own password and email. Each form asks for the current password again,
 * so a session left open on a shared computer cannot be used to take the account over.
 */
@Component({
  selector: 'heard-account-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    RouterLink,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    PageHeader,
    ProblemAlert,
  ],
  templateUrl: './account-page.html',
  styleUrl: './account-page.scss',
  host: { class: 'heard-page' },
})
export default class AccountPage implements OnInit {
  private readonly api = inject(AccountApi);
  private readonly session = inject(SessionService);
  private readonly focus = pageFocus();

  protected readonly user = this.session.user;
  protected readonly hasAuthenticatorApp = this.session.hasAuthenticatorApp;
  protected readonly passkeyCount = this.session.passkeyCount;
  protected readonly passwordRule = PASSWORD_RULE_IN_WORDS;
  protected readonly status = signal<string | null>(null);

  protected readonly passwordForm: PasswordForm = new FormGroup({
    currentPassword: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    newPassword: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)],
    }),
  });
  protected readonly passwordProblem = signal<ProblemDetails | null>(null);
  protected readonly savingPassword = signal(false);

  protected readonly emailForm: EmailForm = new FormGroup({
    newEmail: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    currentPassword: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly emailProblem = signal<ProblemDetails | null>(null);
  protected readonly savingEmail = signal(false);

  protected readonly places = signal<AccountSessionResponse[]>([]);
  protected readonly sessionsForm: SessionsForm = new FormGroup({
    currentPassword: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly sessionsProblem = signal<ProblemDetails | null>(null);
  protected readonly endingSessions = signal(false);

  ngOnInit(): void {
    this.loadPlaces();
  }

  protected methodsInWords(methods: readonly string[]): string {
    return methods.map((m) => METHOD_WORDS[m] ?? m).join(' and ');
  }

  /** One other place (`ref`), or everywhere else (null); the current password first, as for every change here. */
  protected endSessions(ref: string | null): void {
    saveForm({
      form: this.sessionsForm,
      focus: this.focus,
      within: '.sessions',
      saving: this.endingSessions,
      problem: this.sessionsProblem,
      request: () => {
        this.status.set(null);
        const { currentPassword } = this.sessionsForm.getRawValue();
        return this.api.endSessions(
          ref ? { currentPassword, ref } : { currentPassword, everywhereElse: true },
        );
      },
      saved: ({ sessionsEnded }) => {
        this.sessionsForm.reset({ currentPassword: '' });
        this.status.set(
          ref
            ? 'You are signed out there.'
            : `You are signed out everywhere else (${sessionsEnded} ${sessionsEnded === 1 ? 'place' : 'places'}).`,
        );
        this.loadPlaces();
      },
      refused: () => {
        this.sessionsForm.controls.currentPassword.reset();
        return false;
      },
    });
  }

  private loadPlaces(): void {
    this.api
      .sessions()
      .subscribe({ next: (places) => this.places.set(places), error: () => this.places.set([]) });
  }

  protected changePassword(formDirective: FormGroupDirective): void {
    saveForm({
      form: this.passwordForm,
      focus: this.focus,
      within: '.password',
      saving: this.savingPassword,
      problem: this.passwordProblem,
      request: () => {
        this.status.set(null);
        return this.api.changePassword(this.passwordForm.getRawValue());
      },
      saved: ({ otherSessionsEnded }) => {
        formDirective.resetForm({ currentPassword: '', newPassword: '' });
        this.status.set(
          otherSessionsEnded === 0
            ? 'Your password is changed.'
            : `Your password is changed. You have been signed out everywhere else (${otherSessionsEnded} ${otherSessionsEnded === 1 ? 'place' : 'places'}).`,
        );
      },
      // A wrong current password: the new one stays, the current one is asked for again.
      refused: () => {
        this.passwordForm.controls.currentPassword.reset();
        return false;
      },
    });
  }

  protected changeEmail(formDirective: FormGroupDirective): void {
    saveForm({
      form: this.emailForm,
      focus: this.focus,
      within: '.email',
      saving: this.savingEmail,
      problem: this.emailProblem,
      request: () => {
        this.status.set(null);
        const { newEmail, currentPassword } = this.emailForm.getRawValue();
        return this.api.changeEmail({ newEmail: newEmail.trim(), currentPassword });
      },
      saved: (session) => {
        this.session.replace(session);
        formDirective.resetForm({ newEmail: '', currentPassword: '' });
        this.status.set(
          `Your email address is now ${session.user.email}. We have told your old address about the change.`,
        );
      },
      refused: () => {
        this.emailForm.controls.currentPassword.reset();
        return false;
      },
    });
  }
}
