import { Role } from '../roles/role';
import { IsoDate } from '../shared/dates';
import { FEWER_THAN_FIVE, ShownCount, shownCount, shownParts, shownShare } from '../shared/small-numbers';
import { AGE_BANDS, AgeBand } from '../young-people/age';
import { SERVICE_EXPERIENCE_LABELS, ServiceExperienceKind } from '../young-people/service-experience';

/**
 * Reach (issue 13 §4, docs/reach.md): who takes part compared with who could, so the team sees
 * whose voices are missing. Aggregates only, so senior leaders may read it beside the officers;
 * administrators too, as they hold the reference lists the groups come from.
 */
export const REACH_READERS = [Role.ParticipationOfficer, Role.SeniorLeader, Role.Administrator] as const;

/**
 * The columns, each a count of young people: everyone the council worked with in the period, then
 * those an invitation reached (COUNTS_AS_INVITED), who came to a session or an occasion, who gave a
 * named evaluation, and whose words are in a You said item.
 */
export const REACH_STAGES = ['couldTakePart', 'invited', 'came', 'evaluated', 'spoke'] as const;
export type ReachStage = (typeof REACH_STAGES)[number];
/** The stages that show taking part, each compared with could take part. */
export type TakingPartStage = Exclude<ReachStage, 'couldTakePart'>;
export const TAKING_PART_STAGES: readonly TakingPartStage[] = ['invited', 'came', 'evaluated', 'spoke'];

export const REACH_STAGE_LABELS: Readonly<Record<ReachStage, string>> = {
  couldTakePart: 'Could take part',
  invited: 'Invited',
  came: 'Came',
  evaluated: 'Evaluated',
  spoke: 'Spoke',
};

/** How young people are grouped: each dimension is one table. */
export const REACH_DIMENSIONS = [
  'ageBand',
  'serviceExperience',
  'placedOutOfArea',
  'send',
  'category',
] as const;
export type ReachDimension = (typeof REACH_DIMENSIONS)[number];

export const REACH_DIMENSION_LABELS: Readonly<Record<ReachDimension, string>> = {
  ageBand: 'Age band',
  serviceExperience: 'Service experience',
  placedOutOfArea: 'Placed out of area',
  send: 'SEND',
  category: "The team's categories",
};

/** Outside every age band at the end of the period (under 10 or over 25). */
export const OTHER_AGES = 'other';
/** No service experience recorded for any day of the period. */
export const NO_SERVICE_EXPERIENCE = 'none';
/** None of the team's categories ticked on the record. */
export const NO_CATEGORY = 'none';

/** A group within a fixed dimension: an age band, a service experience, or yes / no. */
export type ReachGroup =
  | AgeBand
  | typeof OTHER_AGES
  | ServiceExperienceKind
  | typeof NO_SERVICE_EXPERIENCE
  | 'yes'
  | 'no';

/** The dimensions whose groups are fixed; the team's categories come from the list they keep. */
type FixedDimension = Exclude<ReachDimension, 'category'>;

/**
 * The groups of each dimension in the order shown, every one present even when no young person is
 * in it, so a group with nobody reads as a 0 rather than disappearing. A person can have several
 * service experiences, so those rows can overlap and add up to more than everyone.
 */
export const REACH_GROUPS: Readonly<
  Record<FixedDimension, { groups: readonly ReachGroup[]; labels: Readonly<Record<string, string>> }>
> = {
  ageBand: {
    groups: [...AGE_BANDS, OTHER_AGES],
    labels: {
      ...Object.fromEntries(AGE_BANDS.map((band) => [band, band.replace('-', ' to ')])),
      [OTHER_AGES]: 'Other ages',
    },
  },
  // SEND / EHCP is left out here: it has its own table below, and the same count withheld in one
  // table and shown in the other would give it away.
  serviceExperience: {
    groups: [
      ...Object.values(ServiceExperienceKind).filter((kind) => kind !== ServiceExperienceKind.SendEhcp),
      NO_SERVICE_EXPERIENCE,
    ],
    labels: { ...SERVICE_EXPERIENCE_LABELS, [NO_SERVICE_EXPERIENCE]: 'None recorded' },
  },
  placedOutOfArea: {
    groups: ['yes', 'no'],
    labels: { yes: 'Placed out of area', no: 'In the area' },
  },
  send: {
    groups: ['yes', 'no'],
    labels: { yes: 'SEND / EHCP', no: 'No SEND recorded' },
  },
};

export type ReachCounts = Readonly<Record<ReachStage, number>>;

/** One row of counts as the database gives them: a group of a dimension. */
export interface ReachCountRow {
  dimension: ReachDimension;
  group: string;
  counts: ReachCounts;
}

/**
 * A group that takes part far less than the rest: nobody in it did (`none`), or its share is under
 * half of everyone's (`few`). A share is only judged where the group's count is shown, so a gap
 * never says more about a withheld count than "fewer than five" already does.
 */
export type ReachGap = 'none' | 'few';

export interface ReachRow {
  /** A fixed group, or a category's id (NO_CATEGORY for none). */
  group: ReachGroup | string;
  label: string;
  counts: Record<ReachStage, ShownCount>;
  gaps: { stage: TakingPartStage; gap: ReachGap }[];
}

export interface ReachTable {
  dimension: ReachDimension;
  label: string;
  rows: ReachRow[];
}

