import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  PLAN_READERS,
  PlanFigureRecordsQuery,
  PlanFigureRecordsQuerySchema,
  PlanFigureRecordsResponse,
} from '@heard/domain';
import { Allow } from '../../platform/auth/access.decorator';
import { Actor, CurrentActor } from '../../platform/auth/auth-context';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { PlanFigureRecordsService } from './plan-figure-records.service';

/** What a figure of section C counts, for those who read plans (docs/plan.md "Figure links"). */
@ApiTags('voice plan')
@Controller('plans/figures')
@Allow(...PLAN_READERS)
export class PlanFigureRecordsController {
  constructor(private readonly records: PlanFigureRecordsService) {}

  @Get('records')
  list(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(PlanFigureRecordsQuerySchema)) query: PlanFigureRecordsQuery,
  ): Promise<PlanFigureRecordsResponse> {
    return this.records.records(actor, query.ref);
  }
}
