import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { PasskeysController } from './passkeys.controller';
import { PasskeysService } from './passkeys.service';
import { SecondFactorService } from './second-factor.service';

@Module({
  controllers: [AuthController, PasskeysController],
  providers: [AuthService, SecondFactorService, PasskeysService],
})
export class AuthModule {}
