import {
  LUNDY_QUESTIONS,
  PlanDocument,
  PlanSectionKey,
  PlanVersionResponse,
  planSectionsFor,
} from '@heard/domain';
import { SignedInClient } from './test-app';

/**
 * A voice plan as staff write and publish it through the API (docs/plan.md), for specs that need a
 * published version to work on: every section, every Lundy answer and one commitment, then
 * scrutiny, a senior leader's approval and publishing.
 */

/** Paragraphs of plain words as a section's typed text. */
export const planText = (...paragraphs: string[]): PlanDocument => ({
  blocks: paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] })),
});

function ok(res: { status: number; body: unknown }, status = 200): PlanVersionResponse {
  expect({ status: res.status, body: res.body }).toMatchObject({ status });
  return res.body as PlanVersionResponse;
}

export interface PlanFill {
  /** Both texts of a section; plain paragraphs naming the section unless given. */
  texts?: (key: PlanSectionKey) => { professional: PlanDocument; childFriendly: PlanDocument };
  /** The commitment's owner (a senior leader or officer) and theme. */
  ownerId: string;
  themeId: string;
  /** A due date inside the plan's year. */
  dueOn: string;
}

/** Writes every section, every Lundy answer and one commitment, as an officer would over days. */
export async function fillPlanVersion(
  officer: SignedInClient,
  v: PlanVersionResponse,
  fill: PlanFill,
): Promise<PlanVersionResponse> {
  let at = v;
  const texts =
    fill.texts ??
    ((key: PlanSectionKey) => ({
      professional: planText(`We will listen to children in ${key}, and we will check that we did.`),
      childFriendly: planText('We will listen to you. We will check.'),
    }));
  for (const key of planSectionsFor(v.yearOfPlan))
    at = ok(
      await officer.put(`/api/plans/versions/${at.id}/sections/${key}`, {
        expectedUpdatedAt: at.updatedAt,
        ...texts(key),
      }),
    );
  for (const q of LUNDY_QUESTIONS)
    at = ok(
      await officer.put(`/api/plans/versions/${at.id}/lundy/${q.key}`, {
        expectedUpdatedAt: at.updatedAt,
        answer: 'Mostly, and we know where we fall short.',
        evidence: [{ words: 'The Young DIB said so at its March session.' }],
      }),
    );
  return ok(
    await officer.put(`/api/plans/versions/${at.id}/commitments`, {
      expectedUpdatedAt: at.updatedAt,
      commitments: [
        {
          words: 'Every service asks children what they thought of their review meeting.',
          childWords: 'We will ask you what you thought of your review meeting.',
          ownerId: fill.ownerId,
          dueOn: fill.dueOn,
          themeId: fill.themeId,
        },
      ],
    }),
  );
}

/** Moves a whole version through the workflow to published: the officer, the leader, the officer. */
export async function publishPlanVersion(
  officer: SignedInClient,
  leader: SignedInClient,
  v: PlanVersionResponse,
): Promise<PlanVersionResponse> {
  let at = v;
  for (const [by, to] of [
    [officer, 'scrutiny'],
    [leader, 'approved'],
    [officer, 'published'],
  ] as const)
    at = ok(await by.post(`/api/plans/versions/${at.id}/moves`, { expectedUpdatedAt: at.updatedAt, to }));
  return at;
}
