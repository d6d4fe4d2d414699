import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { AGE_BANDS, SERVICE_EXPERIENCE_LABELS, ServiceExperienceKind } from '@heard/domain';
import type { FunnelResponse, FunnelStage } from '@heard/domain';
import { BarChart } from '../charts/bar-chart';
import { FUNNEL_STAGE_LABELS, shareOf, stageSeries, stageShares } from './funnel-bars';

interface FunnelRow extends FunnelStage {
  label: string;
}

/**
 * A funnel's figures: the bars, who said no and why, and the split by age band and service
 * experience. Headings are `<h3>`: the page or tab around it has the `<h2>`.
 */
@Component({
  selector: 'heard-funnel-details',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, BarChart],
  template: `
    <p class="explain">
      Being invited counts even when someone cannot come: every invitation that reached a young person is
      counted here, whatever they answered. Drafts and withdrawn invitations are not counted.
    </p>
    <heard-bar-chart
      caption="Invited, said yes and came"
      categoryHeading="Stage"
      [categories]="stages"
      [series]="series()"
      [notes]="{ heading: 'Share', values: shares() }"
    />
    <p class="others">
      {{ funnel().declined }} said no. {{ funnel().waitlisted }}
      {{ funnel().waitlisted === 1 ? 'is' : 'are' }} on the waiting list.
    </p>

    <h3>Why people said no</h3>
    @if (funnel().declineReasons.length === 0) {
      <p>No one has said no.</p>
    } @else {
      <ul class="reasons">
        @for (item of funnel().declineReasons; track item.reason) {
          <li>{{ item.reason }}: {{ item.count }}</li>
        }
      </ul>
    }

    <h3 id="by-age-heading">By age band</h3>
    <ng-container
      [ngTemplateOutlet]="splitTable"
      [ngTemplateOutletContext]="{ rows: byAge(), column: 'Age band', labelledBy: 'by-age-heading' }"
    />

    <h3 id="by-experience-heading">By service experience</h3>
    <p class="help">Someone with more than one service experience is counted in each.</p>
    <ng-container
      [ngTemplateOutlet]="splitTable"
      [ngTemplateOutletContext]="{
        rows: byExperience(),
        column: 'Service experience',
        labelledBy: 'by-experience-heading',
      }"
    />

    <ng-template #splitTable let-rows="rows" let-column="column" let-labelledBy="labelledBy">
      <div class="heard-table-scroll">
        <table class="simple" [attr.aria-labelledby]="labelledBy">
          <thead>
            <tr>
              <th scope="col">{{ column }}</th>
              <th scope="col">Invited</th>
              <th scope="col">Said yes</th>
              <th scope="col">Came</th>
            </tr>
          </thead>
          <tbody>
            @for (row of rows; track row.label) {
              <tr>
                <th scope="row">{{ row.label }}</th>
                <td>{{ row.invited }}</td>
                <td>{{ row.accepted }}</td>
                <td>{{ row.attended }} {{ cameShare(row) }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    </ng-template>
  `,
  styles: `
    :host {
      display: block;
    }
    h3 {
      margin: 24px 0 8px;
      font: var(--mat-sys-title-medium);
    }
    .explain,
    .help {
      max-width: 70ch;
      color: var(--mat-sys-on-surface-variant);
    }
    .simple {
      border-collapse: collapse;
      min-width: 480px;
      th,
      td {
        padding: 8px 12px;
        text-align: start;
        border-block-end: 1px solid var(--mat-sys-outline-variant);
      }
      tbody th {
        font-weight: 400;
      }
    }
  `,
})
export class FunnelDetails {
  readonly funnel = input.required<FunnelResponse>();

  protected readonly stages = FUNNEL_STAGE_LABELS;
  protected readonly series = computed(() => stageSeries(this.funnel()));
  protected readonly shares = computed(() => stageShares(this.funnel()));
  protected readonly byAge = computed<FunnelRow[]>(() =>
    AGE_BANDS.map((band) => ({
      label: band.replace('-', ' to '),
      ...(this.funnel().byAgeBand[band] ?? { invited: 0, accepted: 0, attended: 0 }),
    })),
  );
  protected readonly byExperience = computed<FunnelRow[]>(() =>
    Object.values(ServiceExperienceKind).map((kind) => ({
      label: SERVICE_EXPERIENCE_LABELS[kind],
      ...(this.funnel().byServiceExperience[kind] ?? { invited: 0, accepted: 0, attended: 0 }),
    })),
  );

  protected cameShare(row: FunnelStage): string {
    const share = shareOf(row.attended, row.invited);
    return share ? `(${share})` : '';
  }
}
