import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ConsentPanelResponse,
  ConsentRecordCommand,
  ConsentRecordRequestSchema,
  ConsentRecordResponse,
  ConsentWithdrawRequestSchema,
  Role,
} from '@heard/domain';
import { z } from 'zod';
import { Allow } from '../../platform/auth/access.decorator';
import { Actor, CurrentActor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { youngPersonIdPipe } from '../young-people/young-people.controller';
import { ConsentService } from './consent.service';

const consentIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => DomainError.notFound('This consent record'),
});

/** Officers, and practitioners for the young people linked to them (they record consent given to them). */
@ApiTags('consent')
@Allow(Role.ParticipationOfficer, Role.Practitioner)
@Controller()
export class ConsentController {
  constructor(private readonly consent: ConsentService) {}

  @Get('young-people/:id/consents')
  panel(
    @CurrentActor() actor: Actor,
    @Param('id', youngPersonIdPipe) id: string,
  ): Promise<ConsentPanelResponse> {
    return this.consent.panel(actor, id);
  }

  @Post('young-people/:id/consents')
  record(
    @CurrentActor() actor: Actor,
    @Param('id', youngPersonIdPipe) id: string,
    @Body(new ZodPipe(ConsentRecordRequestSchema)) body: ConsentRecordCommand,
  ): Promise<ConsentRecordResponse> {
    return this.consent.record(actor, id, body);
  }

  @Post('consents/:id/withdraw')
  @HttpCode(200)
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', consentIdPipe) id: string,
    @Body(new ZodPipe(ConsentWithdrawRequestSchema)) body: z.output<typeof ConsentWithdrawRequestSchema>,
  ): Promise<ConsentRecordResponse> {
    return this.consent.withdraw(actor, id, body.reason);
  }
}
