import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  DeletionRequestHandledSchema,
  DeletionRequestResponse,
  InvitationAnswerRequest,
  InvitationAnswerRequestSchema,
  LinkEvaluationCommand,
  LinkEvaluationRequestSchema,
  MY_SPACE_MESSAGES,
  MeResponse,
  MyChoices,
  MyChoicesRequest,
  MyChoicesRequestSchema,
  MyData,
  MyDeletionRequestSchema,
  MyEvaluation,
  MyEvaluationSummary,
  MyInvitation,
  MyOneToOneRequestSchema,
  MyRequestReceived,
  MyRound,
  MyWorryRequestSchema,
  Role,
} from '@heard/domain';
import type { Response } from 'express';
import { z } from 'zod';
import { Allow } from '../../platform/auth/access.decorator';
import { Actor, CurrentActor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { IdempotencyKey } from '../evaluations/idempotency-key.decorator';
import { youngPersonIdPipe } from '../young-people/young-people.controller';
import { MyDataService } from './my-data.service';
import { MyRequestsService } from './my-requests.service';
import { MySpaceService } from './my-space.service';
import { sendPdf } from '../../platform/pdf/tagged-pdf';
import { renderSubjectAccess } from './subject-access-pdf';

const idPipe = (message: string) =>
  new ParseUUIDPipe({ exceptionFactory: () => new DomainError('not_found', message) });

/**
 * A young expert's own pages (docs/young-experts.md). Every route is for young experts only and
 * every service method starts from linkedYoungPersonId: nothing here names a young person.
 */
@ApiTags('young experts')
@Controller('me')
@Allow(Role.YoungExpert)
export class YoungExpertsController {
  constructor(
    private readonly mySpace: MySpaceService,
    private readonly requests: MyRequestsService,
    private readonly data: MyDataService,
  ) {}

  @Get()
  me(@CurrentActor() actor: Actor): Promise<MeResponse> {
    return this.mySpace.me(actor);
  }

  @Get('rounds')
  rounds(@CurrentActor() actor: Actor): Promise<MyRound[]> {
    return this.mySpace.rounds(actor);
  }

  /** 201 with what was stored; the same key again gets that same answer (platform/idempotency). */
  @Post('rounds/:id/evaluations')
  answer(
    @CurrentActor() actor: Actor,
    @Param('id', idPipe(MY_SPACE_MESSAGES.roundNotForYou)) id: string,
    @IdempotencyKey() key: string,
    @Body(new ZodPipe(LinkEvaluationRequestSchema)) body: LinkEvaluationCommand,
  ): Promise<MyEvaluation> {
    return this.mySpace.answer(actor, id, key, body);
  }

  @Get('evaluations')
  evaluations(@CurrentActor() actor: Actor): Promise<MyEvaluationSummary[]> {
    return this.mySpace.evaluationList(actor);
  }

  @Get('evaluations/:id')
  evaluation(
    @CurrentActor() actor: Actor,
    @Param('id', idPipe(MY_SPACE_MESSAGES.evaluationNotFound)) id: string,
  ): Promise<MyEvaluation> {
    return this.mySpace.evaluation(actor, id);
  }

  @Get('invitations')
  invitations(@CurrentActor() actor: Actor): Promise<MyInvitation[]> {
    return this.mySpace.invitations(actor);
  }

  @Post('invitations/:id/answer')
  @HttpCode(200)
  answerInvitation(
    @CurrentActor() actor: Actor,
    @Param('id', idPipe(MY_SPACE_MESSAGES.invitationNotFound)) id: string,
    @Body(new ZodPipe(InvitationAnswerRequestSchema)) body: InvitationAnswerRequest,
  ): Promise<MyInvitation> {
    return this.mySpace.answerInvitation(actor, id, body);
  }

  @Post('one-to-one-requests')
  askForOneToOne(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(MyOneToOneRequestSchema)) body: z.output<typeof MyOneToOneRequestSchema>,
  ): Promise<MyRequestReceived> {
    return this.requests.askForOneToOne(actor, body.about);
  }

  @Get('choices')
  choices(@CurrentActor() actor: Actor): Promise<MyChoices> {
    return this.mySpace.choices(actor);
  }

  @Patch('choices')
  changeChoices(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(MyChoicesRequestSchema)) body: MyChoicesRequest,
  ): Promise<MyChoices> {
    return this.mySpace.changeChoices(actor, body);
  }

  @Get('data')
  myData(@CurrentActor() actor: Actor): Promise<MyData> {
    return this.data.everything(actor, false);
  }

  /** The same document as a file to keep. */
  @Get('data/download')
  async download(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): Promise<string> {
    const data = await this.data.everything(actor, true);
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="my-data-from-heard.json"');
    return JSON.stringify(data, null, 2);
  }

  /** The same document to read or print: a tagged PDF. */
  @Get('data/download.pdf')
  async downloadPdf(@CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    const data = await this.data.everything(actor, true);
    sendPdf(
      res,
      await renderSubjectAccess(data.record.preferredName, data),
      'my-data-from-heard.pdf',
      'attachment',
    );
  }

  @Post('deletion-requests')
  askToDelete(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(MyDeletionRequestSchema)) body: z.output<typeof MyDeletionRequestSchema>,
  ): Promise<MyRequestReceived> {
    return this.requests.askToDelete(actor, body.what);
  }

  @Post('worries')
  raiseWorry(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(MyWorryRequestSchema)) body: z.output<typeof MyWorryRequestSchema>,
  ): Promise<MyRequestReceived> {
    return this.requests.raiseWorry(actor, body.words);
  }
}

/** Officers see young people's requests to delete something, to decide and answer. */
@ApiTags('young experts')
@Controller('deletion-requests')
export class DeletionRequestsController {
  constructor(private readonly requests: MyRequestsService) {}

  @Get()
  @Allow(Role.ParticipationOfficer)
  list(@CurrentActor() actor: Actor): Promise<DeletionRequestResponse[]> {
    return this.requests.openDeletionRequests(actor);
  }

  @Post(':id/handled')
  @HttpCode(204)
  @Allow(Role.ParticipationOfficer)
  async handled(
    @CurrentActor() actor: Actor,
    @Param('id', idPipe('This request was not found.')) id: string,
    @Body(new ZodPipe(DeletionRequestHandledSchema)) body: z.output<typeof DeletionRequestHandledSchema>,
  ): Promise<void> {
    await this.requests.markDeletionRequestHandled(actor, id, body.outcome);
  }
}

/**
 * Subject access made by staff: everything Heard holds about one young person, with or without an
 * account, as the young person's own download is. Participation officers only: they keep the
 * records and answer requests; practitioners see a narrower record, and administrators none.
 * File names carry no personal data.
 */
@ApiTags('young-people')
@Controller('young-people')
@Allow(Role.ParticipationOfficer)
export class SubjectAccessController {
  constructor(private readonly data: MyDataService) {}

  @Get(':id/subject-access.json')
  async json(
    @CurrentActor() actor: Actor,
    @Param('id', youngPersonIdPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const data = await this.data.forStaff(actor, id, 'json');
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="subject-access.json"');
    return JSON.stringify(data, null, 2);
  }

  @Get(':id/subject-access.pdf')
  async pdf(
    @CurrentActor() actor: Actor,
    @Param('id', youngPersonIdPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const data = await this.data.forStaff(actor, id, 'pdf');
    sendPdf(
      res,
      await renderSubjectAccess(data.record.preferredName, data),
      'subject-access.pdf',
      'attachment',
    );
  }
}
