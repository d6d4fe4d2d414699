import { Module } from '@nestjs/common';
import { ReachController } from './reach.controller';
import { ReachService } from './reach.service';

/** Reach: whose voices are missing (docs/reach.md). */
@Module({
  controllers: [ReachController],
  providers: [ReachService],
})
export class ReachModule {}
