import { Injectable } from '@nestjs/common';
import { PlanFiguresResponse, assemblePlanFigures, draftLastYear, lastYearOf } from '@heard/domain';
import { DataSource } from 'typeorm';
import { DomainError } from '../../platform/errors/domain-error';
import { FunnelService } from '../activities/funnel.service';
import { planAssemblyInput } from './plan-figures.queries';

/**
 * Section C from the data (issue 14 §2, docs/plan.md): the year before the plan, counted by
 * plan-figures.queries.ts, assembled and withheld by assemblePlanFigures, drafted by draftLastYear.
 * Aggregates only, as the leaders' view: nothing names a young person.
 */
@Injectable()
export class PlanFiguresService {
  constructor(
    private readonly db: DataSource,
    private readonly funnels: FunnelService,
  ) {}

  async figures(planId: string): Promise<PlanFiguresResponse> {
    const [plan]: { year: number; periodFrom: string }[] = await this.db.query(
      `SELECT year, period_from::text AS "periodFrom" FROM voice_plans WHERE id = $1`,
      [planId],
    );
    if (!plan) throw DomainError.notFound('This plan');
    const period = lastYearOf(plan.periodFrom);
    const figures = assemblePlanFigures(await planAssemblyInput(this.db, this.funnels, period));
    return { planId, year: plan.year, period, figures, draft: draftLastYear(figures) };
  }
}
