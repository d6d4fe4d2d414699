import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ERASURE_ROLES,
  ErasureDecisionCommand,
  ErasureDecisionSchema,
  ErasureRequestCommand,
  ErasureRequestResponse,
  ErasureRequestSchema,
  ErasureRequestsResponse,
} from '@heard/domain';
import { Allow } from '../../platform/auth/access.decorator';
import { Actor, CurrentActor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { youngPersonIdPipe } from '../young-people/young-people.controller';
import { ErasureRequestsService } from './erasure-requests.service';

const requestIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => DomainError.notFound('This erasure request'),
});

/**
 * Erasure on request (docs/erasure.md): participation officers, who keep the records and answer
 * young people's requests, record a request and decide it. Deciding "erase" cannot be undone.
 */
@ApiTags('erasure')
@Controller()
@Allow(...ERASURE_ROLES)
export class ErasureController {
  constructor(private readonly requests: ErasureRequestsService) {}

  @Get('young-people/:id/erasure-requests')
  list(
    @CurrentActor() actor: Actor,
    @Param('id', youngPersonIdPipe) id: string,
  ): Promise<ErasureRequestsResponse> {
    return this.requests.list(actor, id);
  }

  @Post('young-people/:id/erasure-requests')
  record(
    @CurrentActor() actor: Actor,
    @Param('id', youngPersonIdPipe) id: string,
    @Body(new ZodPipe(ErasureRequestSchema)) body: ErasureRequestCommand,
  ): Promise<ErasureRequestResponse> {
    return this.requests.record(actor, id, body);
  }

  @Post('erasure-requests/:id/decision')
  @HttpCode(200)
  decide(
    @CurrentActor() actor: Actor,
    @Param('id', requestIdPipe) id: string,
    @Body(new ZodPipe(ErasureDecisionSchema)) body: ErasureDecisionCommand,
  ): Promise<ErasureRequestResponse> {
    return this.requests.decide(actor, id, body);
  }
}
