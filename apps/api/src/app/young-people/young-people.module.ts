import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { YoungPeopleCategoriesController } from './young-people-categories.controller';
import { YoungPeopleCategoriesService } from './young-people-categories.service';
import { YoungPeopleController } from './young-people.controller';
import { YoungPeopleService } from './young-people.service';

@Module({
  imports: [SessionsModule],
  // Categories first: its fixed path must be matched before the young person's `:id`.
  controllers: [YoungPeopleCategoriesController, YoungPeopleController],
  providers: [YoungPeopleService, YoungPeopleCategoriesService],
  exports: [YoungPeopleService, YoungPeopleCategoriesService],
})
export class YoungPeopleModule {}
