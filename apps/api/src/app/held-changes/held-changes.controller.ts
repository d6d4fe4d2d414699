import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HeldChangeApplyRequestSchema,
  HeldChangeDiscardRequestSchema,
  HeldChangeResponse,
  Role,
} from '@heard/domain';
import { z } from 'zod';
import { Allow } from '../../platform/auth/access.decorator';
import { Actor, CurrentActor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { HeldChangesService } from './held-changes.service';

const heldIdPipe = new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound('This held change') });

/**
 * An officer's changes made offline and kept aside for their decision (docs/offline.md). Only
 * participation officers mark registers, so only they have held changes; administrators reach no
 * young person and are not given these routes.
 */
@ApiTags('held-changes')
@Allow(Role.ParticipationOfficer)
@Controller('held-changes')
export class HeldChangesController {
  constructor(private readonly held: HeldChangesService) {}

  @Get()
  mine(@CurrentActor() actor: Actor): Promise<HeldChangeResponse[]> {
    return this.held.listMine(actor);
  }

  @Post(':id/apply')
  @HttpCode(200)
  apply(
    @CurrentActor() actor: Actor,
    @Param('id', heldIdPipe) id: string,
    @Body(new ZodPipe(HeldChangeApplyRequestSchema)) body: z.output<typeof HeldChangeApplyRequestSchema>,
  ): Promise<HeldChangeResponse> {
    return this.held.apply(actor, id, body.reason);
  }

  @Post(':id/discard')
  @HttpCode(200)
  discard(
    @CurrentActor() actor: Actor,
    @Param('id', heldIdPipe) id: string,
    @Body(new ZodPipe(HeldChangeDiscardRequestSchema)) body: z.output<typeof HeldChangeDiscardRequestSchema>,
  ): Promise<HeldChangeResponse> {
    return this.held.discard(actor, id, body.reason);
  }
}
