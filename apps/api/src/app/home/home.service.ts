import { Injectable } from '@nestjs/common';
import { HomeCard, HomeSummary, Role } from '@heard/domain';
import { DataSource } from 'typeorm';
import { Actor } from '../../platform/auth/auth-context';
import { User } from '../users/entities/user.entity';

/** Each role's home page: counts it may see, never a young person's details. */
@Injectable()
export class HomeService {
  constructor(private readonly db: DataSource) {}

  async summary(actor: Actor): Promise<HomeSummary> {
    const user = await this.db.getRepository(User).findOneByOrFail({ id: actor.userId });
    return { role: actor.role, displayName: user.displayName, cards: await this.cardsFor(actor) };
  }

  private async cardsFor(actor: Actor): Promise<HomeCard[]> {
    switch (actor.role) {
      case Role.Administrator: {
        const [row]: { active: number; invited: number; events_today: number }[] = await this.db.query(
          `SELECT (SELECT count(*) FROM users WHERE status = 'active')::int AS active,
                  (SELECT count(*) FROM users WHERE status = 'invited')::int AS invited,
                  (SELECT count(*) FROM audit_events WHERE at >= date_trunc('day', now()))::int AS events_today`,
        );
        return [
          { label: 'Active accounts', value: row.active, path: 'admin/users' },
          { label: 'Invitations not yet accepted', value: row.invited, path: 'admin/users' },
          { label: 'Audit events today', value: row.events_today, path: 'admin/audit' },
        ];
      }
      default:
        return [];
    }
  }
}
