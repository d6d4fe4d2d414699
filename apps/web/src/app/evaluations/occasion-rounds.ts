import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { EvaluationRoundSummary, RoundOccasionKind } from '@heard/domain';
import { EvaluationRoundsApi } from './evaluation-rounds-api';

/**
 * The evaluation rounds held at an occasion, on its page: where the officer enters the day's
 * evaluations from (with or without signal, when the day was kept on the device).
 */
@Component({
  selector: 'heard-occasion-rounds',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <section aria-labelledby="occasion-rounds-heading">
      <h2 id="occasion-rounds-heading">
        Evaluations at this {{ kind() === 'activity_day' ? 'day' : 'session' }}
      </h2>
      @if (failed()) {
        <p>The evaluation rounds could not be loaded.</p>
      } @else if (rounds(); as rounds) {
        @if (rounds.length === 0) {
          <p>No evaluation round is held here. Set one up from a practice tool's page.</p>
        } @else {
          <ul>
            @for (round of rounds; track round.id) {
              <li>
                @if (round.state === 'closed') {
                  {{ round.title }} ({{ round.toolName }}): closed
                } @else {
                  <a [routerLink]="['/practice-tools', 'rounds', round.id, 'enter']"
                    >Enter evaluations: {{ round.title }}</a
                  >
                  ({{ round.toolName }})
                }
              </li>
            }
          </ul>
        }
      }
    </section>
  `,
})
export class OccasionRounds {
  private readonly api = inject(EvaluationRoundsApi);

  readonly kind = input.required<RoundOccasionKind>();
  readonly occasionId = input.required<string>();

  protected readonly rounds = signal<EvaluationRoundSummary[] | null>(null);
  protected readonly failed = signal(false);

  constructor() {
    effect((onCleanup) => {
      const sub = this.api.atOccasion(this.kind(), this.occasionId()).subscribe({
        next: (rounds) => this.rounds.set(rounds),
        error: () => this.failed.set(true),
      });
      onCleanup(() => sub.unsubscribe());
    });
  }
}
