import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { FunnelStage } from '@heard/domain';

export interface FunnelBar {
  label: string;
  value: number;
}

/** Invited → accepted → attended as bars, in the order the funnel reads. */
export function stageBars(stage: FunnelStage): FunnelBar[] {
  return [
    { label: 'Invited', value: stage.invited },
    { label: 'Said yes', value: stage.accepted },
    { label: 'Came', value: stage.attended },
  ];
}

/** "50%" of the first figure, or "" when there is nothing to compare with. */
export function shareOf(value: number, of: number): string {
  return of > 0 ? `${Math.round((value / of) * 100)}%` : '';
}

/**
 * Plain bars with their numbers written out: the list is what screen readers read; the bars are
 * decoration scaled to the largest figure. No chart library.
 */
@Component({
  selector: 'heard-funnel-bars',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="bars" [attr.aria-label]="label()">
      @for (bar of bars(); track bar.label) {
        <li>
          <span class="label">{{ bar.label }}</span>
          <span class="track" aria-hidden="true">
            <span class="bar" [style.width.%]="widthOf(bar.value)"></span>
          </span>
          <span class="value">
            {{ bar.value }}
            @if ($index > 0 && share(bar.value); as share) {
              <span class="share">({{ share }} of those invited)</span>
            }
          </span>
        </li>
      }
    </ul>
  `,
  styles: `
    :host {
      display: block;
    }
    /* One grid for every row, so each bar's track is the same length and the bars are to scale. */
    .bars {
      display: grid;
      grid-template-columns: 7rem 1fr minmax(6rem, max-content);
      column-gap: 12px;
      margin: 0;
      padding: 0;
      list-style: none;
      max-width: 48rem;
    }
    li {
      display: grid;
      grid-column: 1 / -1;
      grid-template-columns: subgrid;
      align-items: center;
      padding-block: 6px;
    }
    .label {
      font-weight: 600;
    }
    .track {
      display: block;
      height: 20px;
      border-radius: var(--mat-sys-corner-extra-small, 4px);
      background: var(--mat-sys-surface-container-high);
    }
    .bar {
      display: block;
      height: 100%;
      min-width: 2px;
      border-radius: inherit;
      background: var(--mat-sys-primary);
    }
    .share {
      color: var(--mat-sys-on-surface-variant);
    }
    @media print {
      .track {
        border: 1px solid #000;
        background: #fff;
      }
      .bar {
        background: #000;
        print-color-adjust: exact;
      }
    }
  `,
})
export class FunnelBars {
  readonly bars = input.required<FunnelBar[]>();
  /** Names the list, e.g. "Invited, said yes and came". */
  readonly label = input<string>('Invited, said yes and came');

  private readonly max = computed(() => Math.max(0, ...this.bars().map((bar) => bar.value)));

  protected widthOf(value: number): number {
    const max = this.max();
    return max === 0 ? 0 : (value / max) * 100;
  }

  protected share(value: number): string {
    return shareOf(value, this.bars()[0]?.value ?? 0);
  }
}
