import {
  ACTION_STATUSES,
  ACTION_STATUS_RULES,
  ITEM_STAGES,
  ItemStage,
  Role,
  todayInLondon,
} from '@heard/domain';
import { createGroup, createYoungPerson } from './support/factories';
import { SignedInClient, TestApp, createTestApp } from './support/test-app';

/**
 * An item's stage is kept by the database (migration 1765250000000-item-stage-kept): the function
 * you_said_item_stage is the rule, and triggers on every table it reads keep you_said_items.stage
 * right as rows change, whoever writes them. Rows are written here by SQL, as a job or an import
 * might, to prove the column does not depend on any service remembering to refresh it.
 */
describe('the stage of a You said item, kept by the database', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let ada: { id: string };
  let bo: { id: string };
  let sessionId: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer);
    ada = await createYoungPerson(officer, { preferredName: 'Ada Stage' });
    bo = await createYoungPerson(officer, { preferredName: 'Bo Stage' });
    const group = await createGroup(officer);
    const [session]: { id: string }[] = await t.db.query(
      `INSERT INTO group_sessions (group_id, pattern_date, starts_at, ends_at, venue, status)
       VALUES ($1, current_date, now(), now() + interval '1 hour', 'Room 1', 'scheduled') RETURNING id`,
      [group.id],
    );
    sessionId = session.id;
  });
  afterAll(() => t.close());

  const sql = async <T = unknown>(text: string, params: unknown[] = []): Promise<T[]> =>
    t.db.query(text, params);

  async function newItem(speakers: string[]): Promise<string> {
    const [item] = await sql<{ id: string }>(
      `INSERT INTO you_said_items (words, source_kind, created_by, said_on, channel, acknowledge_by)
       VALUES ('The bus pass takes weeks to arrive', 'young_person', $1, $2, 'in_person', now() + interval '2 days')
       RETURNING id`,
      [officer.user.id, todayInLondon()],
    );
    for (const yp of speakers)
      await sql(`INSERT INTO you_said_speakers (item_id, young_person_id) VALUES ($1, $2)`, [item.id, yp]);
    return item.id;
  }

  async function newAction(itemId: string, status: 'planned' | 'done' | 'cant'): Promise<string> {
    const [action] = await sql<{ id: string }>(
      `INSERT INTO actions (status, words, owner_id, due_on, done_on, cant_reason, progress, created_by)
       VALUES ($1::varchar, 'Passes are posted the same week', $2,
               CASE WHEN $1::varchar = 'planned' THEN current_date + 30 END, CASE WHEN $1::varchar = 'done' THEN current_date END,
               CASE WHEN $1::varchar = 'cant' THEN 'The bus company decides this' END, 0, $2)
       RETURNING id`,
      [status, officer.user.id],
    );
    await sql(`INSERT INTO action_answers (action_id, item_id, linked_by) VALUES ($1, $2, $3)`, [
      action.id,
      itemId,
      officer.user.id,
    ]);
    return action.id;
  }

  async function tell(itemId: string, actionId: string, to: { youngPersonId?: string; sessionId?: string }) {
    await sql(
      `INSERT INTO loop_tellings (item_id, action_id, action_status, message, channel, young_person_id, session_id, told_by)
       SELECT $1, a.id, a.status, 'Here is what happened.', CASE WHEN $4::uuid IS NULL THEN 'email' ELSE 'session' END,
              $3, $4, $5 FROM actions a WHERE a.id = $2`,
      [itemId, actionId, to.youngPersonId ?? null, to.sessionId ?? null, officer.user.id],
    );
  }

  async function stageOf(itemId: string): Promise<ItemStage> {
    const [row] = await sql<{ stage: ItemStage; rule: ItemStage }>(
      `SELECT stage, you_said_item_stage(id) AS rule FROM you_said_items WHERE id = $1`,
      [itemId],
    );
    // The kept column and the rule never disagree.
    expect(row.stage).toBe(row.rule);
    return row.stage;
  }

  it('should follow an item from recorded to closed, and back when it is reopened', async () => {
    const item = await newItem([ada.id, bo.id]);
    expect(await stageOf(item)).toBe('to_acknowledge');

    await sql(`UPDATE you_said_items SET acknowledged_by = $2, acknowledged_at = now() WHERE id = $1`, [
      item,
      officer.user.id,
    ]);
    expect(await stageOf(item)).toBe('to_answer');

    const action = await newAction(item, 'planned');
    expect(await stageOf(item)).toBe('to_tell');

    await tell(item, action, { youngPersonId: ada.id });
    expect(await stageOf(item)).toBe('to_tell'); // Bo has not been told yet
    await tell(item, action, { youngPersonId: bo.id });
    expect(await stageOf(item)).toBe('in_hand');

    await sql(`UPDATE actions SET status = 'done', done_on = current_date, progress = 100 WHERE id = $1`, [
      action,
    ]);
    expect(await stageOf(item)).toBe('to_tell'); // a new answer: they are told again

    await tell(item, action, { sessionId }); // read out to the group at a session reaches everyone
    expect(await stageOf(item)).toBe('to_close');

    await sql(`UPDATE you_said_items SET closed_by = $2, closed_at = now() WHERE id = $1`, [
      item,
      officer.user.id,
    ]);
    expect(await stageOf(item)).toBe('closed');

    await sql(`UPDATE you_said_items SET closed_by = NULL, closed_at = NULL WHERE id = $1`, [item]);
    expect(await stageOf(item)).toBe('to_close');
  });

  it('should ask for a telling again when someone else who spoke is added, and when a second action comes', async () => {
    const item = await newItem([ada.id]);
    await sql(`UPDATE you_said_items SET acknowledged_by = $2, acknowledged_at = now() WHERE id = $1`, [
      item,
      officer.user.id,
    ]);
    const cant = await newAction(item, 'cant');
    await tell(item, cant, { youngPersonId: ada.id });
    expect(await stageOf(item)).toBe('to_close');

    await sql(`INSERT INTO you_said_speakers (item_id, young_person_id) VALUES ($1, $2)`, [item, bo.id]);
    expect(await stageOf(item)).toBe('to_tell');
    await tell(item, cant, { youngPersonId: bo.id });
    expect(await stageOf(item)).toBe('to_close');

    const second = await newAction(item, 'planned');
    expect(await stageOf(item)).toBe('to_tell');
    await sql(`DELETE FROM action_answers WHERE action_id = $1`, [second]);
    expect(await stageOf(item)).toBe('to_close');
  });

  it('should keep the stage right inside the transaction that changes it', async () => {
    const item = await newItem([ada.id]);
    const seen = await t.db.transaction(async (em) => {
      await em.query(
        `UPDATE you_said_items SET acknowledged_by = $2, acknowledged_at = now() WHERE id = $1`,
        [item, officer.user.id],
      );
      const [row]: { stage: ItemStage }[] = await em.query(`SELECT stage FROM you_said_items WHERE id = $1`, [
        item,
      ]);
      return row.stage;
    });
    expect(seen).toBe('to_answer');
  });

  it('should refuse a stage that is not one of the stages', async () => {
    const item = await newItem([]);
    await expect(sql(`UPDATE you_said_items SET stage = 'lost' WHERE id = $1`, [item])).rejects.toThrow(
      /you_said_items_stage_known/,
    );
    expect(ITEM_STAGES).toContain(await stageOf(item));
  });
  it('should keep the earliest due date of a We will still being done, as due dates and statuses change', async () => {
    const item = await newItem([ada.id]);
    const nextDue = async () => {
      const [row] = await sql<{ kept: string | null; rule: string | null }>(
        `SELECT next_due_on::text AS kept, you_said_item_next_due(id)::text AS rule FROM you_said_items WHERE id = $1`,
        [item],
      );
      // The kept column and the rule never disagree.
      expect(row.kept).toBe(row.rule);
      return row.kept;
    };
    expect(await nextDue()).toBeNull();
    const first = await newAction(item, 'planned');
    const second = await newAction(item, 'planned');
    await sql(`UPDATE actions SET due_on = DATE '2027-03-01' WHERE id = $1`, [first]);
    await sql(`UPDATE actions SET due_on = DATE '2027-02-01' WHERE id = $1`, [second]);
    expect(await nextDue()).toBe('2027-02-01');
    await sql(`UPDATE actions SET status = 'done', done_on = current_date WHERE id = $1`, [second]);
    expect(await nextDue()).toBe('2027-03-01');
    await sql(`DELETE FROM action_answers WHERE action_id = $1`, [first]);
    expect(await nextDue()).toBeNull();
  });

  it('should count as a We will still being done exactly the statuses the status table says', async () => {
    const item = await newItem([]);
    const action = await newAction(item, 'planned');
    for (const status of ACTION_STATUSES) {
      // Each status set directly, as a fixture: the status table's moves are not the point here.
      await sql(
        `UPDATE actions SET status = $2::varchar, due_on = DATE '2027-01-15',
                done_on = CASE WHEN $2::varchar = 'done' THEN current_date END,
                cant_reason = 'The bus company decides this'
          WHERE id = $1`,
        [action, status],
      );
      const [row] = await sql<{ due: string | null }>(`SELECT you_said_item_next_due($1)::text AS due`, [
        item,
      ]);
      expect({ status, due: row.due }).toEqual({
        status,
        due: ACTION_STATUS_RULES[status].answer === 'we_will' ? '2027-01-15' : null,
      });
    }
  });
});
