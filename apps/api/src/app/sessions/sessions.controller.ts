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
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AttendanceRequestSchema,
  CancelSessionRequestSchema,
  GroupSessionDetailResponse,
  GroupSessionResponse,
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

  @Put(':id/attendance')
  recordAttendance(
    @CurrentActor() actor: Actor,
    @Param('id', sessionIdPipe) id: string,
    @Body(new ZodPipe(AttendanceRequestSchema)) body: z.output<typeof AttendanceRequestSchema>,
  ): Promise<GroupSessionDetailResponse> {
    return this.attendance.record(actor, id, body.entries);
  }
}
