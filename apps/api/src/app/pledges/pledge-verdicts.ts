import { EntityManager } from 'typeorm';

export interface VerdictToKeep {
  pledgeId: string;
  source: 'young_expert' | 'group';
  youngPersonId: string | null;
  groupId: string | null;
  sessionId: string | null;
  verdict: string;
  words: string | null;
  by: string;
  at: Date;
}

/**
 * The one way a verdict is kept: the same young expert's, or the same group's, current verdict is
 * superseded (it stays, with when) and the new one becomes current. Returns the new verdict's id.
 */
export async function replaceVerdict(em: EntityManager, v: VerdictToKeep): Promise<string> {
  const who = v.source === 'young_expert' ? 'young_person_id = $3' : 'group_id = $3';
  await em.query(
    `UPDATE pledge_verdicts SET superseded_at = $4
      WHERE pledge_id = $1 AND source = $2 AND ${who} AND superseded_at IS NULL`,
    [v.pledgeId, v.source, v.youngPersonId ?? v.groupId, v.at],
  );
  const [{ id }]: { id: string }[] = await em.query(
    `INSERT INTO pledge_verdicts (pledge_id, source, young_person_id, group_id, session_id, verdict, words,
         recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [v.pledgeId, v.source, v.youngPersonId, v.groupId, v.sessionId, v.verdict, v.words, v.by, v.at],
  );
  return id;
}
