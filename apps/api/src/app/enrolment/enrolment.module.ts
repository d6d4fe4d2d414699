import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { EnrolmentCodesService } from './enrolment-codes.service';
import { EnrolmentController } from './enrolment.controller';
import { EnrolmentService } from './enrolment.service';

@Module({
  imports: [AuthModule],
  controllers: [EnrolmentController],
  providers: [EnrolmentCodesService, EnrolmentService],
})
export class EnrolmentModule {}
