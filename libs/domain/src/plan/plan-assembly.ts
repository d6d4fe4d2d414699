import type { FunnelStage } from '../activities/funnel';
import type { ActionCounts } from '../leaders/leaders-view.contract';
import { PledgeStatus, PledgeVerdict, RAGS, Rag, pledgeFlag, youngPeoplesRag } from '../pledges/pledge-rules';
import {
  Reach,
  ReachCountRow,
  ReachCounts,
  ReachDimension,
  ReachRow,
  ReachStage,
  reachOf,
} from '../reach/reach';
import { IsoDate } from '../shared/dates';
import {
  FEWER_THAN_FIVE,
  SMALL_NUMBER_THRESHOLD,
  ShownCount,
  shownCount,
  shownParts,
} from '../shared/small-numbers';

/**
 * The figures of section C (issue 14 §2, docs/plan.md): what was done in the year before the plan,
 * assembled from plain rows the API reads with SQL (counts, not raw attendance, so a year of a
 * million attendance rows is summed where it lives). Every figure says what it counts, so the
 * page can link to it; every count of young people goes through the small-number rules, and a
 * figure that rests on few young people says so.
 */

export interface PlanPeriod {
  from: IsoDate;
  to: IsoDate;
}

export type PlanActionAnswer = 'done' | 'open' | 'cant';

/** The review participation codes of seed 002 (data set 2b), recorded for a child's review meeting. */
export const REVIEW_PARTICIPATION_CODES = ['PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7', 'PN8'] as const;
export type ReviewParticipationCode = (typeof REVIEW_PARTICIPATION_CODES)[number];

export const REVIEW_PARTICIPATION_LABELS: Readonly<Record<ReviewParticipationCode, string>> = {
  PN1: 'Came to their review and gave their views in words',
  PN2: 'Came to their review and gave their views without words',
  PN3: 'Came to their review, and an advocate spoke for them',
  PN4: 'Did not come, and an advocate who came spoke for them',
  PN5: 'Did not come, and gave their views another way (written, recorded, online or through a trusted person)',
  PN6: 'Came to their review, but did not give their views and had no advocate',
  PN7: 'Chose not to take part in their review in any way',
  PN8: 'The chair decided there was good reason they could not take part',
};

/**
 * What a figure counts, for the API to turn into a link to the records behind it: ids where the
 * records are few and named (pledges, activity days), a description of the query where they are
 * many (actions, attendance).
 */
export type PlanReference =
  /** Actions by their answer at the end of the period; without a theme, every theme. */
  | { kind: 'actions'; period: PlanPeriod; answer: PlanActionAnswer; theme?: { id: string | null } }
  /** You said items whose loop was closed in the period, or answered and not yet closed at its end. */
  | { kind: 'loops'; period: PlanPeriod; closed: boolean }
  | { kind: 'pledges'; ids: string[] }
  | { kind: 'practice_tool_evaluations'; period: PlanPeriod; toolId: string }
  | { kind: 'activity_days'; ids: string[] }
  | { kind: 'invitations'; occasionIds: string[]; stage: keyof FunnelStage }
  | { kind: 'group_attendance'; period: PlanPeriod; groupId?: string }
  | {
      kind: 'reach';
      period: PlanPeriod;
      stage?: ReachStage;
      dimension?: ReachDimension;
      group?: ReachRow['group'];
    }
  | { kind: 'review_participation'; period: PlanPeriod; code?: ReviewParticipationCode; chaired?: true };

export type PlanReferenceKind = PlanReference['kind'];

export interface PlanFigure {
  label: string;
  /** null: fewer than five young people, withheld. Counts of the council's own work are whole. */
  value: ShownCount;
  /** It counts young people, so it goes through the small-number rules. */
  ofYoungPeople: boolean;
  /** It rests on fewer than five young people: shown with FEW_YOUNG_PEOPLE_NOTE beside it. */
  fewYoungPeople: boolean;
  counts: PlanReference;
}

export const FEW_YOUNG_PEOPLE_NOTE = `This rests on ${FEWER_THAN_FIVE} young people: read it with care.`;

/** Actions answering the items of a theme, as the leaders' view counts them, with the theme's id. */
export type PlanActionCounts = Pick<ActionCounts, 'label' | 'done' | 'open' | 'cant'> & {
  themeId: string | null;
};

