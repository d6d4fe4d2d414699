import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  REVIEW_RECORDERS,
  ReviewParticipationCommand,
  ReviewParticipationRequestSchema,
  ReviewParticipationResponse,
} from '@heard/domain';
import { Allow } from '../../platform/auth/access.decorator';
import { Actor, CurrentActor } from '../../platform/auth/auth-context';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { youngPersonIdPipe } from '../young-people/young-people.controller';
import { ReviewParticipationService } from './review-participation.service';

/**
 * Officers, and practitioners for the young people linked to them (the independent reviewing
 * officers and conference chairs who record the PN code after a review).
 */
@ApiTags('reviews')
@Allow(...REVIEW_RECORDERS)
@Controller()
export class ReviewParticipationController {
  constructor(private readonly reviews: ReviewParticipationService) {}

  @Get('young-people/:id/reviews')
  list(
    @CurrentActor() actor: Actor,
    @Param('id', youngPersonIdPipe) id: string,
  ): Promise<ReviewParticipationResponse[]> {
    return this.reviews.list(actor, id);
  }

  @Post('young-people/:id/reviews')
  record(
    @CurrentActor() actor: Actor,
    @Param('id', youngPersonIdPipe) id: string,
    @Body(new ZodPipe(ReviewParticipationRequestSchema)) body: ReviewParticipationCommand,
  ): Promise<ReviewParticipationResponse> {
    return this.reviews.record(actor, id, body);
  }
}
