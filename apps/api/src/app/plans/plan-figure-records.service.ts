import { Injectable } from '@nestjs/common';
import {
  PLAN_RECORDS_SHOWN,
  PlanFigure,
  PlanFigureRecord,
  PlanFigureRecordsResponse,
  PlanActivityDayRow,
  PlanReference,
  REACH_STAGE_LABELS,
  ShownCount,
  assemblePlanFigures,
  planPeriodHolding,
  shownCount,
  shownParts,
} from '@heard/domain';
import { DataSource } from 'typeorm';
import { Actor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { FunnelService } from '../activities/funnel.service';
import { actionsAnswered } from '../leaders/action-counts.queries';
import { readablePledgesSql } from '../pledges/pledges.queries';
import { activityDaysOf, loopItemsOf, planAssemblyInput } from './plan-figures.queries';

type Of<K extends PlanReference['kind']> = Extract<PlanReference, { kind: K }>;

const ANSWERS = { done: 'Done', open: 'We will', cant: 'We can’t' } as const;

/**
 * What a figure of section C counts (docs/plan.md "Figure links"). Records of the council's work
 * are read with the very predicates that counted them (actionCounts', loopsOf'), or by the ids the
 * figure carries; counts of young people are the plan's own figures, assembled and withheld as the
 * plan's were, so a row never shows what the plan withholds, and no young person is named.
 * Not audited, as the figures themselves are not: aggregates and the council's own records.
 */
@Injectable()
export class PlanFigureRecordsService {
  constructor(
    private readonly db: DataSource,
    private readonly funnels: FunnelService,
  ) {}

  async records(actor: Actor, ref: PlanReference): Promise<PlanFigureRecordsResponse> {
    switch (ref.kind) {
      case 'actions':
        return this.actions(ref);
      case 'loops':
        return this.loops(ref);
      case 'pledges':
        return this.pledges(actor, ref);
      case 'activity_days':
        return this.activityDays(ref);
      case 'invitations':
        return this.invitations(ref);
      default:
        return this.ofYoungPeople(ref);
    }
  }

  private async actions(ref: Of<'actions'>): Promise<PlanFigureRecordsResponse> {
    const rows = await actionsAnswered(this.db, ref.period, ref.answer, ref.theme, PLAN_RECORDS_SHOWN);
    return listed(
      ref,
      rows.map((r) => ({
        label: r.words,
        detail: r.status === 'done' && r.doneOn ? `Done on ${r.doneOn}` : ANSWERS[ref.answer],
        link: { page: 'action', id: r.id },
      })),
      rows[0]?.total ?? 0,
    );
  }

  private async loops(ref: Of<'loops'>): Promise<PlanFigureRecordsResponse> {
    const rows = await loopItemsOf(this.db, ref.period, ref.closed, PLAN_RECORDS_SHOWN);
    return listed(
      ref,
      rows.map((r) => ({
        label: r.words,
        detail: `Said on ${r.saidOn}`,
        link: { page: 'you_said_item', id: r.id },
      })),
      rows[0]?.total ?? 0,
    );
  }

  /** A senior leader sees another leader's pledge counted, but not its words: pledges are read as their pages allow. */
  private async pledges(actor: Actor, ref: Of<'pledges'>): Promise<PlanFigureRecordsResponse> {
    const params: unknown[] = [ref.ids, PLAN_RECORDS_SHOWN];
    const readable = readablePledgesSql(actor, params);
    const rows: { id: string; words: string; madeOn: string; readable: boolean; total: number }[] =
      await this.db.query(
        `SELECT p.id, p.words, p.made_on::text AS "madeOn", (${readable}) AS readable,
                count(*) OVER ()::int AS total
           FROM pledges p WHERE p.id = ANY($1::uuid[])
          ORDER BY p.made_on, p.id LIMIT $2`,
        params,
      );
    return listed(
      ref,
      rows.map((r) =>
        r.readable
          ? { label: r.words, detail: `Made on ${r.madeOn}`, link: { page: 'pledge', id: r.id } }
          : { label: 'Another leader’s pledge', detail: `Made on ${r.madeOn}`, link: null },
      ),
      rows[0]?.total ?? 0,
    );
  }

  private async activityDays(ref: Of<'activity_days'>): Promise<PlanFigureRecordsResponse> {
    const rows = await this.days(ref.ids, PLAN_RECORDS_SHOWN);
    return listed(
      ref,
      rows.map((r) => ({ label: r.title, detail: r.date, link: { page: 'activity_day', id: r.id } })),
      rows[0]?.total ?? 0,
    );
  }

  /** Each day's count at the stage, withheld as the plan's column of days is. */
  private async invitations(ref: Of<'invitations'>): Promise<PlanFigureRecordsResponse> {
    const days = await this.days(ref.occasionIds, ref.occasionIds.length);
    const funnels = await this.aYearsFunnels(days);
    const counts = days.map((d) => funnels.get(d.id)?.[ref.stage] ?? 0);
    const shown = shownParts(counts);
    return young(
      ref,
      shownCount(counts.reduce((a, b) => a + b, 0)),
      days.map((d, i) => ({
        label: d.title,
        detail: d.date,
        count: shown[i],
        link: { page: 'activity_day', id: d.id },
      })),
    );
  }

  /**
   * The days of a funnel figure must be every activity day a council year held, as the plan's
   * funnel counts them (activityDaysOf): a chosen few could be set against the year's total to work
   * out a day's count the plan withholds. Answers each day's funnel.
   */
  private async aYearsFunnels(
    days: readonly { id: string; date: string }[],
  ): Promise<Map<string, PlanActivityDayRow['funnel']>> {
    const first = days.map((d) => d.date).sort()[0];
    const held = first ? await activityDaysOf(this.db, this.funnels, planPeriodHolding(first)) : [];
    const asked = new Set(days.map((d) => d.id));
    if (held.length !== asked.size || held.some((d) => !asked.has(d.occasionId)))
      throw DomainError.validation(
        'ref',
        'A funnel figure counts every activity day of a council year, as the plan does: link it from the plan.',
      );
    // The year's days come with their funnels, as the plan read them: nothing to read again.
    return new Map(held.map((d) => [d.occasionId, d.funnel]));
  }

  private days(
    ids: readonly string[],
    limit: number,
  ): Promise<{ id: string; title: string; date: string; total: number }[]> {
    return this.db.query(
      `SELECT id, title, date::text AS date, count(*) OVER ()::int AS total
         FROM activity_days WHERE id = ANY($1::uuid[]) ORDER BY date, id LIMIT $2`,
      [ids, limit],
    );
  }

  /**
   * Practice tools, groups, reach and reviews: the plan's figures for the period, assembled again,
   * and the rows the reference covers taken from them as they are.
   */
  private async ofYoungPeople(
    ref: Of<'practice_tool_evaluations' | 'group_attendance' | 'reach' | 'review_participation'>,
  ): Promise<PlanFigureRecordsResponse> {
    const input = await planAssemblyInput(this.db, this.funnels, ref.period);
    const figures = assemblePlanFigures(input);
    const row = (
      figure: PlanFigure,
      link: PlanFigureRecord['link'],
      label = figure.label,
    ): PlanFigureRecord => ({
      label,
      detail: null,
      count: figure.value,
      link,
    });
    switch (ref.kind) {
      case 'practice_tool_evaluations': {
        const tool = figures.practiceTools.find((t) => t.toolId === ref.toolId);
        if (!tool) return young(ref, 0, []);
        return young(ref, tool.evaluatedBy.value, [
          {
            ...row(tool.evaluatedBy, { page: 'practice_tool', id: tool.toolId }, tool.name),
            detail: tool.whatChanged && `What changed: ${tool.whatChanged}`,
          },
        ]);
      }
      case 'group_attendance': {
        const groups = figures.takingPart.byGroup.filter((g) => g.groupId === ref.groupId);
        return young(
          ref,
          firstOr(groups.map((g) => g.figure.value)),
          groups.map((g) => row(g.figure, { page: 'group', id: g.groupId })),
        );
      }
      case 'reach': {
        const { table } = figures.reach;
        const stage = ref.stage ?? 'came';
        const rows = table.tables
          .filter((t) => !ref.dimension || t.dimension === ref.dimension)
          .flatMap((t) =>
            t.rows
              .filter((r) => !ref.group || r.group === ref.group)
              .map((r) => ({
                label: `${t.label}: ${r.label}`,
                detail: REACH_STAGE_LABELS[stage],
                count: r.counts[stage],
                link: { page: 'reach' } as const,
              })),
          );
        const value: ShownCount = ref.group ? firstOr(rows.map((r) => r.count)) : table.total[stage];
        return young(ref, value, rows);
      }
      case 'review_participation': {
        const { reviews } = figures;
        if (!reviews) return young(ref, 0, []);
        if (ref.chaired) return young(ref, reviews.chaired.value, [row(reviews.chaired, null)]);
        const codes = reviews.byCode.filter((c) => !ref.code || c.code === ref.code);
        return young(
          ref,
          ref.code ? firstOr(codes.map((c) => c.figure.value)) : reviews.recorded.value,
          codes.map((c) => row(c.figure, null)),
        );
      }
    }
  }
}

/** Records of the council's work: the value is how many there are, all of them, listed or not. */
function listed(ref: PlanReference, records: PlanFigureRecord[], total: number): PlanFigureRecordsResponse {
  return {
    counts: ref,
    ofYoungPeople: false,
    value: total,
    records,
    more: Math.max(0, total - records.length),
  };
}

/** Rows of a count of young people: groups, days, codes or tools, each already withheld as the plan is. */
function young(
  ref: PlanReference,
  value: ShownCount,
  records: PlanFigureRecord[],
): PlanFigureRecordsResponse {
  return {
    counts: ref,
    ofYoungPeople: true,
    value,
    records: records.slice(0, PLAN_RECORDS_SHOWN),
    more: Math.max(0, records.length - PLAN_RECORDS_SHOWN),
  };
}

/** The one row's count (null stays "fewer than five"), or 0 when there is no row: nothing was counted. */
function firstOr(counts: readonly ShownCount[]): ShownCount {
  return counts.length > 0 ? counts[0] : 0;
}
