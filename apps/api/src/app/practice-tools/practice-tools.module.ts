import { Module } from '@nestjs/common';
import { PracticeToolsController } from './practice-tools.controller';
import { PracticeToolsService } from './practice-tools.service';

@Module({
  controllers: [PracticeToolsController],
  providers: [PracticeToolsService],
})
export class PracticeToolsModule {}