export interface PlanPledgeRow {
  pledgeId: string;
  status: PledgeStatus;
  leaderRag: Rag | null;
  /** Each young person's (and each group's) current verdict, as youngPeoplesRag reads them. */
  verdicts: readonly PledgeVerdict[];
}

export interface PlanToolRow {
  toolId: string;
  name: string;
  /** Young people who evaluated it in the period. */
  evaluatedBy: number;
  /** What changed because of their evaluations (the version's note), in the officer's words. */
  whatChanged: string | null;
}

export interface PlanActivityDayRow {
  occasionId: string;
  title: string;
  date: IsoDate;
  /** Young people invited, who said yes, who came: the funnel's stages for this day. */
  funnel: FunnelStage;
}

export interface PlanGroupRow {
  groupId: string;
  name: string;
  /** Young people present at one of its sessions in the period. */
  youngPeople: number;
}

export interface PlanReviewRow {
  code: ReviewParticipationCode;
  /** Review meetings in the period recorded with this code. */
  reviews: number;
  /** Of those, meetings the young person chaired. */
  chaired: number;
}

export interface PlanAssemblyInput {
  period: PlanPeriod;
  /**
   * Actions by theme, and all of them once each: an action answering items of two themes is in
   * both themes' rows, so the total is counted apart rather than summed.
   */
  actions: { byTheme: readonly PlanActionCounts[]; total: Pick<ActionCounts, 'done' | 'open' | 'cant'> };
  loops: { closed: number; notClosed: number };
  pledges: readonly PlanPledgeRow[];
  practiceTools: readonly PlanToolRow[];
  activityDays: readonly PlanActivityDayRow[];
  groups: readonly PlanGroupRow[];
  /** Reach's counts for the period (reach.queries.ts): who could take part and who did. */
  reach: { total: ReachCounts; rows: readonly ReachCountRow[] };
  reviews: readonly PlanReviewRow[];
}

export interface PlanActionFigures {
  themeId: string | null;
  label: string;
  done: PlanFigure;
  open: PlanFigure;
  cant: PlanFigure;
}

export interface PlanFigures {
  period: PlanPeriod;
  /** Nothing at all was recorded in the period: the page says so rather than show a page of noughts. */
  empty: boolean;
  actions: { byTheme: PlanActionFigures[]; total: Omit<PlanActionFigures, 'themeId' | 'label'> };
  loops: { closed: PlanFigure; notClosed: PlanFigure };
  pledges: {
    total: PlanFigure;
    /** The leader's and the young people's red/amber/green differ. */
    flagged: PlanFigure;
    /** Every pair of the two ratings, not given included, so an empty cell reads as a 0. */
    byRags: { leader: Rag | null; youngPeople: Rag | null; figure: PlanFigure }[];
  };
  practiceTools: { toolId: string; name: string; evaluatedBy: PlanFigure; whatChanged: string | null }[];
  activityDays: {
    held: PlanFigure;
    funnel: Record<keyof FunnelStage, PlanFigure>;
    days: {
      occasionId: string;
      title: string;
      date: IsoDate;
      funnel: Record<keyof FunnelStage, PlanFigure>;
    }[];
  };
  takingPart: {
    total: PlanFigure;
    byGroup: { groupId: string; figure: PlanFigure }[];
    byAgeBand: PlanFigure[];
    byServiceExperience: PlanFigure[];
  };
  reach: { table: Reach; counts: PlanReference };
  /** Null when no review participation was recorded in the period: it is optional data. */
  reviews: null | {
    recorded: PlanFigure;
    byCode: { code: ReviewParticipationCode; figure: PlanFigure }[];
    chaired: PlanFigure;
  };
}

const FUNNEL_STAGES: readonly (keyof FunnelStage)[] = ['invited', 'accepted', 'attended'];
const FUNNEL_LABELS: Readonly<Record<keyof FunnelStage, string>> = {
  invited: 'Invited',
  accepted: 'Said yes',
  attended: 'Came',
};
const ANSWER_LABELS: Readonly<Record<PlanActionAnswer, string>> = {
  done: 'We did',
  open: 'We will',
  cant: 'We can’t',
};
const NO_THEME = 'No theme';

