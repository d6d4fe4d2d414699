import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import type {
  ConfirmTotpRequest,
  ProblemDetails,
  ReauthenticateRequest,
  RecoveryCodesResponse,
  TotpEnrolmentResponse,
} from '@heard/domain';
import { PageHeader, ProblemAlert } from '@heard/ui';
import { finalize } from 'rxjs';
import { API } from '../core/api-urls';
import { pageFocus } from '../core/focus';
import { toProblem } from '../core/problem';
import { safeReturnUrl } from '../core/return-url';
import { SessionService } from '../core/session.service';

type Stage = 'password' | 'scan' | 'codes';

/**
 * Setting up an authenticator app, in three stages on one page: the password again, then the QR
 * code (and the secret to type) with the first code from the app, then the recovery codes, shown
 * this once, which the person says they have saved before going on.
 */
@Component({
  selector: 'heard-set-up-second-factor-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatCheckboxModule,
    PageHeader,
    ProblemAlert,
  ],
  templateUrl: './set-up-second-factor-page.html',
  styleUrl: './set-up-second-factor-page.scss',
  host: { class: 'heard-page' },
})
export class SetUpSecondFactorPage {
  private readonly http = inject(HttpClient);
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  private readonly focus = pageFocus();

  readonly returnUrl = input<string | undefined>();

  protected readonly stage = signal<Stage>('password');
  protected readonly enrolment = signal<TotpEnrolmentResponse | null>(null);
  protected readonly recoveryCodes = signal<string[]>([]);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly submitting = signal(false);

  protected readonly passwordForm = new FormGroup({
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly codeForm = new FormGroup({
    code: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/^\s*\d{6}\s*$/)],
    }),
  });
  protected readonly saved = new FormControl(false, { nonNullable: true });

  protected start(): void {
    if (!this.ready(this.passwordForm)) return;
    const body: ReauthenticateRequest = { password: this.passwordForm.controls.password.value };
    this.http
      .post<TotpEnrolmentResponse>(API.totpEnrolment, body)
      .pipe(finalize(() => this.submitting.set(false)))
      .subscribe({
        next: (enrolment) => {
          this.enrolment.set(enrolment);
          this.passwordForm.reset();
          this.stage.set('scan');
        },
        error: (error: unknown) => {
          this.problem.set(toProblem(error));
          this.passwordForm.reset();
        },
      });
  }

  protected confirm(): void {
    if (!this.ready(this.codeForm)) return;
    const body: ConfirmTotpRequest = { code: this.codeForm.controls.code.value.trim() };
    this.http
      .post<RecoveryCodesResponse>(API.totpEnrolmentConfirm, body)
      .pipe(finalize(() => this.submitting.set(false)))
      .subscribe({
        next: ({ recoveryCodes }) => {
          // The secret is not needed any more: forget it rather than keep it on the page.
          this.enrolment.set(null);
          this.recoveryCodes.set(recoveryCodes);
          this.stage.set('codes');
        },
        error: (error: unknown) => {
          this.problem.set(toProblem(error));
          this.codeForm.reset();
        },
      });
  }

  protected async finish(): Promise<void> {
    if (!this.saved.value) {
      this.saved.markAsTouched();
      this.problem.set({
        type: 'about:blank',
        title: 'Save your recovery codes',
        status: 400,
        detail: 'Tick "I have saved these recovery codes" first: they are not shown again.',
      });
      return;
    }
    this.recoveryCodes.set([]);
    await this.session.load();
    await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
  }

  private ready(form: FormGroup): boolean {
    if (this.submitting()) return false;
    if (form.invalid) {
      form.markAllAsTouched();
      this.focus.firstInvalid();
      return false;
    }
    this.problem.set(null);
    this.submitting.set(true);
    return true;
  }
}
