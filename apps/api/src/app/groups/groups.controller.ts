import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AgeingOutEntry,
  GenerateSessionsRequestSchema,
  GenerateSessionsResponse,
  GroupAttendance,
  GroupCommand,
  GroupListQuerySchema,
  GroupRequestSchema,
  GroupResponse,
  GroupSessionResponse,
  GroupSummary,
  JoinGroupRequestSchema,
  LeaveGroupRequestSchema,
  MembershipResponse,
  OnDateQuerySchema,
  OneOffSessionRequestSchema,
  Page,
  PatternExceptionRequestSchema,
  Role,
} from '@heard/domain';
import { z } from 'zod';
import { Allow } from '../../platform/auth/access.decorator';
import { Actor, CurrentActor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { AttendanceService } from '../sessions/attendance.service';
import { SessionsService } from '../sessions/sessions.service';
import { GroupsService } from './groups.service';

const groupIdPipe = new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound('This group') });
const membershipIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => DomainError.notFound('This membership'),
});

@ApiTags('groups')
@Allow(Role.ParticipationOfficer)
@Controller('groups')
export class GroupsController {
  constructor(
    private readonly groups: GroupsService,
    private readonly sessions: SessionsService,
    private readonly attendance: AttendanceService,
  ) {}

  @Get()
  list(
    @Query(new ZodPipe(GroupListQuerySchema)) query: z.output<typeof GroupListQuerySchema>,
  ): Promise<Page<GroupSummary>> {
    return this.groups.list(query);
  }

  @Get('ageing-out')
  ageingOut(
    @Query(new ZodPipe(OnDateQuerySchema)) query: z.output<typeof OnDateQuerySchema>,
  ): Promise<AgeingOutEntry[]> {
    return this.groups.ageingOut(query.on);
  }

  @Post()
  create(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(GroupRequestSchema)) body: GroupCommand,
  ): Promise<GroupResponse> {
    return this.groups.create(actor, body);
  }

  @Get(':id')
  get(@Param('id', groupIdPipe) id: string): Promise<GroupResponse> {
    return this.groups.get(id);
  }

  @Put(':id')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', groupIdPipe) id: string,
    @Body(new ZodPipe(GroupRequestSchema)) body: GroupCommand,
  ): Promise<GroupResponse> {
    return this.groups.update(actor, id, body);
  }

  @Get(':id/members')
  members(
    @CurrentActor() actor: Actor,
    @Param('id', groupIdPipe) id: string,
    @Query(new ZodPipe(OnDateQuerySchema)) query: z.output<typeof OnDateQuerySchema>,
  ): Promise<MembershipResponse[]> {
    return this.groups.members(actor, id, query.on);
  }

  @Post(':id/members')
  join(
    @CurrentActor() actor: Actor,
    @Param('id', groupIdPipe) id: string,
    @Body(new ZodPipe(JoinGroupRequestSchema)) body: z.output<typeof JoinGroupRequestSchema>,
  ): Promise<MembershipResponse> {
    return this.groups.join(actor, id, body);
  }

  @Post(':id/members/:membershipId/leave')
  @HttpCode(200)
  leave(
    @CurrentActor() actor: Actor,
    @Param('id', groupIdPipe) id: string,
    @Param('membershipId', membershipIdPipe) membershipId: string,
    @Body(new ZodPipe(LeaveGroupRequestSchema)) body: z.output<typeof LeaveGroupRequestSchema>,
  ): Promise<MembershipResponse> {
    return this.groups.leave(actor, id, membershipId, body.leftOn);
  }

  @Post(':id/exceptions')
  @HttpCode(204)
  addException(
    @CurrentActor() actor: Actor,
    @Param('id', groupIdPipe) id: string,
    @Body(new ZodPipe(PatternExceptionRequestSchema)) body: z.output<typeof PatternExceptionRequestSchema>,
  ): Promise<void> {
    return this.sessions.addException(actor, id, { ...body, reason: body.reason ?? undefined });
  }

  @Post(':id/sessions/generate')
  @HttpCode(200)
  generate(
    @CurrentActor() actor: Actor,
    @Param('id', groupIdPipe) id: string,
    @Body(new ZodPipe(GenerateSessionsRequestSchema)) body: z.output<typeof GenerateSessionsRequestSchema>,
  ): Promise<GenerateSessionsResponse> {
    return this.sessions.generate(actor, id, body.until);
  }

  @Post(':id/sessions')
  addOneOff(
    @CurrentActor() actor: Actor,
    @Param('id', groupIdPipe) id: string,
    @Body(new ZodPipe(OneOffSessionRequestSchema)) body: z.output<typeof OneOffSessionRequestSchema>,
  ): Promise<GroupSessionResponse> {
    return this.sessions.addOneOff(actor, id, body);
  }

  @Get(':id/attendance')
  attendanceSummary(
    @CurrentActor() actor: Actor,
    @Param('id', groupIdPipe) id: string,
  ): Promise<GroupAttendance> {
    return this.groups.find(id).then(() => this.attendance.forGroup(actor, id));
  }
}
