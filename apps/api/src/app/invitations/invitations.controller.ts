import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ByHandListResponse,
  HandoverListItem,
  InvitationAnswerRequestSchema,
  InvitationCreateCommand,
  InvitationCreateRequestSchema,
  InvitationCreateResponse,
  InvitationQuery,
  InvitationQuerySchema,
  InvitationResponse,
  InvitationWithdrawRequestSchema,
  Page,
  Role,
  RsvpView,
} from '@heard/domain';
import type { Response } from 'express';
import { z } from 'zod';
import { Allow, Public } from '../../platform/auth/access.decorator';
import { Actor, CurrentActor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { sendPdf } from '../../platform/pdf/tagged-pdf';
import { ByHandCommands } from './by-hand-commands';
import { InvitationCommands } from './invitation-commands';
import { InvitationReads } from './invitation-reads';

const invitationIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => DomainError.notFound('This invitation'),
});
const EmptyBodySchema = z.object({}).strict();

@ApiTags('invitations')
@Controller()
export class InvitationsController {
  constructor(
    private readonly commands: InvitationCommands,
    private readonly byHandCommands: ByHandCommands,
    private readonly reads: InvitationReads,
  ) {}

  @Allow(Role.ParticipationOfficer)
  @Post('invitations')
  create(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(InvitationCreateRequestSchema)) body: InvitationCreateCommand,
  ): Promise<InvitationCreateResponse> {
    return this.commands.create(actor, body);
  }

  @Allow(Role.ParticipationOfficer)
  @Get('invitations')
  list(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(InvitationQuerySchema)) query: InvitationQuery,
  ): Promise<Page<InvitationResponse>> {
    return this.reads.list(actor, query);
  }

  @Allow(Role.ParticipationOfficer)
  @Post('invitations/:id/send')
  @HttpCode(200)
  send(
    @CurrentActor() actor: Actor,
    @Param('id', invitationIdPipe) id: string,
    @Body(new ZodPipe(EmptyBodySchema)) _body: unknown,
  ): Promise<InvitationResponse> {
    return this.commands.send(actor, id);
  }

  @Allow(Role.ParticipationOfficer, Role.Practitioner)
  @Post('invitations/:id/answer')
  @HttpCode(200)
  answer(
    @CurrentActor() actor: Actor,
    @Param('id', invitationIdPipe) id: string,
    @Body(new ZodPipe(InvitationAnswerRequestSchema)) body: z.output<typeof InvitationAnswerRequestSchema>,
  ): Promise<InvitationResponse> {
    return this.commands.answerFor(actor, id, body);
  }

  @Allow(Role.ParticipationOfficer)
  @Post('invitations/:id/withdraw')
  @HttpCode(200)
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', invitationIdPipe) id: string,
    @Body(new ZodPipe(InvitationWithdrawRequestSchema))
    body: z.output<typeof InvitationWithdrawRequestSchema>,
  ): Promise<InvitationResponse> {
    return this.commands.withdraw(actor, id, body.reason);
  }

  @Allow(Role.ParticipationOfficer, Role.Practitioner)
  @Get('invitations/:id/letter')
  async letter(
    @CurrentActor() actor: Actor,
    @Param('id', invitationIdPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const { pdf, filename } = await this.reads.letter(actor, id);
    sendPdf(res, pdf, filename, 'inline');
  }

  /** What officers must do by hand: invitations to deliver and news to pass on. */
  @Allow(Role.ParticipationOfficer)
  @Get('invitations/by-hand')
  byHand(): Promise<ByHandListResponse> {
    return this.reads.byHand();
  }

  @Allow(Role.ParticipationOfficer)
  @Post('invitations/:id/delivered')
  @HttpCode(200)
  delivered(
    @CurrentActor() actor: Actor,
    @Param('id', invitationIdPipe) id: string,
    @Body(new ZodPipe(EmptyBodySchema)) _body: unknown,
  ): Promise<InvitationResponse> {
    return this.byHandCommands.delivered(actor, id);
  }

  @Allow(Role.ParticipationOfficer)
  @Post('invitations/:id/told')
  @HttpCode(200)
  told(
    @CurrentActor() actor: Actor,
    @Param('id', invitationIdPipe) id: string,
    @Body(new ZodPipe(EmptyBodySchema)) _body: unknown,
  ): Promise<InvitationResponse> {
    return this.byHandCommands.told(actor, id);
  }

  /** An officer phoned the parent or carer who gets a copy of this invitation. */
  @Allow(Role.ParticipationOfficer)
  @Post('invitations/:id/parent-carer-told')
  @HttpCode(200)
  parentCarerTold(
    @CurrentActor() actor: Actor,
    @Param('id', invitationIdPipe) id: string,
    @Body(new ZodPipe(EmptyBodySchema)) _body: unknown,
  ): Promise<InvitationResponse> {
    return this.byHandCommands.parentCarerTold(actor, id);
  }

  @Allow(Role.ParticipationOfficer, Role.Practitioner)
  @Post('invitations/:id/handed-over')
  @HttpCode(200)
  handedOver(
    @CurrentActor() actor: Actor,
    @Param('id', invitationIdPipe) id: string,
    @Body(new ZodPipe(EmptyBodySchema)) _body: unknown,
  ): Promise<InvitationResponse> {
    return this.byHandCommands.handedOver(actor, id);
  }

  @Allow(Role.Practitioner)
  @Get('handover')
  handover(@CurrentActor() actor: Actor): Promise<HandoverListItem[]> {
    return this.reads.handoverList(actor);
  }

  /** The young person's own page: the link is the only key, so it is public. */
  @Public()
  @Get('rsvp/:token')
  view(@Param('token') token: string): Promise<RsvpView> {
    return this.reads.view(token);
  }

  @Public()
  @Post('rsvp/:token')
  @HttpCode(200)
  answerByLink(
    @Param('token') token: string,
    @Body(new ZodPipe(InvitationAnswerRequestSchema)) body: z.output<typeof InvitationAnswerRequestSchema>,
  ): Promise<RsvpView> {
    return this.commands.answerByLink(token, body);
  }
}
