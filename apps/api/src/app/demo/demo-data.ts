import { Role } from '@heard/domain';
import { DataSource } from 'typeorm';
import { hashPassword } from '../../platform/auth/passwords';
import { User } from '../users/entities/user.entity';
import { loadDemoCouncil } from './demo-council';
import { loadDemoPracticeTools } from './demo-practice-tools';
import { loadDemoYoungExpert } from './demo-young-expert';
import { loadDemoActionLog } from './demo-action-log';
import { loadDemoBoard } from './demo-board';
import { loadDemoPledges } from './demo-pledges';
import { loadDemoReviews } from './demo-reviews';

/** Printed in the README for the demo only. Never used outside DEMO_DATA. */
export const DEMO_PASSWORD = 'heard-demo-2026';

export const DEMO_USERS: ReadonlyArray<{ email: string; displayName: string; role: Role }> = [
  { email: 'admin@heard.example', displayName: 'Morgan Ellery', role: Role.Administrator },
  { email: 'officer@heard.example', displayName: 'Sam Okonjo-Reed', role: Role.ParticipationOfficer },
  { email: 'practitioner@heard.example', displayName: 'Jordan Pike', role: Role.Practitioner },
  { email: 'leader@heard.example', displayName: 'Robin Ashdown', role: Role.SeniorLeader },
  { email: 'young.expert@heard.example', displayName: 'Kai', role: Role.YoungExpert },
];

/**
 * Loads a fictional council when the database has no users. Each later feature adds its own
 * fictional records here, so `npm start` always shows a working product.
 */
export async function loadDemoDataIfEmpty(db: DataSource): Promise<boolean> {
  const users = await db.getRepository(User).count();
  if (users > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (em) => {
    const ids: Partial<Record<Role, string>> = {};
    for (const u of DEMO_USERS) {
      const result = await em.insert(User, { ...u, status: 'active', passwordHash });
      ids[u.role] = (result.identifiers[0] as { id: string }).id;
    }
    const officerId = ids[Role.ParticipationOfficer]!;
    await loadDemoCouncil(em, { officerId, practitionerId: ids[Role.Practitioner]! });
    await loadDemoPracticeTools(em, officerId);
    await loadDemoYoungExpert(em, { officerId, youngExpertId: ids[Role.YoungExpert]! });
    await loadDemoActionLog(em, officerId);
    await loadDemoBoard(em, { officerId });
    const practitionerId = ids[Role.Practitioner];
    if (practitionerId) await loadDemoReviews(em, { recordedBy: practitionerId });
    const [leaderId, youngExpertId] = [ids[Role.SeniorLeader], ids[Role.YoungExpert]];
    if (leaderId && youngExpertId) await loadDemoPledges(em, { officerId, leaderId, youngExpertId });
  });
  return true;
}
