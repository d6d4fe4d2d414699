import { Module } from '@nestjs/common';
import { AccountController } from './account.controller';
import { AccountService } from './account.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { PasskeysController } from './passkeys.controller';
import { PasskeySignInService } from './passkey-sign-in.service';
import { PasskeysService } from './passkeys.service';
import { ReauthenticationService } from './reauthentication.service';
import { SecondFactorService } from './second-factor.service';

@Module({
  controllers: [AuthController, PasskeysController, AccountController],
  providers: [
    AuthService,
    SecondFactorService,
    PasskeysService,
    PasskeySignInService,
    AccountService,
    ReauthenticationService,
  ],
  // Young experts' enrolment registers its passkey through the same ceremony (decision 0019).
  exports: [AuthService, PasskeysService],
})
export class AuthModule {}
