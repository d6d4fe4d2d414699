import { Module } from '@nestjs/common';
import { YoungPeopleModule } from '../young-people/young-people.module';
import { ReachController } from './reach.controller';
import { ReachService } from './reach.service';

/** Reach: whose voices are missing (docs/reach.md). */
@Module({
  imports: [YoungPeopleModule],
  controllers: [ReachController],
  providers: [ReachService],
})
export class ReachModule {}
