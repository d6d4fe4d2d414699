import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { HttpClient } from '@angular/common/http';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { PASSWORD_MIN_LENGTH } from '@heard/domain';
import type { AcceptInvitationRequest, ProblemDetails, ResetPasswordRequest } from '@heard/domain';
import { PageHeader, ProblemAlert } from '@heard/ui';
import { API } from '../core/api-urls';
import { saveForm } from '../core/save-form';
import { passwordPolicy } from './password.validator';
import { pageFocus } from '../core/focus';

export type ChoosePasswordForm = FormGroup<{
  password: FormControl<string>;
  showPassword: FormControl<boolean>;
}>;

@Component({
  selector: 'heard-welcome-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatCheckboxModule,
    MatButtonModule,
    PageHeader,
    ProblemAlert,
  ],
  templateUrl: './welcome-page.html',
  styleUrl: './welcome-page.scss',
  host: { class: 'heard-page' },
})
export class WelcomePage {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly focus = pageFocus();

  /** The token from the emailed link: `/welcome/<token>` or `/reset-password/<token>`. */
  readonly token = input.required<string>();
  /** Route data: an invitation's first password, or a new one from a "forgotten your password?" link. */
  readonly mode = input<'invitation' | 'reset'>('invitation');

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly form: ChoosePasswordForm = new FormGroup({
    password: new FormControl('', { nonNullable: true, validators: [Validators.required, passwordPolicy] }),
    showPassword: new FormControl(false, { nonNullable: true }),
  });
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly submitting = signal(false);
  private readonly password = toSignal(this.form.controls.password.valueChanges, { initialValue: '' });
  protected readonly length = computed(() => this.password().length);
  private readonly show = toSignal(this.form.controls.showPassword.valueChanges, { initialValue: false });
  protected readonly inputType = computed(() => (this.show() ? 'text' : 'password'));

  protected submit(): void {
    saveForm({
      form: this.form,
      focus: this.focus,
      saving: this.submitting,
      problem: this.problem,
      request: () => {
        const body: AcceptInvitationRequest & ResetPasswordRequest = {
          token: this.token(),
          password: this.form.controls.password.value,
        };
        return this.http.post<void>(this.mode() === 'reset' ? API.resetPassword : API.acceptInvitation, body);
      },
      saved: () => void this.router.navigate(['/sign-in'], { queryParams: { passwordSet: 'yes' } }),
    });
  }
}