/** GET /api/reach: the period, everyone's counts, and a table per dimension. */
export interface Reach {
  from: IsoDate;
  to: IsoDate;
  total: Record<ReachStage, ShownCount>;
  tables: ReachTable[];
}

/** A category on the list the team keeps, as reach is given it (current and retired). */
export interface ReachCategory {
  id: string;
  name: string;
  retired: boolean;
}

/** A group's share is "few" when under this fraction of everyone's share. */
const FEW_SHARE = 0.5;

const ZERO: ReachCounts = { couldTakePart: 0, invited: 0, came: 0, evaluated: 0, spoke: 0 };

function shownCounts(counts: ReachCounts): Record<ReachStage, ShownCount> {
  return Object.fromEntries(REACH_STAGES.map((s) => [s, shownCount(counts[s])])) as Record<
    ReachStage,
    ShownCount
  >;
}

function gapsOf(
  counts: ReachCounts,
  shown: Record<ReachStage, ShownCount>,
  total: ReachCounts,
): ReachRow['gaps'] {
  if (counts.couldTakePart === 0) return [];
  const gaps: ReachRow['gaps'] = [];
  for (const stage of TAKING_PART_STAGES) {
    if (counts[stage] === 0) gaps.push({ stage, gap: 'none' });
    else if (
      shown[stage] !== null &&
      shown.couldTakePart !== null &&
      total[stage] > 0 &&
      counts[stage] / counts.couldTakePart < (FEW_SHARE * total[stage]) / total.couldTakePart
    )
      gaps.push({ stage, gap: 'few' });
  }
  return gaps;
}

/**
 * The groups of the team's categories, in the list's order, then "No category": every current
 * category, even with nobody in it, so a category nobody has yet reads as a 0; a retired one only
 * while someone could take part under it in the period (the young people still ticked with it),
 * as a retired category nobody has would be an empty row about nothing the team still asks.
 */
export function categoryGroups(
  categories: readonly ReachCategory[],
  rows: readonly ReachCountRow[],
): { groups: string[]; labels: Record<string, string> } {
  const counted = new Set(
    rows.filter((r) => r.dimension === 'category' && r.counts.couldTakePart > 0).map((r) => r.group),
  );
  const shown = categories.filter((c) => !c.retired || counted.has(c.id));
  return {
    groups: [...shown.map((c) => c.id), NO_CATEGORY],
    labels: {
      ...Object.fromEntries(shown.map((c) => [c.id, c.retired ? `${c.name} (retired)` : c.name])),
      [NO_CATEGORY]: 'No category',
    },
  };
}

/**
 * The reach table for a period from the counts, with every count of young people under five
 * withheld (shownCount, and shownParts down each column, so the total less the other rows cannot
 * give a withheld one away) and the groups that are missing pointed out.
 */
export function reachOf(
  period: { from: IsoDate; to: IsoDate },
  total: ReachCounts,
  rows: readonly ReachCountRow[],
  categories: readonly ReachCategory[] = [],
): Reach {
  const tables = REACH_DIMENSIONS.map((dimension): ReachTable => {
    const { groups, labels } =
      dimension === 'category' ? categoryGroups(categories, rows) : REACH_GROUPS[dimension];
    const counts = groups.map(
      (group) => rows.find((r) => r.dimension === dimension && r.group === group)?.counts ?? ZERO,
    );
    // Down every column, parts or not: service experiences and categories overlap, but when nobody
    // has two (as is usual) their rows add up to the total like parts, and one withheld row would
    // be given away.
    const shown = counts.map(shownCounts);
    for (const stage of REACH_STAGES) {
      const column = shownParts(counts.map((c) => c[stage]));
      column.forEach((value, i) => (shown[i][stage] = value));
    }
    return {
      dimension,
      label: REACH_DIMENSION_LABELS[dimension],
      rows: groups.map((group, i) => ({
        group,
        label: labels[group],
        counts: shown[i],
        gaps: gapsOf(counts[i], shown[i], total),
      })),
    };
  });
  return { from: period.from, to: period.to, total: shownCounts(total), tables };
}

/** A shown count in words or as a spreadsheet cell: a withheld one reads "fewer than 5". */
export function reachCell(count: ShownCount): number | string {
  return count ?? FEWER_THAN_FIVE;
}

/** The first bars of every reach chart: the share among all young people, to compare each group with. */
export const ALL_YOUNG_PEOPLE = 'All young people';

/** A reach table as shares to draw: a group a row, a stage a column, each a percent or null (withheld). */
export interface ReachShares {
  groups: string[];
  stages: { stage: TakingPartStage; shares: ShownCount[] }[];
}

/**
 * Each group's share of those who could take part who reached each stage, for a chart beside the
 * table (docs/reach.md). All young people come first, as the yardstick. Only what shownShare allows
 * is drawn: a share with a withheld count or group size behind it is null. A group with no one in it
 * has no share at all and is left out (its 0 is in the table).
 */
export function reachShares(
  total: Reach['total'],
  table: ReachTable,
  stages: readonly TakingPartStage[],
): ReachShares {
  const rows = [
    { label: ALL_YOUNG_PEOPLE, counts: total },
    ...table.rows.filter((row) => row.counts.couldTakePart !== 0),
  ];
  return {
    groups: rows.map((row) => row.label),
    stages: stages.map((stage) => ({
      stage,
      shares: rows.map((row) => shownShare(row.counts[stage], row.counts.couldTakePart)),
    })),
  };
}
