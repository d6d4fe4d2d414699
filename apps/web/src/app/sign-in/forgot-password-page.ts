import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { PASSWORD_RESET_MINUTES } from '@heard/domain';
import type { ForgotPasswordRequest, ProblemDetails } from '@heard/domain';
import { PageHeader, ProblemAlert } from '@heard/ui';
import { API } from '../core/api-urls';
import { saveForm } from '../core/save-form';
import { pageFocus } from '../core/focus';

/**
 * Asks for a link to choose a new password. The answer is the same whether or not the email has an
 * account (the API says nothing either way), so the page says what happens if it has one.
 */
@Component({
  selector: 'heard-forgot-password-page',
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
  templateUrl: './forgot-password-page.html',
  styleUrl: './sign-in-page.scss',
  host: { class: 'heard-page' },
})
export class ForgotPasswordPage {
  private readonly http = inject(HttpClient);
  private readonly focus = pageFocus();

  protected readonly form = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
  });
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly submitting = signal(false);
  /** The address the last request was for, once the API has taken it. */
  protected readonly sentTo = signal<string | null>(null);
  protected readonly resetMinutes = PASSWORD_RESET_MINUTES;

  protected submit(): void {
    const email = this.form.controls.email.value.trim();
    saveForm({
      form: this.form,
      focus: this.focus,
      saving: this.submitting,
      problem: this.problem,
      request: () => {
        const body: ForgotPasswordRequest = { email };
        return this.http.post<void>(API.forgotPassword, body);
      },
      saved: () => this.sentTo.set(email),
    });
  }
}
