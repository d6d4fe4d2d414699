import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import type { ProblemDetails, SecondFactorRequest, SessionResponse } from '@heard/domain';
import { PageHeader, ProblemAlert } from '@heard/ui';
import { finalize } from 'rxjs';
import { API } from '../core/api-urls';
import { pageFocus } from '../core/focus';
import { toProblem } from '../core/problem';
import { safeReturnUrl } from '../core/return-url';
import { SessionService } from '../core/session.service';
import { PasskeyClient, passkeyProblem } from './passkey-client';

/**
 * The second step of signing in, after a right password: the 6-digit code from the authenticator
 * app, or one of the recovery codes. The API replaces the session when it is done.
 */
@Component({
  selector: 'heard-second-step-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    PageHeader,
    ProblemAlert,
  ],
  templateUrl: './second-step-page.html',
  styleUrl: './sign-in-page.scss',
  host: { class: 'heard-page' },
})
export class SecondStepPage {
  private readonly http = inject(HttpClient);
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  private readonly focus = pageFocus();
  private readonly passkeys = inject(PasskeyClient);

  readonly returnUrl = input<string | undefined>();

  /** Whether the person is typing a recovery code instead of the app's code. */
  protected readonly useRecoveryCode = signal(false);
  protected readonly form = new FormGroup({
    code: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/^\s*\d{6}\s*$/)],
    }),
  });
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly submitting = signal(false);
  /** "Use a passkey" is offered when the account has one and the browser can use it. */
  protected readonly offerPasskey = computed(
    () => this.session.passkeyCount() > 0 && this.passkeys.supported(),
  );
  /** Codes are for accounts with an app; an account with passkeys only is asked for nothing else. */
  protected readonly offerCode = computed(
    () => this.session.hasAuthenticatorApp() || this.session.passkeyCount() === 0,
  );

  protected toggle(): void {
    this.useRecoveryCode.update((value) => !value);
    const control = this.form.controls.code;
    control.setValidators(
      this.useRecoveryCode()
        ? [Validators.required, Validators.maxLength(20)]
        : [Validators.required, Validators.pattern(/^\s*\d{6}\s*$/)],
    );
    control.reset();
    this.problem.set(null);
  }

  protected submit(): void {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focus.firstInvalid();
      return;
    }
    this.problem.set(null);
    this.submitting.set(true);
    const value = this.form.controls.code.value.trim();
    const body: SecondFactorRequest = this.useRecoveryCode() ? { recoveryCode: value } : { code: value };
    this.http
      .post<SessionResponse>(API.secondFactor, body)
      .pipe(finalize(() => this.submitting.set(false)))
      .subscribe({
        next: (session) => {
          this.session.replace(session);
          void this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
        },
        error: (error: unknown) => {
          this.problem.set(toProblem(error));
          this.form.controls.code.reset();
        },
      });
  }

  /** The second step with a passkey instead of a code; the API replaces the session as for a code. */
  protected async usePasskey(): Promise<void> {
    if (this.submitting()) return;
    this.problem.set(null);
    this.submitting.set(true);
    try {
      this.session.replace(await this.passkeys.secondStep());
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
    } catch (error) {
      this.problem.set(passkeyProblem(error));
    } finally {
      this.submitting.set(false);
    }
  }
}
