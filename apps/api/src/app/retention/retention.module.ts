import { Module } from '@nestjs/common';
import { RetentionController } from './retention.controller';
import { RetentionJob } from './retention.job';
import { RetentionService } from './retention.service';

/** Retention periods and the daily job that anonymises what has passed them (issue 17 §1). */
@Module({
  controllers: [RetentionController],
  providers: [RetentionService, RetentionJob],
})
export class RetentionModule {}
