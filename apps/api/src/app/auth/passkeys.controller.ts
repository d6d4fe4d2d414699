import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  PasskeyAuthenticationRequest,
  PasskeyAuthenticationRequestSchema,
  PasskeyOptionsResponse,
  PasskeyRegistrationRequest,
  PasskeyRegistrationRequestSchema,
  PasskeyResponse,
  ReauthenticateRequest,
  ReauthenticateRequestSchema,
  SessionResponse,
} from '@heard/domain';
import type { Response } from 'express';
import { AllowSignedIn, DuringSignIn, Public } from '../../platform/auth/access.decorator';
import { WithoutIdempotencyKeys } from '../../platform/idempotency/idempotency.interceptor';
import { Actor, AuthenticatedRequest, CurrentActor, requestIdOf } from '../../platform/auth/auth-context';
import { SessionService } from '../../platform/auth/session.service';
import { DomainError } from '../../platform/errors/domain-error';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { PasskeySignInService } from './passkey-sign-in.service';
import { PasskeysService } from './passkeys.service';

const passkeyIdPipe = new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound('This passkey') });

@ApiTags('auth')
// Sign-in, second factors and account changes set or end sessions: their answers are not replayed.
@WithoutIdempotencyKeys()
@Controller('auth/passkeys')
export class PasskeysController {
  constructor(
    private readonly passkeys: PasskeysService,
    private readonly passkeySignIn: PasskeySignInService,
    private readonly sessions: SessionService,
  ) {}

  /** Also while enrolling a required factor: the page that adds the first one shows the list. */
  @AllowSignedIn()
  @DuringSignIn('enrol_second_factor')
  @Get()
  list(@CurrentActor() actor: Actor): Promise<PasskeyResponse[]> {
    return this.passkeys.list(actor);
  }

  /** Starts adding a passkey; asks for the password again. Also while enrolling a required factor. */
  @AllowSignedIn()
  @DuringSignIn('enrol_second_factor')
  @Post('registration/options')
  @HttpCode(200)
  registrationOptions(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(ReauthenticateRequestSchema)) body: ReauthenticateRequest,
  ): Promise<PasskeyOptionsResponse> {
    return this.passkeys.registrationOptions(actor, body);
  }

  @AllowSignedIn()
  @DuringSignIn('enrol_second_factor')
  @Post('registration')
  @HttpCode(201)
  async register(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(PasskeyRegistrationRequestSchema)) body: PasskeyRegistrationRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PasskeyResponse> {
    const renewed = await this.passkeys.register(actor, body);
    this.sessions.setCookies(res, renewed.token, renewed.csrfToken);
    return renewed.response;
  }

  /** Removes one of my passkeys; asks for the password again. */
  @AllowSignedIn()
  @Post(':id/remove')
  @HttpCode(204)
  remove(
    @CurrentActor() actor: Actor,
    @Param('id', passkeyIdPipe) id: string,
    @Body(new ZodPipe(ReauthenticateRequestSchema)) body: ReauthenticateRequest,
  ): Promise<void> {
    return this.passkeys.remove(actor, id, body);
  }

  /** The second step of signing in with a passkey instead of a code. */
  @AllowSignedIn()
  @DuringSignIn('second_factor')
  @Post('second-factor/options')
  @HttpCode(200)
  secondStepOptions(@CurrentActor() actor: Actor): Promise<PasskeyOptionsResponse> {
    return this.passkeySignIn.secondStepOptions(actor);
  }

  @AllowSignedIn()
  @DuringSignIn('second_factor')
  @Post('second-factor')
  @HttpCode(200)
  async completeSecondStep(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(PasskeyAuthenticationRequestSchema)) body: PasskeyAuthenticationRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionResponse> {
    const outcome = await this.passkeySignIn.completeSecondStep(actor, body);
    this.sessions.setCookies(res, outcome.token, outcome.response.csrfToken);
    return outcome.response;
  }

  /** Signing in with a passkey alone: no email, the browser offers the passkeys it has for Heard. */
  @Public()
  @Post('sign-in/options')
  @HttpCode(200)
  signInOptions(@Req() req: AuthenticatedRequest): Promise<PasskeyOptionsResponse> {
    return this.passkeySignIn.signInOptions(req.ip ?? 'unknown');
  }

  @Public()
  @Post('sign-in')
  @HttpCode(200)
  async signIn(
    @Body(new ZodPipe(PasskeyAuthenticationRequestSchema)) body: PasskeyAuthenticationRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionResponse> {
    const outcome = await this.passkeySignIn.signIn(body, {
      clientAddress: req.ip ?? 'unknown',
      requestId: requestIdOf(req),
      previousSessionId: req.actor?.sessionId ?? null,
    });
    this.sessions.setCookies(res, outcome.token, outcome.response.csrfToken);
    return outcome.response;
  }
}
