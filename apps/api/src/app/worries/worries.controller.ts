import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AcknowledgeWorryRequestSchema,
  Page,
  PageQuerySchema,
  RaiseWorryCommand,
  RaiseWorryRequestSchema,
  STAFF_ROLES,
  WorryRaisedResponse,
  WorryResponse,
} from '@heard/domain';
import { z } from 'zod';
import { Allow } from '../../platform/auth/access.decorator';
import { Actor, CurrentActor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { WorriesService } from './worries.service';

const worryIdPipe = new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound('This worry') });

/**
 * Any member of staff may raise a worry. Reading and acknowledging are open to staff at the route
 * and decided by the safeguarding-contact flag in the service, which an administrator sets on the
 * person, not on a role.
 */
@ApiTags('worries')
@Allow(...STAFF_ROLES)
@Controller('worries')
export class WorriesController {
  constructor(private readonly worries: WorriesService) {}

  @Post()
  raise(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(RaiseWorryRequestSchema)) body: RaiseWorryCommand,
  ): Promise<WorryRaisedResponse> {
    return this.worries.raise(actor, {
      words: body.words,
      source: { kind: 'staff', id: null },
      occasion: null,
      youngPersonId: body.youngPersonId,
    });
  }

  @Get()
  list(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(PageQuerySchema)) query: z.output<typeof PageQuerySchema>,
  ): Promise<Page<WorryResponse>> {
    return this.worries.list(actor, query);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', worryIdPipe) id: string): Promise<WorryResponse> {
    return this.worries.get(actor, id);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  acknowledge(
    @CurrentActor() actor: Actor,
    @Param('id', worryIdPipe) id: string,
    @Body(new ZodPipe(AcknowledgeWorryRequestSchema)) body: z.output<typeof AcknowledgeWorryRequestSchema>,
  ): Promise<WorryResponse> {
    return this.worries.acknowledge(actor, id, body.note);
  }
}
