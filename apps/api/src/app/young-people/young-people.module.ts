import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { YoungPeopleController } from './young-people.controller';
import { YoungPeopleService } from './young-people.service';

@Module({
  imports: [SessionsModule],
  controllers: [YoungPeopleController],
  providers: [YoungPeopleService],
  exports: [YoungPeopleService],
})
export class YoungPeopleModule {}
