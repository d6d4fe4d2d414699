import { Module } from '@nestjs/common';
import { YoungExpertsModule } from '../young-experts/young-experts.module';
import { ErasureController } from './erasure.controller';
import { ErasureRequestsService } from './erasure-requests.service';

/** Erasure on request; anonymiseYoungPerson itself is a plain function the retention job also calls. */
@Module({
  imports: [YoungExpertsModule],
  controllers: [ErasureController],
  providers: [ErasureRequestsService],
})
export class ErasureModule {}
