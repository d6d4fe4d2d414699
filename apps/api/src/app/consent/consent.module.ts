import { Module } from '@nestjs/common';
import { YoungPeopleModule } from '../young-people/young-people.module';
import { ConsentController } from './consent.controller';
import { ConsentService } from './consent.service';

@Module({
  imports: [YoungPeopleModule],
  controllers: [ConsentController],
  providers: [ConsentService],
  exports: [ConsentService],
})
export class ConsentModule {}
