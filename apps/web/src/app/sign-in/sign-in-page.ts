import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { Role, type ProblemDetails } from '@heard/domain';
import { PageHeader, ProblemAlert } from '@heard/ui';
import { finalize } from 'rxjs';
import { toProblem } from '../core/problem';
import { safeReturnUrl } from '../core/return-url';
import { SessionService } from '../core/session.service';
import { pageFocus } from '../core/focus';
import { signInStepPath } from '../core/auth.guards';
import { PasskeyClient, passkeyProblem } from './passkey-client';

export type SignInForm = FormGroup<{
  email: FormControl<string>;
  password: FormControl<string>;
}>;

@Component({
  selector: 'heard-sign-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    PageHeader,
    ProblemAlert,
  ],
  templateUrl: './sign-in-page.html',
  styleUrl: './sign-in-page.scss',
  host: { class: 'heard-page' },
})
export class SignInPage {
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  private readonly focus = pageFocus();
  private readonly passkeys = inject(PasskeyClient);

  /** `?returnUrl=` set by the auth guard: where to go after signing in. */
  readonly returnUrl = input<string | undefined>();
  /** `?passwordSet=yes` after choosing a password from an invitation. */
  readonly passwordSet = input<string | undefined>();

  protected readonly form: SignInForm = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly submitting = signal(false);
  /** Offered only where the browser can do WebAuthn at all. */
  protected readonly passkeysSupported = this.passkeys.supported();

  protected submit(): void {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focus.firstInvalid();
      return;
    }
    this.problem.set(null);
    this.submitting.set(true);
    const { email, password } = this.form.getRawValue();
    this.session
      .signIn({ email: email.trim(), password })
      .pipe(finalize(() => this.submitting.set(false)))
      .subscribe({
        next: (session) => {
          const returnUrl = safeReturnUrl(this.returnUrl());
          if (session.pendingStep) {
            void this.router.navigate([signInStepPath(session.pendingStep)], { queryParams: { returnUrl } });
          } else {
            void this.router.navigateByUrl(returnUrl);
          }
        },
        error: (error: unknown) => {
          this.problem.set(toProblem(error));
          this.form.controls.password.reset();
        },
      });
  }

  /** Signs in with a passkey alone: no email or password, the browser offers its passkeys for Heard. */
  protected async signInWithPasskey(): Promise<void> {
    if (this.submitting()) return;
    this.problem.set(null);
    this.submitting.set(true);
    try {
      const session = await this.passkeys.signIn();
      this.session.replace(session);
      // Young experts' pages are their own space, not the staff home.
      const home = session.user.role === Role.YoungExpert ? '/my-space' : '/home';
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl(), home));
    } catch (error) {
      this.problem.set(passkeyProblem(error));
    } finally {
      this.submitting.set(false);
    }
  }
}
