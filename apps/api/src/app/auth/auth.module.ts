import { Module } from '@nestjs/common';
import { AccountController } from './account.controller';
import { AccountService } from './account.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { SecondFactorService } from './second-factor.service';

@Module({
  controllers: [AuthController, AccountController],
  providers: [AuthService, SecondFactorService, AccountService],
})
export class AuthModule {}
