import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ChangeEmailRequest,
  ChangeEmailRequestSchema,
  ChangePasswordRequest,
  ChangePasswordRequestSchema,
  ChangePasswordResponse,
  AccountSessionResponse,
  EndSessionsRequest,
  EndSessionsRequestSchema,
  EndSessionsResponse,
  STAFF_ROLES,
  SessionResponse,
} from '@heard/domain';
import { Allow } from '../../platform/auth/access.decorator';
import { WithoutIdempotencyKeys } from '../../platform/idempotency/idempotency.interceptor';
import { Actor, CurrentActor } from '../../platform/auth/auth-context';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { AccountService } from './account.service';

/** A signed-in member of staff's own account: each change asks for the current password again. */
@ApiTags('account')
// Sign-in, second factors and account changes set or end sessions: their answers are not replayed.
@WithoutIdempotencyKeys()
@Controller('account')
@Allow(...STAFF_ROLES)
export class AccountController {
  constructor(private readonly account: AccountService) {}

  @Post('password')
  @HttpCode(200)
  changePassword(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(ChangePasswordRequestSchema)) body: ChangePasswordRequest,
  ): Promise<ChangePasswordResponse> {
    return this.account.changePassword(actor, body);
  }

  @Post('email')
  @HttpCode(200)
  changeEmail(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(ChangeEmailRequestSchema)) body: ChangeEmailRequest,
  ): Promise<SessionResponse> {
    return this.account.changeEmail(actor, body);
  }

  /** Where I am signed in. */
  @Get('sessions')
  sessions(@CurrentActor() actor: Actor): Promise<AccountSessionResponse[]> {
    return this.account.signedInPlaces(actor);
  }

  @Post('sessions/end')
  @HttpCode(200)
  endSessions(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(EndSessionsRequestSchema)) body: EndSessionsRequest,
  ): Promise<EndSessionsResponse> {
    return this.account.endSessions(actor, body);
  }
}
