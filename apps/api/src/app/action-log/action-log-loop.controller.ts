import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ACTION_ANSWERERS,
  LoopView,
  PICKABLE_STAFF_ROLES,
  Role,
  TellingCommand,
  TellingRequestSchema,
  TellingResult,
  ToPassOnEntry,
  ToReadOutEntry,
} from '@heard/domain';
import { z } from 'zod';
import { Allow } from '../../platform/auth/access.decorator';
import { Actor, CurrentActor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { itemIdPipe } from './action-log-actions.controller';
import { ActionLogLoopService } from './action-log-loop.service';
import { ActionLogPassOnService } from './action-log-pass-on.service';

const tellingIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => DomainError.notFound('This message to pass on'),
});
const sessionIdPipe = new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound('This session') });
/** Closing and reopening carry no body; anything sent is refused rather than ignored. */
const EmptyBodySchema = z.object({}).strict();

/** Closing the loop with the young people who spoke (docs/action-log.md "Closing the loop"). */
@ApiTags('action-log')
@Controller()
@Allow(...ACTION_ANSWERERS)
export class ActionLogLoopController {
  constructor(
    private readonly loop: ActionLogLoopService,
    private readonly passOn: ActionLogPassOnService,
  ) {}

  @Get('action-log/items/:id/loop')
  view(@CurrentActor() actor: Actor, @Param('id', itemIdPipe) id: string): Promise<LoopView> {
    return this.loop.view(actor, id);
  }

  @Post('action-log/items/:id/tellings')
  tell(
    @CurrentActor() actor: Actor,
    @Param('id', itemIdPipe) id: string,
    @Body(new ZodPipe(TellingRequestSchema)) body: TellingCommand,
  ): Promise<TellingResult> {
    return this.loop.tell(actor, id, body);
  }

  @Post('action-log/items/:id/close')
  @HttpCode(200)
  close(
    @CurrentActor() actor: Actor,
    @Param('id', itemIdPipe) id: string,
    @Body(new ZodPipe(EmptyBodySchema)) _body: unknown,
  ): Promise<LoopView> {
    return this.loop.close(actor, id);
  }

  @Post('action-log/items/:id/reopen')
  @HttpCode(200)
  reopen(
    @CurrentActor() actor: Actor,
    @Param('id', itemIdPipe) id: string,
    @Body(new ZodPipe(EmptyBodySchema)) _body: unknown,
  ): Promise<LoopView> {
    return this.loop.reopen(actor, id);
  }

  /** A trusted adult's messages to pass on: anyone who may be picked as one. */
  @Get('me/to-pass-on')
  @Allow(...PICKABLE_STAFF_ROLES)
  toPassOn(@CurrentActor() actor: Actor): Promise<ToPassOnEntry[]> {
    return this.passOn.toPassOn(actor);
  }

  @Post('me/to-pass-on/:tellingId/passed')
  @HttpCode(204)
  @Allow(...PICKABLE_STAFF_ROLES)
  passed(
    @CurrentActor() actor: Actor,
    @Param('tellingId', tellingIdPipe) tellingId: string,
    @Body(new ZodPipe(EmptyBodySchema)) _body: unknown,
  ): Promise<void> {
    return this.passOn.passed(actor, tellingId);
  }

  /** Sessions are run by participation officers, as the session page is theirs. */
  @Get('groups/sessions/:id/to-read-out')
  @Allow(Role.ParticipationOfficer)
  toReadOut(@Param('id', sessionIdPipe) id: string): Promise<ToReadOutEntry[]> {
    return this.passOn.toReadOut(id);
  }
}
