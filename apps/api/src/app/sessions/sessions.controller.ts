import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import { ApiTags } from '@nestjs/swagger';
import {
  AttendanceRequestSchema,
  CancelSessionRequestSchema,
  GroupSessionDetailResponse,
  GroupSessionResponse,
  HeldAnswer,
  MoveSessionRequestSchema,
  Role,
  SessionDetailsRequestSchema,
  SessionRangeQuerySchema,
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
import { AttendanceService } from './attendance.service';
import { SessionsService } from './sessions.service';
import { SessionReads } from './session-reads.service';

const sessionIdPipe = new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound('This session') });

@ApiTags('sessions')
@Allow(Role.ParticipationOfficer)
@Controller('sessions')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly reads: SessionReads,
    private readonly attendance: AttendanceService,
  ) {}

  @Get()
  list(
    @Query(new ZodPipe(SessionRangeQuerySchema)) query: z.output<typeof SessionRangeQuerySchema>,
  ): Promise<GroupSessionResponse[]> {
    return this.reads.list(query);
  }

  @Get(':id')
  detail(
    @CurrentActor() actor: Actor,
    @Param('id', sessionIdPipe) id: string,
  ): Promise<GroupSessionDetailResponse> {
    return this.reads.detail(actor, id);
  }

  @Patch(':id')
  updateDetails(
    @CurrentActor() actor: Actor,
    @Param('id', sessionIdPipe) id: string,
    @Body(new ZodPipe(SessionDetailsRequestSchema)) body: z.output<typeof SessionDetailsRequestSchema>,
  ): Promise<GroupSessionDetailResponse> {
    return this.sessions.updateDetails(actor, id, body);
  }

  @Post(':id/move')
  @HttpCode(200)
  move(
    @CurrentActor() actor: Actor,
    @Param('id', sessionIdPipe) id: string,
    @Body(new ZodPipe(MoveSessionRequestSchema)) body: z.output<typeof MoveSessionRequestSchema>,
  ): Promise<GroupSessionResponse> {
    return this.sessions.move(actor, id, body);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(
    @CurrentActor() actor: Actor,
    @Param('id', sessionIdPipe) id: string,
    @Body(new ZodPipe(CancelSessionRequestSchema)) body: z.output<typeof CancelSessionRequestSchema>,
  ): Promise<GroupSessionResponse> {
    return this.sessions.cancel(actor, id, body.reason);
  }

  /** Also the offline outbox's path: with Heard-Recorded-At, one mark judged by the offline rules (202 when held). */
  @Put(':id/attendance')
  async recordAttendance(
    @CurrentActor() actor: Actor,
    @Param('id', sessionIdPipe) id: string,
    @Body(new ZodPipe(AttendanceRequestSchema)) body: z.output<typeof AttendanceRequestSchema>,
    @OfflineChange() offline: OfflineChangeContext | null,
    @Res({ passthrough: true }) res: Response,
  ): Promise<GroupSessionDetailResponse | HeldAnswer> {
    return answerHeldWith202(
      res,
      await this.attendance.record(actingAt(actor, offline), id, body.entries, offline),
    );
  }
}
