import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { OCCASION_KIND_LABELS, WORRY_SOURCE_LABELS } from '@heard/domain';
import type { WorryResponse } from '@heard/domain';

/** Who, when, how it came and the words of one worry, as its safeguarding contacts read it. */
@Component({
  selector: 'heard-worry-details',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe],
  template: `
    <dl class="worry-facts">
      <dt>Who</dt>
      <dd>{{ who() }}</dd>
      <dt>When</dt>
      <dd>{{ worry().raisedAt | date: 'EEEE d MMMM y, HH:mm' }}</dd>
      <dt>How it came</dt>
      <dd>
        {{ source() }}
        @if (worry().raisedBy; as by) {
          , by {{ by.displayName }}
        }
      </dd>
      @if (occasion(); as occasion) {
        <dt>Occasion</dt>
        <dd>{{ occasion }}</dd>
      }
    </dl>
    <blockquote class="worry-words">{{ worry().words }}</blockquote>
  `,
  styles: `
    .worry-facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.25rem 1rem;
      margin: 0;
    }
    .worry-facts dt {
      font-weight: 600;
    }
    .worry-facts dd {
      margin: 0;
    }
    .worry-words {
      white-space: pre-wrap;
      margin: 0.75rem 0;
      padding-left: 1rem;
      border-left: 4px solid currentColor;
    }
  `,
})
export class WorryDetails {
  readonly worry = input.required<WorryResponse>();

  protected readonly who = computed(() => {
    const w = this.worry();
    if (w.youngPerson) return w.youngPerson.preferredName;
    return w.source.kind === 'round_link'
      ? 'A young person using a round link (no name given)'
      : 'A young person (no name given)';
  });
  protected readonly source = computed(() => {
    const w = this.worry();
    const label = WORRY_SOURCE_LABELS[w.source.kind];
    return w.source.id && w.source.kind === 'round_link' ? `${label} (round ${w.source.id})` : label;
  });
  protected readonly occasion = computed(() => {
    const o = this.worry().occasion;
    return o ? `${OCCASION_KIND_LABELS[o.kind] ?? o.kind} (${o.id})` : null;
  });
}
