import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import type { PasskeyResponse, ProblemDetails } from '@heard/domain';
import { PageHeader, ProblemAlert } from '@heard/ui';
import { pageFocus } from '../core/focus';
import { safeReturnUrl } from '../core/return-url';
import { SessionService } from '../core/session.service';
import { PasskeyClient, passkeyProblem } from './passkey-client';

/** The same limit the API checks (PASSKEY_LABEL_MAX_LENGTH), kept here so zod stays out of this page. */
const LABEL_MAX_LENGTH = 60;

/**
 * My passkeys: the list, adding one (the password again, and a name to tell them apart) and
 * removing one (the password again). Reached from the set-up page, also while a required second
 * factor is being set up: adding a passkey finishes that.
 */
@Component({
  selector: 'heard-passkeys-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    PageHeader,
    ProblemAlert,
  ],
  templateUrl: './passkeys-page.html',
  host: { class: 'heard-page' },
})
export class PasskeysPage implements OnInit {
  private readonly passkeys = inject(PasskeyClient);
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  private readonly focus = pageFocus();

  readonly returnUrl = input<string | undefined>();

  protected readonly supported = this.passkeys.supported();
  protected readonly list = signal<PasskeyResponse[]>([]);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly status = signal<string | null>(null);
  protected readonly submitting = signal(false);
  /** The passkey whose removal is being confirmed with the password. */
  protected readonly removing = signal<PasskeyResponse | null>(null);

  protected readonly addForm = new FormGroup({
    label: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(LABEL_MAX_LENGTH)],
    }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly removeForm = new FormGroup({
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });

  ngOnInit(): void {
    void this.reload();
  }

  protected async add(): Promise<void> {
    if (!this.ready(this.addForm)) return;
    const { label, password } = this.addForm.getRawValue();
    await this.run(
      async () => {
        const added = await this.passkeys.add(password, label.trim());
        this.addForm.reset();
        // Adding one may have finished setting up a required second factor.
        await this.session.load();
        await this.reload();
        // Said once the list shows it, so the announcement and the page agree.
        this.status.set(`Passkey "${added.label}" added.`);
      },
      () => this.addForm.controls.password.reset(),
    );
  }

  protected confirmRemove(passkey: PasskeyResponse): void {
    this.removing.set(passkey);
    this.removeForm.reset();
    this.problem.set(null);
  }

  protected cancelRemove(): void {
    this.removing.set(null);
  }

  protected async remove(): Promise<void> {
    const passkey = this.removing();
    if (!passkey || !this.ready(this.removeForm)) return;
    await this.run(
      async () => {
        await this.passkeys.remove(passkey.id, this.removeForm.controls.password.value);
        this.removing.set(null);
        await this.session.load();
        await this.reload();
        this.status.set(`Passkey "${passkey.label}" removed.`);
      },
      () => this.removeForm.reset(),
    );
  }

  protected continue(): Promise<boolean> {
    return this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
  }

  protected signedIn(): boolean {
    return this.session.signedIn();
  }

  private async reload(): Promise<void> {
    try {
      this.list.set(await this.passkeys.list());
    } catch (error) {
      this.problem.set(passkeyProblem(error));
    }
  }

  private async run(work: () => Promise<void>, onError: () => void): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.problem.set(passkeyProblem(error));
      onError();
    } finally {
      this.submitting.set(false);
    }
  }

  private ready(form: FormGroup): boolean {
    if (this.submitting()) return false;
    if (form.invalid) {
      form.markAllAsTouched();
      this.focus.firstInvalid();
      return false;
    }
    this.problem.set(null);
    this.status.set(null);
    this.submitting.set(true);
    return true;
  }
}
