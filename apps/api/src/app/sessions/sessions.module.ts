import { Module } from '@nestjs/common';
import { AttendanceService } from './attendance.service';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

@Module({
  controllers: [SessionsController],
  providers: [SessionsService, AttendanceService],
  exports: [SessionsService, AttendanceService],
})
export class SessionsModule {}
