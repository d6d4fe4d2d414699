import { Module } from '@nestjs/common';
import { OccasionsModule } from '../occasions/occasions.module';
import { AttendanceService } from './attendance.service';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

@Module({
  imports: [OccasionsModule],
  controllers: [SessionsController],
  providers: [SessionsService, AttendanceService],
  exports: [SessionsService, AttendanceService],
})
export class SessionsModule {}
