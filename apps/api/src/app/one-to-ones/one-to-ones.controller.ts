import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  OneToOneCommand,
  OneToOneQuery,
  OneToOneQuerySchema,
  OneToOneRequestSchema,
  OneToOneResponse,
  OneToOneUpdateSchema,
  Role,
} from '@heard/domain';
import { z } from 'zod';
import { Allow } from '../../platform/auth/access.decorator';
import { Actor, CurrentActor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { OneToOnesService } from './one-to-ones.service';

const oneToOneIdPipe = new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound('This one-to-one') });

@ApiTags('one-to-ones')
@Allow(Role.ParticipationOfficer)
@Controller('one-to-ones')
export class OneToOnesController {
  constructor(private readonly oneToOnes: OneToOnesService) {}

  @Get()
  list(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(OneToOneQuerySchema)) query: OneToOneQuery,
  ): Promise<OneToOneResponse[]> {
    return this.oneToOnes.list(actor, query);
  }

  @Post()
  create(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(OneToOneRequestSchema)) body: OneToOneCommand,
  ): Promise<OneToOneResponse> {
    return this.oneToOnes.create(actor, body);
  }

  @Patch(':id')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', oneToOneIdPipe) id: string,
    @Body(new ZodPipe(OneToOneUpdateSchema)) body: z.output<typeof OneToOneUpdateSchema>,
  ): Promise<OneToOneResponse> {
    return this.oneToOnes.update(actor, id, body);
  }
}
