import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  EnrolmentCodeResponse,
  EnrolmentPasskeyRequest,
  EnrolmentPasskeyRequestSchema,
  EnrolmentRequestSchema,
  PasskeyOptionsResponse,
  Role,
  SessionResponse,
} from '@heard/domain';
import type { Response } from 'express';
import { Allow, DuringSignIn, Public } from '../../platform/auth/access.decorator';
import { Actor, AuthenticatedRequest, CurrentActor, requestIdOf } from '../../platform/auth/auth-context';
import { SessionService } from '../../platform/auth/session.service';
import { DomainError } from '../../platform/errors/domain-error';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { EnrolmentCodesService } from './enrolment-codes.service';
import { EnrolmentService } from './enrolment.service';

const youngPersonIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => DomainError.notFound('This young person'),
});

/** Young experts' sign-in without a password: a code from their officer, then a passkey or just this time. */
@ApiTags('enrolment')
@Controller()
export class EnrolmentController {
  constructor(
    private readonly codes: EnrolmentCodesService,
    private readonly enrolment: EnrolmentService,
    private readonly sessions: SessionService,
  ) {}

  /** An officer's code for a young person, shown in this answer only. */
  @Allow(Role.ParticipationOfficer)
  @Post('young-people/:id/enrolment-codes')
  @HttpCode(201)
  issue(
    @CurrentActor() actor: Actor,
    @Param('id', youngPersonIdPipe) id: string,
  ): Promise<EnrolmentCodeResponse> {
    return this.codes.issue(actor, id);
  }

  @Public()
  @Post('enrolment')
  @HttpCode(200)
  async useCode(
    @Body(new ZodPipe(EnrolmentRequestSchema)) body: { code: string },
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionResponse> {
    const outcome = await this.enrolment.useCode(body.code, {
      clientAddress: req.ip ?? 'unknown',
      requestId: requestIdOf(req),
      previousSessionId: req.actor?.sessionId ?? null,
    });
    this.sessions.setCookies(res, outcome.token, outcome.response.csrfToken);
    return outcome.response;
  }

  @Allow(Role.YoungExpert)
  @DuringSignIn('enrolment')
  @Post('enrolment/passkey/options')
  @HttpCode(200)
  passkeyOptions(@CurrentActor() actor: Actor): Promise<PasskeyOptionsResponse> {
    return this.enrolment.passkeyOptions(actor);
  }

  @Allow(Role.YoungExpert)
  @DuringSignIn('enrolment')
  @Post('enrolment/passkey')
  @HttpCode(201)
  async registerPasskey(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(EnrolmentPasskeyRequestSchema)) body: EnrolmentPasskeyRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionResponse> {
    const renewed = await this.enrolment.registerPasskey(actor, body);
    this.sessions.setCookies(res, renewed.token, renewed.csrfToken);
    return renewed.response;
  }

  @Allow(Role.YoungExpert)
  @DuringSignIn('enrolment')
  @Post('enrolment/just-this-time')
  @HttpCode(200)
  async justThisTime(
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionResponse> {
    const renewed = await this.enrolment.justThisTime(actor);
    this.sessions.setCookies(res, renewed.token, renewed.csrfToken);
    return renewed.response;
  }
}
