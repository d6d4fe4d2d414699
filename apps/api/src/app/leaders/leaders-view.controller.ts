import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { LEADERS_VIEW_READERS, LeadersView, LeadersViewQuery, LeadersViewQuerySchema } from '@heard/domain';
import { Allow } from '../../platform/auth/access.decorator';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { LeadersViewService } from './leaders-view.service';

/** The senior leaders' view: aggregates for a period (docs/leaders-view.md). */
@ApiTags('leaders')
@Controller('leaders')
@Allow(...LEADERS_VIEW_READERS)
export class LeadersViewController {
  constructor(private readonly leaders: LeadersViewService) {}

  @Get('view')
  view(@Query(new ZodPipe(LeadersViewQuerySchema)) query: LeadersViewQuery): Promise<LeadersView> {
    return this.leaders.view(query);
  }
}
