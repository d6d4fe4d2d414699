import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { FEWER_THAN_FIVE, type ShownCount } from '@heard/domain';
import {
  BarController,
  BarElement,
  CategoryScale,
  type ChartConfiguration,
  Legend,
  LinearScale,
} from 'chart.js';
import { BaseChartDirective, provideCharts } from 'ng2-charts';

/** One set of bars: a label for the legend and the table's column, and a figure per category. */
export interface ChartSeries {
  label: string;
  /** null: withheld, a count of young people under five (shownCount) or a share with one behind it (shownShare). */
  values: ShownCount[];
}

/** Dark colours that each keep 3:1 against the page, as graphics must (WCAG 1.4.11). */
export const CHART_COLOURS = ['#1f4e79', '#8a4b08', '#2e6b30', '#6b2e6b', '#4d4d4d'];

let nextChartId = 0;

/** What the figures are: counts of young people, or shares of a group in whole percent (shownShare). */
export type ChartUnit = 'count' | 'percent';

/** How the bars lie: upright, or across for many categories with long names (a label a line). */
export type ChartLayout = 'upright' | 'across';

/** A figure as the table shows it: withheld ones say so in words. */
export function cellOf(value: ShownCount, unit: ChartUnit = 'count'): string {
  if (value === null) return FEWER_THAN_FIVE;
  return unit === 'percent' ? `${value}%` : String(value);
}

/** The axis the figures are read on: a count from 0, or a share from 0% to 100%. */
function valueScale(unit: ChartUnit) {
  return unit === 'percent'
    ? { min: 0, max: 100, ticks: { callback: (value: string | number) => `${value}%` } }
    : { beginAtZero: true, ticks: { precision: 0 } };
}

/** Room for each category's bars when they lie across, so they stay thick enough to tell apart. */
export function chartHeight(layout: ChartLayout, categories: number, series: number): number {
  return layout === 'across' ? Math.max(260, 80 + categories * (12 + 14 * series)) : 260;
}

/**
 * The chart.js configuration for the bars, several series side by side per category; withheld
 * figures (null) are left out of the drawing.
 */
export function barChartOf(
  categories: string[],
  series: ChartSeries[],
  unit: ChartUnit = 'count',
  layout: ChartLayout = 'upright',
): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: categories,
      datasets: series.map((s, i) => ({
        label: s.label,
        data: s.values,
        backgroundColor: CHART_COLOURS[i % CHART_COLOURS.length],
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      // One series needs no key: the caption and the table name it.
      plugins: { legend: { display: series.length > 1 } },
      indexAxis: layout === 'across' ? 'y' : 'x',
      scales: { [layout === 'across' ? 'x' : 'y']: valueScale(unit) },
    },
  };
}

/**
 * A bar chart with its table (docs/decisions/0027): the chart is for those who would rather look;
 * the table, with the same numbers, is what screen readers read and what prints. A count withheld
 * as a small number has no bar and reads "fewer than 5" in the table. Only the chart.js parts a bar
 * chart needs are registered, here, so pages without charts never load chart.js.
 */
@Component({
  selector: 'heard-bar-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BaseChartDirective],
  providers: [
    provideCharts({ registerables: [BarController, BarElement, CategoryScale, LinearScale, Legend] }),
  ],
  template: `
    <div class="chart-and-table">
      <div class="chart" [style.height.px]="height()">
        <canvas
          baseChart
          role="img"
          [attr.aria-label]="'Bar chart: ' + caption() + '. The table beside it has the same numbers.'"
          [attr.aria-details]="tableId"
          [type]="'bar'"
          [data]="config().data"
          [options]="config().options"
        ></canvas>
      </div>
      <div class="heard-table-scroll">
        <table class="chart-table" [id]="tableId">
          <caption>
            {{
              caption()
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ categoryHeading() }}</th>
              @for (s of series(); track s.label) {
                <th scope="col">{{ s.label }}</th>
              }
              @if (notes(); as notes) {
                <th scope="col">{{ notes.heading }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (category of categories(); track category; let row = $index) {
              <tr>
                <th scope="row">{{ category }}</th>
                @for (s of series(); track s.label) {
                  <td>{{ cell(s.values[row], unit()) }}</td>
                }
                @if (notes(); as notes) {
                  <td class="note">{{ notes.values[row] }}</td>
                }
              </tr>
            }
          </tbody>
        </table>
      </div>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .chart-and-table {
      display: flex;
      flex-wrap: wrap;
      gap: 24px;
      align-items: flex-start;
    }
    .chart {
      position: relative;
      flex: 1 1 320px;
      max-width: 560px;
    }
    table {
      border-collapse: collapse;
    }
    caption {
      text-align: start;
      font-weight: 600;
      padding-block-end: 8px;
    }
    th,
    td {
      padding: 6px 12px;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
      text-align: start;
    }
    td {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    td.note {
      text-align: start;
      color: var(--mat-sys-on-surface-variant);
    }
    @media print {
      .chart {
        display: none;
      }
    }
  `,
})
export class BarChart {
  /** Says what the numbers are, e.g. "Invited, said yes and came". */
  readonly caption = input.required<string>();
  /** The heading of the table's first column, e.g. "Stage" or "Theme". */
  readonly categoryHeading = input.required<string>();
  readonly categories = input.required<string[]>();
  readonly series = input.required<ChartSeries[]>();
  /** An optional last column of words, one a category, e.g. each stage's share of those invited. */
  readonly notes = input<{ heading: string; values: string[] } | null>(null);
  readonly unit = input<ChartUnit>('count');
  readonly layout = input<ChartLayout>('upright');

  protected readonly tableId = `heard-chart-table-${nextChartId++}`;
  protected readonly config = computed(() =>
    barChartOf(this.categories(), this.series(), this.unit(), this.layout()),
  );
  protected readonly height = computed(() =>
    chartHeight(this.layout(), this.categories().length, this.series().length),
  );
  protected readonly cell = cellOf;
}
