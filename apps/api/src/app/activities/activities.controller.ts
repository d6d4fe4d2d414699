import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiTags } from '@nestjs/swagger';
import {
  ActivityCancelRequestSchema,
  ActivityConsentMatrix,
  ActivityDayCommand,
  ActivityDayListItem,
  ActivityDayRequestSchema,
  ActivityDayResponse,
  ActivityMoveRequestSchema,
  ActivityQuery,
  ActivityQuerySchema,
  AttendanceMarkRequestSchema,
  DaySheetResponse,
  FunnelQuerySchema,
  FunnelResponse,
  HeldAnswer,
  InvitationResponse,
  InvitationSuggestionsResponse,
  Page,
  Role,
} from '@heard/domain';
import { z } from 'zod';
import { Allow } from '../../platform/auth/access.decorator';
import { Actor, CurrentActor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import {
  OfflineChange,
  OfflineChangeContext,
  actingAt,
  answerHeldWith202,
} from '../../platform/offline/offline-change';
import { ActivitiesService } from './activities.service';
import { ActivityDayOnTheDay } from './activity-day-on-the-day.service';
import { FunnelService } from './funnel.service';

const activityIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => DomainError.notFound('This activity day'),
});
const SuggestionQuerySchema = z
  .object({ q: z.string().trim().max(60, 'Search with at most 60 characters.').optional() })
  .strict();

@ApiTags('activities')
@Allow(Role.ParticipationOfficer)
@Controller()
export class ActivitiesController {
  constructor(
    private readonly activities: ActivitiesService,
    private readonly onTheDay: ActivityDayOnTheDay,
    private readonly funnels: FunnelService,
  ) {}

  @Get('activities')
  list(@Query(new ZodPipe(ActivityQuerySchema)) query: ActivityQuery): Promise<Page<ActivityDayListItem>> {
    return this.activities.list(query);
  }

  @Post('activities')
  create(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(ActivityDayRequestSchema)) body: ActivityDayCommand,
  ): Promise<ActivityDayResponse> {
    return this.activities.create(actor, body);
  }

  @Get('activities/:id')
  get(@Param('id', activityIdPipe) id: string): Promise<ActivityDayResponse> {
    return this.activities.get(id);
  }

  @Put('activities/:id')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', activityIdPipe) id: string,
    @Body(new ZodPipe(ActivityDayRequestSchema)) body: ActivityDayCommand,
  ): Promise<ActivityDayResponse> {
    return this.activities.update(actor, id, body);
  }

  @Post('activities/:id/move')
  @HttpCode(200)
  move(
    @CurrentActor() actor: Actor,
    @Param('id', activityIdPipe) id: string,
    @Body(new ZodPipe(ActivityMoveRequestSchema)) body: z.output<typeof ActivityMoveRequestSchema>,
  ): Promise<ActivityDayResponse> {
    return this.activities.move(actor, id, body);
  }

  @Post('activities/:id/cancel')
  @HttpCode(200)
  cancel(
    @CurrentActor() actor: Actor,
    @Param('id', activityIdPipe) id: string,
    @Body(new ZodPipe(ActivityCancelRequestSchema)) body: z.output<typeof ActivityCancelRequestSchema>,
  ): Promise<ActivityDayResponse> {
    return this.activities.cancel(actor, id, body.reason);
  }

  @Get('activities/:id/suggestions')
  suggestions(
    @CurrentActor() actor: Actor,
    @Param('id', activityIdPipe) id: string,
    @Query(new ZodPipe(SuggestionQuerySchema)) query: z.output<typeof SuggestionQuerySchema>,
  ): Promise<InvitationSuggestionsResponse> {
    return this.activities.suggestions(actor, id, query.q);
  }

  @Get('activities/:id/invitations')
  invitations(
    @CurrentActor() actor: Actor,
    @Param('id', activityIdPipe) id: string,
  ): Promise<InvitationResponse[]> {
    return this.activities.invitationsFor(actor, id);
  }

  @Get('activities/:id/consents')
  consents(
    @CurrentActor() actor: Actor,
    @Param('id', activityIdPipe) id: string,
  ): Promise<ActivityConsentMatrix> {
    return this.onTheDay.consentMatrix(actor, id);
  }

  @Get('activities/:id/day-sheet')
  daySheet(@CurrentActor() actor: Actor, @Param('id', activityIdPipe) id: string): Promise<DaySheetResponse> {
    return this.onTheDay.daySheet(actor, id);
  }

  /** Also the offline outbox's path: with Heard-Recorded-At the offline rules judge the mark (202 when held). */
  @Post('activities/:id/attendance')
  @HttpCode(200)
  async attendance(
    @CurrentActor() actor: Actor,
    @Param('id', activityIdPipe) id: string,
    @Body(new ZodPipe(AttendanceMarkRequestSchema)) body: z.output<typeof AttendanceMarkRequestSchema>,
    @OfflineChange() offline: OfflineChangeContext | null,
    @Res({ passthrough: true }) res: Response,
  ): Promise<InvitationResponse | HeldAnswer> {
    return answerHeldWith202(
      res,
      await this.onTheDay.markAttendance(actingAt(actor, offline), id, body, offline),
    );
  }

  @Get('activities/:id/funnel')
  activityFunnel(@Param('id', activityIdPipe) id: string): Promise<FunnelResponse> {
    return this.funnels.funnelForActivity(id);
  }

  @Get('funnel')
  funnel(
    @Query(new ZodPipe(FunnelQuerySchema)) query: z.output<typeof FunnelQuerySchema>,
  ): Promise<FunnelResponse> {
    return this.funnels.funnelForPeriod(query.from, query.to);
  }
}
