import { Module } from '@nestjs/common';
import { OccasionsModule } from '../occasions/occasions.module';
import { OneToOnesController } from './one-to-ones.controller';
import { OneToOnesService } from './one-to-ones.service';

@Module({
  imports: [OccasionsModule],
  controllers: [OneToOnesController],
  providers: [OneToOnesService],
  exports: [OneToOnesService],
})
export class OneToOnesModule {}
