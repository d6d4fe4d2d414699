import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { SessionsModule } from '../sessions/sessions.module';
import { HeldChangesController } from './held-changes.controller';
import { HeldChangesService } from './held-changes.service';

@Module({
  imports: [SessionsModule, ActivitiesModule],
  controllers: [HeldChangesController],
  providers: [HeldChangesService],
})
export class HeldChangesModule {}
