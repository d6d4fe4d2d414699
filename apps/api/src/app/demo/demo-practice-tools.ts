import { PracticeToolStage, addDays, todayInLondon } from '@heard/domain';
import { EntityManager } from 'typeorm';

interface DemoTool {
  name: string;
  purpose: string;
  owningService: string;
  coProducedWith: string;
  /** The stages it passed through, with how many days ago it reached each. */
  path: { stage: PracticeToolStage; daysAgo: number; reason?: string }[];
  versions: { label: string; link: string; notes: string | null; daysAgo: number }[];
}

/** The five tools DOMAIN.md names, at plausible stages. Links point at the fictional council's site. */
const TOOLS: DemoTool[] = [
  {
    name: "Who's who: roles and responsibilities index",
    purpose:
      'Explains in plain words who the adults around a child in care are (social worker, IRO, personal adviser, ' +
      'virtual school) and what each one does.',
    owningService: "Children's social care",
    coProducedWith: 'Children in Care Council',
    path: [
      { stage: 'co_producing', daysAgo: 420 },
      { stage: 'being_evaluated', daysAgo: 330 },
      { stage: 'shared_with_workforce', daysAgo: 250 },
      { stage: 'embedded', daysAgo: 120 },
    ],
    versions: [
      {
        label: 'v1, January 2026',
        link: 'https://heard-demo.example/tools/whos-who-v1.pdf',
        notes: 'First version, drawn with the Children in Care Council.',
        daysAgo: 330,
      },
      {
        label: 'v2, June 2026',
        link: 'https://heard-demo.example/tools/whos-who-v2.pdf',
        notes: 'Adds the virtual school and advocates after the young people said they were missing.',
        daysAgo: 160,
      },
    ],
  },
  {
    name: 'Guide to co-producing summaries with children',
    purpose: 'Helps practitioners write a child protection summary with the child, in words the child chose.',
    owningService: 'Safeguarding and quality assurance',
    coProducedWith: 'Young Experts',
    path: [
      { stage: 'co_producing', daysAgo: 200 },
      { stage: 'being_evaluated', daysAgo: 90 },
    ],
    versions: [
      {
        label: 'v1, September 2026',
        link: 'https://heard-demo.example/tools/summaries-guide-v1',
        notes: null,
        daysAgo: 90,
      },
    ],
  },
  {
    name: 'Invitation-to-chair letter',
    purpose: 'A letter inviting a young person to chair, or co-chair, their own review meeting.',
    owningService: 'Independent reviewing service',
    coProducedWith: 'Seniors with the independent reviewing officers',
    path: [
      { stage: 'co_producing', daysAgo: 300 },
      { stage: 'being_evaluated', daysAgo: 240 },
      { stage: 'shared_with_workforce', daysAgo: 150 },
      {
        stage: 'being_evaluated',
        daysAgo: 60,
        reason: 'Young people asked for a shorter version to be tried first.',
      },
    ],
    versions: [
      {
        label: 'v1, March 2026',
        link: 'https://heard-demo.example/tools/invitation-to-chair-v1.docx',
        notes: null,
        daysAgo: 240,
      },
      {
        label: 'v2, October 2026',
        link: 'https://heard-demo.example/tools/invitation-to-chair-v2.docx',
        notes: 'Half the length, with a tear-off reply slip.',
        daysAgo: 60,
      },
    ],
  },
  {
    name: 'Child protection conference animation',
    purpose:
      'A short animation showing a child what happens at a child protection conference and who will be there.',
    owningService: 'Safeguarding and quality assurance',
    coProducedWith: 'Juniors and Deputies with a local animation studio',
    path: [{ stage: 'co_producing', daysAgo: 45 }],
    versions: [
      {
        label: 'Storyboard, November 2026',
        link: 'https://heard-demo.example/tools/conference-animation-storyboard',
        notes: 'The storyboard the Juniors drew, before any animation.',
        daysAgo: 20,
      },
    ],
  },
  {
    name: '"This is Me" profile',
    purpose:
      'A one-page profile a young person fills in about themselves, shared with new adults who work with them.',
    owningService: 'Leaving care service',
    coProducedWith: 'Care Leavers',
    path: [
      { stage: 'co_producing', daysAgo: 700 },
      { stage: 'being_evaluated', daysAgo: 640 },
      { stage: 'shared_with_workforce', daysAgo: 560 },
      { stage: 'embedded', daysAgo: 400 },
      { stage: 'retired', daysAgo: 30, reason: 'Replaced by the pathway plan\'s own "About me" page.' },
    ],
    versions: [
      {
        label: 'v1, 2024',
        link: 'https://heard-demo.example/tools/this-is-me-v1.pdf',
        notes: null,
        daysAgo: 640,
      },
    ],
  },
];

/** Days ago as a time stamp at ten in the morning UTC, so the history reads as office hours. */
const at = (daysAgo: number) => `${addDays(todayInLondon(), -daysAgo)}T10:00:00Z`;

/** Loads the demo practice tools with their versions and stage histories, moved by the demo officer. */
export async function loadDemoPracticeTools(em: EntityManager, officerId: string): Promise<void> {
  for (const tool of TOOLS) {
    const last = tool.path[tool.path.length - 1];
    const [{ id }]: { id: string }[] = await em.query(
      `INSERT INTO practice_tools (name, purpose, owning_service, co_produced_with, stage, stage_since, created_by,
         created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $6) RETURNING id`,
      [
        tool.name,
        tool.purpose,
        tool.owningService,
        tool.coProducedWith,
        last.stage,
        at(last.daysAgo),
        officerId,
        at(tool.path[0].daysAgo),
      ],
    );
    let from: PracticeToolStage | null = null;
    for (const step of tool.path) {
      await em.query(
        `INSERT INTO practice_tool_stage_changes (tool_id, from_stage, to_stage, reason, moved_by, moved_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, from, step.stage, step.reason ?? null, officerId, at(step.daysAgo)],
      );
      from = step.stage;
    }
    for (const v of tool.versions) {
      await em.query(
        `INSERT INTO practice_tool_versions (tool_id, label, link, notes, added_by, added_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, v.label, v.link, v.notes, officerId, at(v.daysAgo)],
      );
    }
  }
}
