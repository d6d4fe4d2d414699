import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ChangeRoleRequest,
  ChangeRoleRequestSchema,
  InviteUserRequest,
  InviteUserRequestSchema,
  SafeguardingContactSettingRequest,
  SafeguardingContactSettingRequestSchema,
  SecondFactorSettingRequest,
  SecondFactorSettingRequestSchema,
  Page,
  PageQuerySchema,
  Role,
  UserResponse,
} from '@heard/domain';
import { z } from 'zod';
import { Allow } from '../../platform/auth/access.decorator';
import { Actor, CurrentActor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { UsersService } from './users.service';

export const userIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => DomainError.notFound('This user'),
});

@ApiTags('users')
@Allow(Role.Administrator)
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list(
    @Query(new ZodPipe(PageQuerySchema)) query: z.output<typeof PageQuerySchema>,
  ): Promise<Page<UserResponse>> {
    return this.users.list(query.page, query.pageSize);
  }

  @Post()
  invite(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(InviteUserRequestSchema)) body: InviteUserRequest,
  ): Promise<UserResponse> {
    return this.users.invite(actor, body);
  }

  @Patch(':id/role')
  changeRole(
    @CurrentActor() actor: Actor,
    @Param('id', userIdPipe) id: string,
    @Body(new ZodPipe(ChangeRoleRequestSchema)) body: ChangeRoleRequest,
  ): Promise<UserResponse> {
    return this.users.changeRole(actor, id, body.role);
  }

  @Post(':id/deactivate')
  deactivate(@CurrentActor() actor: Actor, @Param('id', userIdPipe) id: string): Promise<UserResponse> {
    return this.users.deactivate(actor, id);
  }

  @Post(':id/reactivate')
  reactivate(@CurrentActor() actor: Actor, @Param('id', userIdPipe) id: string): Promise<UserResponse> {
    return this.users.reactivate(actor, id);
  }

  /** A new invitation link for someone who has not yet set a password; the old link stops working. */
  @Post(':id/resend-invitation')
  resendInvitation(@CurrentActor() actor: Actor, @Param('id', userIdPipe) id: string): Promise<UserResponse> {
    return this.users.resendInvitation(actor, id);
  }

  @Post(':id/send-password-reset')
  sendPasswordReset(
    @CurrentActor() actor: Actor,
    @Param('id', userIdPipe) id: string,
  ): Promise<UserResponse> {
    return this.users.sendPasswordReset(actor, id);
  }

  /** Lets the person try their password again now, after wrong passwords slowed their sign-in down. */
  @Post(':id/lift-sign-in-delay')
  liftSignInDelay(@CurrentActor() actor: Actor, @Param('id', userIdPipe) id: string): Promise<UserResponse> {
    return this.users.liftSignInDelay(actor, id);
  }

  /** For someone who lost their authenticator app: forgets it, ends their sessions, and has them enrol again. */
  @Post(':id/reset-second-factor')
  resetSecondFactor(
    @CurrentActor() actor: Actor,
    @Param('id', userIdPipe) id: string,
  ): Promise<UserResponse> {
    return this.users.resetSecondFactor(actor, id);
  }

  /** Signs the person out everywhere, at once (OWASP ASVS 5.0 7.4.5). */
  @Post(':id/end-sessions')
  endSessions(@CurrentActor() actor: Actor, @Param('id', userIdPipe) id: string): Promise<UserResponse> {
    return this.users.endSessions(actor, id);
  }

  /** Whether this person must have a second factor (the setting for practitioners). */
  @Patch(':id/second-factor')
  setSecondFactorRequired(
    @CurrentActor() actor: Actor,
    @Param('id', userIdPipe) id: string,
    @Body(new ZodPipe(SecondFactorSettingRequestSchema)) body: SecondFactorSettingRequest,
  ): Promise<UserResponse> {
    return this.users.setSecondFactorRequired(actor, id, body.required);
  }

  /** Whether worries raised in Heard go to this person at once, by email and on their home page. */
  @Patch(':id/safeguarding-contact')
  setSafeguardingContact(
    @CurrentActor() actor: Actor,
    @Param('id', userIdPipe) id: string,
    @Body(new ZodPipe(SafeguardingContactSettingRequestSchema)) body: SafeguardingContactSettingRequest,
  ): Promise<UserResponse> {
    return this.users.setSafeguardingContact(actor, id, body.safeguardingContact);
  }
}
