import { ActivitiesModule } from './activities/activities.module';
import { ConsentModule } from './consent/consent.module';
import { InvitationsModule } from './invitations/invitations.module';
import { OneToOnesModule } from './one-to-ones/one-to-ones.module';
import { PracticeToolsModule } from './practice-tools/practice-tools.module';
import { EvaluationsModule } from './evaluations/evaluations.module';
import { StaffModule } from './staff/staff.module';
import { DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../platform/config/config';
import { Clock } from '../platform/clock';
import { PlatformModule } from '../platform/platform.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { HealthModule } from './health/health.module';
import { HomeModule } from './home/home.module';
import { UsersModule } from './users/users.module';
import { CalendarModule } from './calendar/calendar.module';
import { GroupsModule } from './groups/groups.module';
import { SessionsModule } from './sessions/sessions.module';
import { YoungPeopleModule } from './young-people/young-people.module';
import { WorriesModule } from './worries/worries.module';
import { EnrolmentModule } from './enrolment/enrolment.module';
import { YoungExpertsModule } from './young-experts/young-experts.module';
import { ActionLogItemsModule } from './action-log/action-log-items.module';
import { ActionLogOfficeModule } from './action-log/action-log-office.module';
import { ActionLogLoopModule } from './action-log/action-log-loop.module';
import { ActionLogBoardModule } from './action-log/action-log-board.module';
import { RetentionModule } from './retention/retention.module';
import { ErasureModule } from './erasure/erasure.module';
import { LeadersModule } from './leaders/leaders.module';
import { PledgesModule } from './pledges/pledges.module';
import { PlansModule } from './plans/plans.module';
import { ReviewsModule } from './reviews/reviews.module';
import { ReportsModule } from './reports/reports.module';
import { ReachModule } from './reach/reach.module';
import { HeldChangesModule } from './held-changes/held-changes.module';

/** One module a capability; each registers its own controllers. */
export const FEATURE_MODULES = [
  HealthModule,
  AuthModule,
  HomeModule,
  UsersModule,
  AuditModule,
  YoungPeopleModule,
  GroupsModule,
  SessionsModule,
  CalendarModule,
  ConsentModule,
  InvitationsModule,
  ActivitiesModule,
  OneToOnesModule,
  StaffModule,
  PracticeToolsModule,
  EvaluationsModule,
  WorriesModule,
  EnrolmentModule,
  YoungExpertsModule,
  ActionLogItemsModule,
  ActionLogOfficeModule,
  ActionLogLoopModule,
  ActionLogBoardModule,
  RetentionModule,
  ErasureModule,
  LeadersModule,
  PledgesModule,
  PlansModule,
  ReviewsModule,
  ReportsModule,
  ReachModule,
  HeldChangesModule,
];

@Module({})
export class AppModule {
  static register(config: AppConfig, dataSource: DataSource, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.register(config, dataSource, clock), ...FEATURE_MODULES],
    };
  }
}
