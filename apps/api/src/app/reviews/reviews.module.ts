import { Module } from '@nestjs/common';
import { ReviewParticipationController } from './review-participation.controller';
import { ReviewParticipationService } from './review-participation.service';

@Module({
  controllers: [ReviewParticipationController],
  providers: [ReviewParticipationService],
})
export class ReviewsModule {}
