import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { ENROLMENT_CODE_MAX_TYPED } from '@heard/domain';
import { SessionService } from '../core/session.service';
import { ENROL_WORDS } from './enrol-words';
import { EnrolmentClient } from './enrolment-client';

type Step = 'code' | 'device' | 'passkey';

/**
 * A young expert signs in with the code their officer gave them, then chooses: a key (passkey) on
 * their own phone or computer, or just this time on a shared one. Plain words, big targets, phone first.
 */
@Component({
  selector: 'heard-enrol-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule],
  templateUrl: './enrol-page.html',
  styleUrl: './enrol-page.scss',
  host: { class: 'heard-young-page' },
})
export default class EnrolPage {
  private readonly client = inject(EnrolmentClient);
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);

  protected readonly words = ENROL_WORDS;
  protected readonly maxLength = ENROLMENT_CODE_MAX_TYPED;
  protected readonly code = new FormControl('', { nonNullable: true, validators: [Validators.required] });
  protected readonly form = new FormGroup({ code: this.code });
  protected readonly step = signal<Step>(this.session.pendingStep() === 'enrolment' ? 'device' : 'code');
  protected readonly problem = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly passkeysSupported = this.client.supported();

  protected async sendCode(): Promise<void> {
    if (this.busy()) return;
    if (this.code.invalid) {
      this.problem.set(ENROL_WORDS.codeMissing);
      return;
    }
    await this.run(async () => {
      this.session.replace(await this.client.useCode(this.code.value));
      this.step.set('device');
    });
  }

  protected choosePasskey(): void {
    this.problem.set(null);
    this.step.set('passkey');
  }

  protected async makeKey(): Promise<void> {
    await this.run(async () => {
      this.session.replace(await this.client.registerPasskey());
      await this.router.navigateByUrl('/my-space');
    });
  }

  protected async justThisTime(): Promise<void> {
    await this.run(async () => {
      this.session.replace(await this.client.justThisTime());
      await this.router.navigateByUrl('/my-space');
    });
  }

  protected startAgain(): void {
    this.code.reset();
    this.problem.set(null);
    this.step.set('code');
  }

  private async run(work: () => Promise<void>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    try {
      await work();
    } catch (error) {
      this.problem.set(problemWords(error));
    } finally {
      this.busy.set(false);
    }
  }
}

/** What went wrong, in the page's own words: the API's status, or the browser's cancel. */
function problemWords(error: unknown): string {
  if (error instanceof Error && error.name === 'NotAllowedError') return ENROL_WORDS.passkeyCancelled;
  const status = typeof error === 'object' && error !== null && 'status' in error ? error.status : 0;
  if (status === 429) return ENROL_WORDS.tooMany;
  if (status === 401 || status === 409) return ENROL_WORDS.codeRefused;
  return ENROL_WORDS.passkeyCancelled;
}
