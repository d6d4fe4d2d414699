import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AccessPolicy } from './access/young-person-access';
import { AuditService } from './audit/audit.service';
import { AccessGuard } from './auth/access.guard';
import { SessionService } from './auth/session.service';
import { Clock, SystemClock } from './clock';
import { APP_CONFIG, AppConfig } from './config/config';
import { ProblemFilter } from './errors/problem.filter';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { MailService } from './mail/mail.service';
import { MailWorker } from './mail/mail.worker';

/** Cross-cutting services every feature may use: config, database, access policy, audit, sessions, mail. */
@Global()
@Module({})
export class PlatformModule {
  static register(
    config: AppConfig,
    dataSource: DataSource,
    clock: Clock = new SystemClock(),
  ): DynamicModule {
    return {
      module: PlatformModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DataSource, useValue: dataSource },
        { provide: Clock, useValue: clock },
        AuditService,
        AccessPolicy,
        SessionService,
        MailService,
        MailWorker,
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
      exports: [
        APP_CONFIG,
        DataSource,
        Clock,
        AuditService,
        AccessPolicy,
        SessionService,
        MailService,
        MailWorker,
      ],
    };
  }
}
