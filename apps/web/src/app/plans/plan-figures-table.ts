import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { FEWER_THAN_FIVE, FEW_YOUNG_PEOPLE_NOTE, encodePlanReference } from '@heard/domain';
import type { PlanFigure, PlanFigures } from '@heard/domain';

/**
 * The page of what a figure counts (plan-figure-records-page.ts), given the figure's reference, its
 * words in the plan and the version to go back to.
 */
export const PLAN_FIGURE_RECORDS_PATH = '/plans/figures/records';

export interface PlanFigureRow {
  part: string;
  label: string;
  value: string;
  note: string | null;
  /** What it counts, as the figure-records page's `ref`. */
  ref: string;
}

function row(
  part: string,
  figure: PlanFigure,
  label = figure.label,
  note: string | null = null,
): PlanFigureRow {
  const few = figure.fewYoungPeople ? FEW_YOUNG_PEOPLE_NOTE : null;
  return {
    part,
    label,
    value: figure.value === null ? FEWER_THAN_FIVE : String(figure.value),
    note: [note, few].filter((n): n is string => n !== null).join(' ') || null,
    ref: encodePlanReference(figure.counts),
  };
}

/**
 * Section C's figures as the rows of one table, each with what it counts in words. Withheld counts
 * read "fewer than 5" and a figure resting on few young people says so, as everywhere else.
 */
export function planFigureRows(f: PlanFigures): PlanFigureRow[] {
  const actions = [
    { label: 'All themes', ...f.actions.total },
    ...f.actions.byTheme.map((t) => ({ ...t, label: t.label })),
  ].flatMap((t) => [t.done, t.open, t.cant].map((fig) => row('Actions', fig, `${t.label}: ${fig.label}`)));
  return [
    ...actions,
    row('You said items', f.loops.closed),
    row('You said items', f.loops.notClosed),
    row('Pledges', f.pledges.total),
    row('Pledges', f.pledges.flagged),
    ...f.practiceTools.map((t) =>
      row('Practice tools', t.evaluatedBy, t.name, t.whatChanged ? `What changed: ${t.whatChanged}` : null),
    ),
    row('Activity days', f.activityDays.held),
    ...Object.values(f.activityDays.funnel).map((fig) => row('Activity days', fig)),
    row('Taking part', f.takingPart.total),
    ...f.takingPart.byGroup.map((g) => row('Taking part', g.figure)),
    ...f.takingPart.byAgeBand.map((fig) => row('Taking part by age', fig)),
    ...f.takingPart.byServiceExperience.map((fig) => row('Taking part by service experience', fig)),
    ...(f.reviews
      ? [
          row('Reviews', f.reviews.recorded),
          ...f.reviews.byCode.map((c) => row('Reviews', c.figure)),
          row('Reviews', f.reviews.chaired),
        ]
      : []),
  ];
}

/** The figures section C was drafted from, for the officer to check against the words. */
@Component({
  selector: 'heard-plan-figures-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    @if (figures().empty) {
      <p>Nothing was recorded in this period, so there are no figures to show.</p>
    } @else {
      <table class="plan-figures">
        <caption>
          The figures for
          {{
            caption()
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">Part</th>
            <th scope="col">What it counts</th>
            <th scope="col">Number</th>
            <th scope="col">Note</th>
            <th scope="col">Records</th>
          </tr>
        </thead>
        <tbody>
          @for (r of rows(); track $index) {
            <tr>
              <td>{{ r.part }}</td>
              <th scope="row">{{ r.label }}</th>
              <td>{{ r.value }}</td>
              <td>{{ r.note ?? '' }}</td>
              <td>
                <a
                  [routerLink]="recordsPath"
                  [queryParams]="{ ref: r.ref, label: r.part + ': ' + r.label, version: versionId() }"
                  [attr.aria-label]="'See what this counts: ' + r.part + ', ' + r.label"
                  >See what this counts</a
                >
              </td>
            </tr>
          }
        </tbody>
      </table>
    }
  `,
  styles: `
    .plan-figures {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: start;
      padding: 4px 8px;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
      vertical-align: top;
    }
    caption {
      text-align: start;
      font-weight: 600;
      padding-block: 8px;
    }
  `,
})
export class PlanFiguresTable {
  readonly figures = input.required<PlanFigures>();
  /** The period in words, for the table's caption. */
  readonly caption = input.required<string>();
  /** The version the table is shown on, for the figure pages' way back. */
  readonly versionId = input<string | null>(null);
  protected readonly recordsPath = PLAN_FIGURE_RECORDS_PATH;
  protected readonly rows = computed(() => planFigureRows(this.figures()));
}
