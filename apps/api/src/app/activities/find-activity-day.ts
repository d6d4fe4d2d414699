import { EntityManager } from 'typeorm';
import { DomainError } from '../../platform/errors/domain-error';
import { ActivityDay } from './entities/activity-day.entity';

export async function findActivityDay(em: EntityManager, id: string): Promise<ActivityDay> {
  const activity = await em.getRepository(ActivityDay).findOneBy({ id });
  if (!activity) throw DomainError.notFound('This activity day');
  return activity;
}
