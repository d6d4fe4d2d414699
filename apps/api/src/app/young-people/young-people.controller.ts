import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ArchiveRequestSchema,
  Page,
  Role,
  YoungPersonAttendance,
  YoungPersonCommand,
  YoungPersonListItem,
  YoungPersonQuery,
  YoungPersonQuerySchema,
  YoungPersonRequestSchema,
  YoungPersonResponse,
} from '@heard/domain';
import { z } from 'zod';
import { Allow } from '../../platform/auth/access.decorator';
import { Actor, CurrentActor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { AttendanceService } from '../sessions/attendance.service';
import { YoungPeopleService } from './young-people.service';

export const youngPersonIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => DomainError.notFound('This young person'),
});

@ApiTags('young-people')
@Controller('young-people')
export class YoungPeopleController {
  constructor(
    private readonly youngPeople: YoungPeopleService,
    private readonly attendance: AttendanceService,
  ) {}

  @Allow(Role.ParticipationOfficer, Role.Practitioner)
  @Get()
  list(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(YoungPersonQuerySchema)) query: YoungPersonQuery,
  ): Promise<Page<YoungPersonListItem>> {
    return this.youngPeople.list(actor, query);
  }

  @Allow(Role.ParticipationOfficer, Role.Practitioner)
  @Get(':id')
  get(
    @CurrentActor() actor: Actor,
    @Param('id', youngPersonIdPipe) id: string,
  ): Promise<YoungPersonResponse> {
    return this.youngPeople.get(actor, id);
  }

  @Allow(Role.ParticipationOfficer, Role.Practitioner)
  @Get(':id/attendance')
  attendanceHistory(
    @CurrentActor() actor: Actor,
    @Param('id', youngPersonIdPipe) id: string,
  ): Promise<YoungPersonAttendance> {
    return this.attendance.forYoungPerson(actor, id);
  }

  @Allow(Role.ParticipationOfficer)
  @Post()
  create(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(YoungPersonRequestSchema)) body: YoungPersonCommand,
  ): Promise<YoungPersonResponse> {
    return this.youngPeople.create(actor, body);
  }

  @Allow(Role.ParticipationOfficer)
  @Put(':id')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', youngPersonIdPipe) id: string,
    @Body(new ZodPipe(YoungPersonRequestSchema)) body: YoungPersonCommand,
  ): Promise<YoungPersonResponse> {
    return this.youngPeople.update(actor, id, body);
  }

  @Allow(Role.ParticipationOfficer)
  @Post(':id/archive')
  archive(
    @CurrentActor() actor: Actor,
    @Param('id', youngPersonIdPipe) id: string,
    @Body(new ZodPipe(ArchiveRequestSchema)) body: z.output<typeof ArchiveRequestSchema>,
  ): Promise<YoungPersonResponse> {
    return this.youngPeople.archive(actor, id, body.reason);
  }
}
