import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { SecondFactorService } from './second-factor.service';

@Module({ controllers: [AuthController], providers: [AuthService, SecondFactorService] })
export class AuthModule {}
