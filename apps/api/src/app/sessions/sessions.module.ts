import { Module } from '@nestjs/common';
import { OccasionsModule } from '../occasions/occasions.module';
import { AttendanceService } from './attendance.service';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';
import { SessionReads } from './session-reads.service';

@Module({
  imports: [OccasionsModule],
  controllers: [SessionsController],
  providers: [SessionsService, SessionReads, AttendanceService],
  exports: [SessionsService, SessionReads, AttendanceService],
})
export class SessionsModule {}
