import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { EvaluationRoundSummary, RoundState } from '@heard/domain';
import { longDate } from '../core/dates';
import { EvaluationRoundsApi } from './evaluation-rounds-api';
import { OCCASION_KIND_LABELS } from './round-form';

export const ROUND_STATE_LABELS: Readonly<Record<RoundState, string>> = {
  not_open_yet: 'Not open yet',
  open: 'Open',
  closed: 'Closed',
};

/** The rounds of one tool version, on the tool's page (officers), with the way to set up another. */
@Component({
  selector: 'heard-version-rounds',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    @if (failed()) {
      <p>The rounds of this version could not be loaded.</p>
    } @else if (rounds(); as rounds) {
      @if (rounds.length === 0) {
        <p>No evaluation rounds yet.</p>
      } @else {
        <ul class="rounds" [attr.aria-label]="'Evaluation rounds of ' + versionLabel()">
          @for (round of rounds; track round.id) {
            <li>
              <a [routerLink]="['/practice-tools/rounds', round.id]">{{ round.title }}</a>
              <span class="meta">
                {{ where(round) }}; {{ day(round.opensOn) }} to {{ day(round.closesOn) }};
                {{ stateLabels[round.state] }}; {{ round.evaluationCount }} answered
              </span>
              <span class="round-links">
                @if (round.state === 'open') {
                  <a [routerLink]="['/practice-tools/rounds', round.id, 'enter']"
                    >Enter evaluations<span class="cdk-visually-hidden"> for {{ round.title }}</span></a
                  >
                }
                <a [routerLink]="['/practice-tools/rounds', round.id, 'results']"
                  >Results<span class="cdk-visually-hidden"> of {{ round.title }}</span></a
                >
              </span>
            </li>
          }
        </ul>
      }
    }
    <a class="set-up" [routerLink]="['/practice-tools', toolId(), 'versions', versionId(), 'rounds', 'new']"
      >Set up a round<span class="cdk-visually-hidden"> of {{ versionLabel() }}</span></a
    >
  `,
  styles: `
    :host {
      display: block;
    }
    .rounds {
      padding-inline-start: 20px;
    }
    .rounds li {
      margin-block: 4px;
    }
    .meta {
      display: block;
    }
    .round-links {
      display: flex;
      gap: 16px;
    }
  `,
})
export class VersionRounds {
  private readonly api = inject(EvaluationRoundsApi);

  readonly toolId = input.required<string>();
  readonly versionId = input.required<string>();
  readonly versionLabel = input.required<string>();

  protected readonly rounds = signal<EvaluationRoundSummary[] | null>(null);
  protected readonly failed = signal(false);
  protected readonly stateLabels = ROUND_STATE_LABELS;
  protected readonly day = longDate;

  constructor() {
    effect((onCleanup) => {
      const sub = this.api.list(this.versionId()).subscribe({
        next: (rounds) => this.rounds.set(rounds),
        error: () => this.failed.set(true),
      });
      onCleanup(() => sub.unsubscribe());
    });
  }

  protected where(round: EvaluationRoundSummary): string {
    const o = round.occasion;
    return o ? `${OCCASION_KIND_LABELS[o.kind]}: ${o.title}` : 'Online';
  }
}
