import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ProblemDetails } from '@heard/domain';
import { HeardIcon } from '../icon/icon';

export interface FieldMessage {
  field: string;
  label: string | null;
  message: string;
}

/** Flattens `errors` into one line per message, naming the field where a label is known. */
export function fieldMessages(
  problem: ProblemDetails,
  labels: Readonly<Record<string, string>>,
): FieldMessage[] {
  const errors = problem.errors ?? {};
  return Object.entries(errors).flatMap(([field, messages]) =>
    messages.map((message) => ({ field, label: labels[field] ?? null, message })),
  );
}

/**
 * Shows an API problem (RFC 9457): its `detail`, then each field message. It is an alert
 * region, so screen readers announce it when it appears.
 */
@Component({
  selector: 'heard-problem-alert',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [HeardIcon],
  template: `
    <div class="alert" role="alert">
      <heard-icon name="error" class="icon" />
      <div class="body">
        <p class="detail">{{ message() }}</p>
        @if (fields().length > 0) {
          <ul class="fields">
            @for (item of fields(); track $index) {
              <li>
                @if (item.label) {
                  <span class="label">{{ item.label }}:</span>
                }
                {{ item.message }}
              </li>
            }
          </ul>
        }
      </div>
    </div>
  `,
  styles: `
    :host {
      display: block;
      margin-block: 16px;
    }
    .alert {
      display: flex;
      gap: 12px;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-medium);
      border-inline-start: 6px solid var(--mat-sys-error);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font: var(--mat-sys-body-large);
    }
    .icon {
      margin-block-start: 2px;
    }
    .detail {
      margin: 0;
      font-weight: 600;
    }
    .fields {
      margin: 8px 0 0;
      padding-inline-start: 20px;
    }
    .label {
      font-weight: 600;
    }
  `,
})
export class ProblemAlert {
  readonly problem = input.required<ProblemDetails>();
  /** Readable names for field keys, e.g. `{ password: 'Password' }`. Unknown keys show the message alone. */
  readonly fieldLabels = input<Readonly<Record<string, string>>>({});

  protected readonly message = computed(() => {
    const problem = this.problem();
    return problem.detail || problem.title || 'Something went wrong. Please try again.';
  });
  protected readonly fields = computed(() => fieldMessages(this.problem(), this.fieldLabels()));
}
