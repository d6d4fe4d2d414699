import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CalendarFeedRequestSchema,
  CalendarFeedResponse,
  CalendarOccasion,
  CalendarQuery,
  CalendarQuerySchema,
  Role,
} from '@heard/domain';
import type { Response } from 'express';
import { z } from 'zod';
import { Allow, Public } from '../../platform/auth/access.decorator';
import { Actor, CurrentActor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { CalendarService } from './calendar.service';

const TOKEN = /^([A-Za-z0-9_-]{43})\.ics$/;

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly calendars: CalendarService) {}

  /** Every activity day, group session and one-to-one on the days asked for. */
  @Allow(Role.ParticipationOfficer)
  @Get('calendar')
  between(@Query(new ZodPipe(CalendarQuerySchema)) query: CalendarQuery): Promise<CalendarOccasion[]> {
    return this.calendars.between(query);
  }

  @Allow(Role.ParticipationOfficer, Role.Practitioner)
  @Get('calendar-feeds')
  mine(@CurrentActor() actor: Actor): Promise<CalendarFeedResponse[]> {
    return this.calendars.mine(actor);
  }

  @Allow(Role.ParticipationOfficer, Role.Practitioner)
  @Post('calendar-feeds')
  create(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(CalendarFeedRequestSchema)) body: z.output<typeof CalendarFeedRequestSchema>,
  ): Promise<CalendarFeedResponse> {
    return this.calendars.create(actor, body);
  }

  @Allow(Role.ParticipationOfficer, Role.Practitioner)
  @Post('calendar-feeds/:id/revoke')
  @HttpCode(200)
  revoke(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound('This calendar feed') }))
    id: string,
  ): Promise<CalendarFeedResponse> {
    return this.calendars.revoke(actor, id);
  }

  /** Calendar apps cannot sign in: the unguessable address is the key, and revoking it ends access. */
  @Public()
  @Get('calendar/:file')
  async feed(@Param('file') file: string, @Res() res: Response): Promise<void> {
    const match = TOKEN.exec(file);
    if (!match) throw DomainError.notFound('This calendar');
    const body = await this.calendars.render(match[1]);
    res
      .status(200)
      .type('text/calendar; charset=utf-8')
      .setHeader('Content-Disposition', 'inline; filename="heard.ics"');
    res.send(body);
  }
}
