import { Module } from '@nestjs/common';
import { OccasionEvents } from './occasion-events';

/**
 * The one definition of a thing that happens on a day. Its facts load through `loadOccasions`
 * (plain functions over an EntityManager, so any transaction can use them); its changes are
 * announced through `OccasionEvents`.
 */
@Module({
  providers: [OccasionEvents],
  exports: [OccasionEvents],
})
export class OccasionsModule {}