/** A count of the council's own work (actions, pledges, days): shown whole. */
function workFigure(label: string, count: number, counts: PlanReference, fewYoungPeople = false): PlanFigure {
  return { label, value: count, ofYoungPeople: false, fewYoungPeople, counts };
}

/**
 * A count of young people, already through the small-number rules. Anything withheld reads as
 * "fewer than five", so it is flagged as resting on few young people whatever the count behind it.
 */
function peopleFigure(label: string, shown: ShownCount, counts: PlanReference): PlanFigure {
  return { label, value: shown, ofYoungPeople: true, fewYoungPeople: shown === null, counts };
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const restsOnFew = (youngPeople: number) => youngPeople > 0 && youngPeople < SMALL_NUMBER_THRESHOLD;

function actionFigures(period: PlanPeriod, actions: PlanAssemblyInput['actions']): PlanFigures['actions'] {
  const figure = (answer: PlanActionAnswer, count: number, theme?: { id: string | null }) =>
    workFigure(ANSWER_LABELS[answer], count, {
      kind: 'actions',
      period,
      answer,
      ...(theme ? { theme } : {}),
    });
  return {
    byTheme: actions.byTheme.map((r) => ({
      themeId: r.themeId,
      label: r.label ?? NO_THEME,
      done: figure('done', r.done, { id: r.themeId }),
      open: figure('open', r.open, { id: r.themeId }),
      cant: figure('cant', r.cant, { id: r.themeId }),
    })),
    total: {
      done: figure('done', actions.total.done),
      open: figure('open', actions.total.open),
      cant: figure('cant', actions.total.cant),
    },
  };
}

function pledgeFigures(rows: readonly PlanPledgeRow[]): PlanFigures['pledges'] {
  const rated = rows.map((r) => ({ ...r, youngPeople: youngPeoplesRag(r.verdicts) }));
  const ids = (list: typeof rated) => list.map((r) => r.pledgeId);
  const few = (list: typeof rated) => list.some((r) => restsOnFew(r.verdicts.length));
  const flagged = rated.filter((r) => pledgeFlag(r.leaderRag, r.youngPeople).flagged);
  const sides: readonly (Rag | null)[] = [...RAGS, null];
  return {
    total: workFigure('Pledges', rated.length, { kind: 'pledges', ids: ids(rated) }, few(rated)),
    flagged: workFigure(
      'The leader and young people see it differently',
      flagged.length,
      { kind: 'pledges', ids: ids(flagged) },
      few(flagged),
    ),
    byRags: sides.flatMap((leader) =>
      sides.map((youngPeople) => {
        const cell = rated.filter((r) => r.leaderRag === leader && r.youngPeople === youngPeople);
        return {
          leader,
          youngPeople,
          figure: workFigure(
            `Leader ${leader ?? 'not given'}, young people ${youngPeople ?? 'not given'}`,
            cell.length,
            { kind: 'pledges', ids: ids(cell) },
            few(cell),
          ),
        };
      }),
    ),
  };
}

function activityFigures(rows: readonly PlanActivityDayRow[]): PlanFigures['activityDays'] {
  const occasionIds = rows.map((r) => r.occasionId);
  // Down each stage the days are parts of the total shown beside them: one withheld day would
  // otherwise be the total less the others.
  const columns = Object.fromEntries(
    FUNNEL_STAGES.map((stage) => [stage, shownParts(rows.map((r) => r.funnel[stage]))]),
  ) as Record<keyof FunnelStage, ShownCount[]>;
  const stages = (shown: (stage: keyof FunnelStage) => ShownCount, ids: string[]) =>
    Object.fromEntries(
      FUNNEL_STAGES.map((stage) => [
        stage,
        peopleFigure(FUNNEL_LABELS[stage], shown(stage), { kind: 'invitations', occasionIds: ids, stage }),
      ]),
    ) as Record<keyof FunnelStage, PlanFigure>;
  return {
    held: workFigure('Activity days', rows.length, { kind: 'activity_days', ids: occasionIds }),
    funnel: stages((stage) => shownCount(sum(rows.map((r) => r.funnel[stage]))), occasionIds),
    days: rows.map((r, i) => ({
      occasionId: r.occasionId,
      title: r.title,
      date: r.date,
      funnel: stages((stage) => columns[stage][i], [r.occasionId]),
    })),
  };
}

function takingPartFigures(
  period: PlanPeriod,
  input: PlanAssemblyInput,
  reach: Reach,
): PlanFigures['takingPart'] {
  const groupCounts = shownParts(input.groups.map((g) => g.youngPeople));
  // By age band and service experience it is reach's "came" column, already withheld there, so a
  // count is never shown in one place and withheld in another.
  const fromReach = (dimension: ReachDimension) =>
    (reach.tables.find((t) => t.dimension === dimension)?.rows ?? []).map((row) =>
      peopleFigure(row.label, row.counts.came, {
        kind: 'reach',
        period,
        stage: 'came',
        dimension,
        group: row.group,
      }),
    );
  return {
    total: peopleFigure('Young people who took part', reach.total.came, {
      kind: 'reach',
      period,
      stage: 'came',
    }),
    byGroup: input.groups.map((g, i) => ({
      groupId: g.groupId,
      figure: peopleFigure(g.name, groupCounts[i], { kind: 'group_attendance', period, groupId: g.groupId }),
    })),
    byAgeBand: fromReach('ageBand'),
    byServiceExperience: fromReach('serviceExperience'),
  };
}

function reviewFigures(period: PlanPeriod, rows: readonly PlanReviewRow[]): PlanFigures['reviews'] {
  const byCode = REVIEW_PARTICIPATION_CODES.map((code) => rows.find((r) => r.code === code));
  const reviews = byCode.map((r) => r?.reviews ?? 0);
  const recorded = sum(reviews);
  if (recorded === 0) return null;
  const shown = shownParts(reviews);
  return {
    recorded: peopleFigure('Reviews with participation recorded', shownCount(recorded), {
      kind: 'review_participation',
      period,
    }),
    byCode: REVIEW_PARTICIPATION_CODES.map((code, i) => ({
      code,
      figure: peopleFigure(`${code}: ${REVIEW_PARTICIPATION_LABELS[code]}`, shown[i], {
        kind: 'review_participation',
        period,
        code,
      }),
    })),
    chaired: peopleFigure(
      'Young people who chaired their review',
      shownCount(sum(byCode.map((r) => r?.chaired ?? 0))),
      {
        kind: 'review_participation',
        period,
        chaired: true,
      },
    ),
  };
}

/**
 * Section C's figures for the period. Pure and linear in its rows: the heavy counting is the
 * API's SQL, which hands over one row per theme, pledge, tool, day, group and code.
 */
export function assemblePlanFigures(input: PlanAssemblyInput): PlanFigures {
  const { period } = input;
  const reach = reachOf(period, input.reach.total, input.reach.rows);
  const { total } = input.actions;
  const empty =
    total.done + total.open + total.cant === 0 &&
    input.loops.closed + input.loops.notClosed === 0 &&
    input.pledges.length === 0 &&
    input.practiceTools.every((t) => t.evaluatedBy === 0) &&
    input.activityDays.length === 0 &&
    input.groups.every((g) => g.youngPeople === 0) &&
    input.reach.total.came +
      input.reach.total.invited +
      input.reach.total.evaluated +
      input.reach.total.spoke ===
      0 &&
    input.reviews.every((r) => r.reviews === 0);
  return {
    period,
    empty,
    actions: actionFigures(period, input.actions),
    loops: {
      closed: workFigure('Loops closed: told what happened', input.loops.closed, {
        kind: 'loops',
        period,
        closed: true,
      }),
      notClosed: workFigure('Loops not yet closed', input.loops.notClosed, {
        kind: 'loops',
        period,
        closed: false,
      }),
    },
    pledges: pledgeFigures(input.pledges),
    practiceTools: input.practiceTools
      .filter((t) => t.evaluatedBy > 0)
      .map((t) => ({
        toolId: t.toolId,
        name: t.name,
        evaluatedBy: peopleFigure('Young people who evaluated it', shownCount(t.evaluatedBy), {
          kind: 'practice_tool_evaluations',
          period,
          toolId: t.toolId,
        }),
        whatChanged: t.whatChanged?.trim() || null,
      })),
    activityDays: activityFigures(input.activityDays),
    takingPart: takingPartFigures(period, input, reach),
    reach: { table: reach, counts: { kind: 'reach', period } },
    reviews: reviewFigures(period, input.reviews),
  };
}
