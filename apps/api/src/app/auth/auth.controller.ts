import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AcceptInvitationRequest,
  AcceptInvitationRequestSchema,
  ConfirmTotpRequest,
  ConfirmTotpRequestSchema,
  ReauthenticateRequest,
  ReauthenticateRequestSchema,
  RecoveryCodesResponse,
  SecondFactorRequest,
  SecondFactorRequestSchema,
  TotpEnrolmentResponse,
  ForgotPasswordRequest,
  ForgotPasswordRequestSchema,
  ResetPasswordRequest,
  ResetPasswordRequestSchema,
  SessionResponse,
  SignInRequest,
  SignInRequestSchema,
} from '@heard/domain';
import type { Response } from 'express';
import { AllowSignedIn, DuringSignIn, Public } from '../../platform/auth/access.decorator';
import { WithoutIdempotencyKeys } from '../../platform/idempotency/idempotency.interceptor';
import { Actor, AuthenticatedRequest, CurrentActor, requestIdOf } from '../../platform/auth/auth-context';
import { SessionService } from '../../platform/auth/session.service';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { AuthService } from './auth.service';
import { SecondFactorService } from './second-factor.service';

@ApiTags('auth')
// Sign-in, second factors and account changes set or end sessions: their answers are not replayed.
@WithoutIdempotencyKeys()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly secondFactor: SecondFactorService,
  ) {}

  @Public()
  @Post('sign-in')
  @HttpCode(200)
  async signIn(
    @Body(new ZodPipe(SignInRequestSchema)) body: SignInRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionResponse> {
    const outcome = await this.auth.signIn(body, {
      clientAddress: req.ip ?? 'unknown',
      requestId: requestIdOf(req),
      previousSessionId: req.actor?.sessionId ?? null,
    });
    this.sessions.setCookies(res, outcome.token, outcome.response.csrfToken);
    return outcome.response;
  }

  @AllowSignedIn()
  @DuringSignIn('second_factor', 'enrol_second_factor', 'enrolment')
  @Post('sign-out')
  @HttpCode(204)
  async signOut(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.signOut(actor);
    this.sessions.clearCookies(res);
  }

  @AllowSignedIn()
  @DuringSignIn('second_factor', 'enrol_second_factor', 'enrolment')
  @Get('session')
  session(@CurrentActor() actor: Actor): Promise<SessionResponse> {
    return this.auth.current(actor);
  }

  /** The second step of signing in: a code from the authenticator app, or a recovery code. */
  @AllowSignedIn()
  @DuringSignIn('second_factor')
  @Post('second-factor')
  @HttpCode(200)
  async completeSignIn(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(SecondFactorRequestSchema)) body: SecondFactorRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionResponse> {
    const outcome = await this.secondFactor.completeSignIn(actor, body);
    this.sessions.setCookies(res, outcome.token, outcome.response.csrfToken);
    return outcome.response;
  }

  /** Starts setting up an authenticator app; asks for the password again. */
  @AllowSignedIn()
  @DuringSignIn('enrol_second_factor')
  @Post('totp/enrolment')
  @HttpCode(200)
  startTotpEnrolment(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(ReauthenticateRequestSchema)) body: ReauthenticateRequest,
  ): Promise<TotpEnrolmentResponse> {
    return this.secondFactor.startEnrolment(actor, body);
  }

  @AllowSignedIn()
  @DuringSignIn('enrol_second_factor')
  @Post('totp/enrolment/confirm')
  @HttpCode(200)
  async confirmTotpEnrolment(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(ConfirmTotpRequestSchema)) body: ConfirmTotpRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RecoveryCodesResponse> {
    const renewed = await this.secondFactor.confirmEnrolment(actor, body);
    this.sessions.setCookies(res, renewed.token, renewed.csrfToken);
    return renewed.response;
  }

  /** Removes the authenticator app; asks for the password again. */
  @AllowSignedIn()
  @Post('totp/remove')
  @HttpCode(200)
  removeTotp(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(ReauthenticateRequestSchema)) body: ReauthenticateRequest,
  ): Promise<SessionResponse> {
    return this.secondFactor.remove(actor, body);
  }

  @Public()
  @Post('accept-invitation')
  @HttpCode(204)
  acceptInvitation(
    @Body(new ZodPipe(AcceptInvitationRequestSchema)) body: AcceptInvitationRequest,
    @Req() req: AuthenticatedRequest,
  ): Promise<void> {
    return this.auth.acceptInvitation(body, requestIdOf(req));
  }

  /** Always 202 and no body: the answer must not say whether the email has an account. */
  @Public()
  @Post('forgot-password')
  @HttpCode(202)
  async forgotPassword(
    @Body(new ZodPipe(ForgotPasswordRequestSchema)) body: ForgotPasswordRequest,
    @Req() req: AuthenticatedRequest,
  ): Promise<void> {
    await this.auth.requestPasswordReset(body, {
      clientAddress: req.ip ?? 'unknown',
      requestId: requestIdOf(req),
    });
  }

  @Public()
  @Post('reset-password')
  @HttpCode(204)
  resetPassword(
    @Body(new ZodPipe(ResetPasswordRequestSchema)) body: ResetPasswordRequest,
    @Req() req: AuthenticatedRequest,
  ): Promise<void> {
    return this.auth.resetPassword(body, requestIdOf(req));
  }
}
