import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { WORRY_WORDS_MAX, wordsToCheck } from '@heard/domain';
import type { ProblemDetails, WorryRaisedResponse } from '@heard/domain';
import { PageHeader, ProblemAlert } from '@heard/ui';
import { toProblem } from '../core/problem';
import { WorriesApi } from './worries-api';

/**
 * Any member of staff writes down a worry; it goes at once to the safeguarding contacts. As they
 * type, listed words are pointed out as a prompt to think again: hints only, nothing is decided.
 * `?youngPerson=<id>` names the young person (from their record); otherwise none is named.
 */
@Component({
  selector: 'heard-raise-worry-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    PageHeader,
    ProblemAlert,
  ],
  templateUrl: './raise-worry-page.html',
  host: { class: 'heard-page' },
})
export default class RaiseWorryPage {
  private readonly api = inject(WorriesApi);

  /** From the query string, when opened from a young person's record. */
  readonly youngPerson = input<string>();

  protected readonly max = WORRY_WORDS_MAX;
  protected readonly words = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(WORRY_WORDS_MAX)],
  });
  protected readonly form = new FormGroup({ words: this.words });
  private readonly typed = toSignal(this.words.valueChanges, { initialValue: '' });
  protected readonly hints = computed(() => wordsToCheck(this.typed()));
  protected readonly sending = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly raised = signal<WorryRaisedResponse | null>(null);

  protected send(): void {
    this.words.markAsTouched();
    if (this.words.invalid || !this.words.value.trim()) return;
    this.sending.set(true);
    this.problem.set(null);
    this.api.raise({ words: this.words.value, youngPersonId: this.youngPerson() ?? null }).subscribe({
      next: (raised) => {
        this.raised.set(raised);
        this.sending.set(false);
      },
      error: (error: unknown) => {
        this.problem.set(toProblem(error));
        this.sending.set(false);
      },
    });
  }

  protected another(): void {
    this.raised.set(null);
    this.words.reset('');
  }
}
