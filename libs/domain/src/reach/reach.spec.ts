import { ServiceExperienceKind } from '../young-people/service-experience';
import {
  ReachCategory,
  ReachCountRow,
  ReachCounts,
  categoryGroups,
  reachCell,
  reachOf,
  reachShares,
} from './reach';

const period = { from: '2026-01-01', to: '2026-06-30' };

const counts = (couldTakePart: number, invited = 0, came = 0, evaluated = 0, spoke = 0): ReachCounts => ({
  couldTakePart,
  invited,
  came,
  evaluated,
  spoke,
});

const row = (dimension: ReachCountRow['dimension'], group: string, c: ReachCounts): ReachCountRow => ({
  dimension,
  group,
  counts: c,
});

function tableOf(reach: ReturnType<typeof reachOf>, dimension: ReachCountRow['dimension']) {
  const table = reach.tables.find((t) => t.dimension === dimension);
  if (!table) throw new Error(`no ${dimension} table`);
  return table;
}

function rowOf(reach: ReturnType<typeof reachOf>, dimension: ReachCountRow['dimension'], group: string) {
  const found = tableOf(reach, dimension).rows.find((r) => r.group === group);
  if (!found) throw new Error(`no ${group} row`);
  return found;
}

describe('reachOf', () => {
  it('should give every dimension a table in order, each group present even with nobody in it', () => {
    const reach = reachOf(period, counts(0), []);
    expect(reach.tables.map((t) => t.dimension)).toEqual([
      'ageBand',
      'serviceExperience',
      'placedOutOfArea',
      'send',
      'category',
    ]);
    expect(tableOf(reach, 'category').rows.map((r) => [r.group, r.label])).toEqual([['none', 'No category']]);
    expect(tableOf(reach, 'ageBand').rows.map((r) => [r.group, r.label])).toEqual([
      ['10-12', '10 to 12'],
      ['13-15', '13 to 15'],
      ['16-17', '16 to 17'],
      ['18-25', '18 to 25'],
      ['other', 'Other ages'],
    ]);
    // SEND / EHCP has its own table: shown in both, a count withheld in one would show in the other.
    expect(tableOf(reach, 'serviceExperience').rows.map((r) => r.group)).toEqual([
      ...Object.values(ServiceExperienceKind).filter((kind) => kind !== ServiceExperienceKind.SendEhcp),
      'none',
    ]);
    expect(tableOf(reach, 'placedOutOfArea').rows.map((r) => r.label)).toEqual([
      'Placed out of area',
      'In the area',
    ]);
  });

  it('should show an empty period as zeros with no gaps: nobody to miss', () => {
    const reach = reachOf(period, counts(0), []);
    expect(reach.total).toEqual(counts(0));
    for (const table of reach.tables)
      for (const r of table.rows) {
        expect(r.counts).toEqual(counts(0));
        expect(r.gaps).toEqual([]);
      }
  });

  it.each([
    ['zero is shown: "no one" picks out no one', 0, 0],
    ['one is withheld', 1, null],
    ['four is withheld', 4, null],
    ['five is shown', 5, 5],
    ['a large count is shown', 240, 240],
  ])('should withhold small service experience counts: %s', (_name, count, shown) => {
    const reach = reachOf(period, counts(300, 300, 300, 300, 300), [
      row('serviceExperience', ServiceExperienceKind.YoungCarer, counts(300, count, count, count, count)),
    ]);
    const carers = rowOf(reach, 'serviceExperience', ServiceExperienceKind.YoungCarer);
    expect(carers.counts).toEqual({
      couldTakePart: 300,
      invited: shown,
      came: shown,
      evaluated: shown,
      spoke: shown,
    });
  });

  it('should withhold one more among service experiences too: with no overlap they add up like parts', () => {
    const reach = reachOf(period, counts(30, 30), [
      row('serviceExperience', ServiceExperienceKind.YoungCarer, counts(2, 2)),
      row('serviceExperience', ServiceExperienceKind.YouthJustice, counts(28, 28)),
    ]);
    const carers = rowOf(reach, 'serviceExperience', ServiceExperienceKind.YoungCarer);
    const justice = rowOf(reach, 'serviceExperience', ServiceExperienceKind.YouthJustice);
    expect([carers.counts.invited, justice.counts.invited]).toEqual([null, null]);
  });

  it('should withhold one more in a column of parts, so the total less the rest cannot give a withheld count away', () => {
    const reach = reachOf(period, counts(60, 30), [
      row('placedOutOfArea', 'yes', counts(8, 2)),
      row('placedOutOfArea', 'no', counts(52, 28)),
    ]);
    const [yes, no] = tableOf(reach, 'placedOutOfArea').rows;
    expect([yes.counts.invited, no.counts.invited]).toEqual([null, null]);
    expect([yes.counts.couldTakePart, no.counts.couldTakePart]).toEqual([8, 52]);
    expect(reach.total.invited).toBe(30);
  });

  it.each([
    [
      'nobody in the group took part',
      counts(20, 0, 0, 0, 0),
      counts(100, 50, 40, 20, 10),
      ['invited', 'none'],
    ],
    [
      'a shown share under half of everyone’s',
      counts(40, 8, 20, 10, 5),
      counts(100, 50, 40, 20, 10),
      ['invited', 'few'],
    ],
  ])('should point out a missing group when %s', (_name, group, total, [stage, gap]) => {
    const reach = reachOf(period, total, [row('placedOutOfArea', 'yes', group)]);
    const [yes] = tableOf(reach, 'placedOutOfArea').rows;
    expect(yes.gaps).toContainEqual({ stage, gap });
  });

  it('should not judge a share from a withheld count or a withheld group size', () => {
    const reach = reachOf(period, counts(100, 80, 80, 80, 80), [
      row('serviceExperience', ServiceExperienceKind.YouthJustice, counts(40, 2, 40, 40, 40)),
      row('serviceExperience', ServiceExperienceKind.SeparatedMigrant, counts(3, 1, 3, 3, 3)),
    ]);
    expect(rowOf(reach, 'serviceExperience', ServiceExperienceKind.YouthJustice).gaps).toEqual([]);
    expect(rowOf(reach, 'serviceExperience', ServiceExperienceKind.SeparatedMigrant).gaps).toEqual([]);
  });

  it('should list every stage where nobody in a group took part, and none for a group with nobody in it', () => {
    const reach = reachOf(period, counts(50, 30, 20, 10, 5), [
      row('send', 'yes', counts(10, 6, 0, 0, 0)),
      row('send', 'no', counts(40, 24, 20, 10, 5)),
    ]);
    const [yes, no] = tableOf(reach, 'send').rows;
    expect(yes.gaps).toEqual([
      { stage: 'came', gap: 'none' },
      { stage: 'evaluated', gap: 'none' },
      { stage: 'spoke', gap: 'none' },
    ]);
    expect(no.gaps).toEqual([]);
    expect(tableOf(reach, 'ageBand').rows.every((r) => r.gaps.length === 0)).toBe(true);
  });

  it('should read a withheld cell as "fewer than 5"', () => {
    expect(reachCell(null)).toBe('fewer than 5');
    expect(reachCell(0)).toBe(0);
    expect(reachCell(12)).toBe(12);
  });
});

describe('the team’s categories in reach', () => {
  const carer: ReachCategory = { id: 'c1', name: 'Young carer', retired: false };
  const kinship: ReachCategory = { id: 'c2', name: 'Lives with kinship carers', retired: false };
  const retired: ReachCategory = { id: 'c3', name: 'Old category', retired: true };
  const list = [kinship, carer, retired];

  it.each([
    ['no category has anyone: every current one, then none', [], ['c2', 'c1', 'none']],
    [
      'a retired one with someone who could take part is shown, marked',
      [row('category', 'c3', counts(6, 6))],
      ['c2', 'c1', 'c3', 'none'],
    ],
    [
      'a retired one counted with nobody is left out',
      [row('category', 'c3', counts(0))],
      ['c2', 'c1', 'none'],
    ],
  ])('should give the groups in the list’s order when %s', (_name, rows, groups) => {
    expect(categoryGroups(list, rows).groups).toEqual(groups);
  });

  it('should label each group by its name, a retired one marked, and "No category" last', () => {
    const reach = reachOf(period, counts(20, 10), [row('category', 'c3', counts(6, 6))], list);
    expect(tableOf(reach, 'category').rows.map((r) => r.label)).toEqual([
      'Lives with kinship carers',
      'Young carer',
      'Old category (retired)',
      'No category',
    ]);
  });

  it('should show a current category nobody has as a 0, without a gap: nobody to miss', () => {
    const reach = reachOf(period, counts(20, 10), [row('category', 'none', counts(20, 10))], list);
    const kin = rowOf(reach, 'category', 'c2');
    expect(kin.counts).toEqual(counts(0));
    expect(kin.gaps).toEqual([]);
  });

  it('should point out a category whose young people nobody invited', () => {
    const reach = reachOf(
      period,
      counts(40, 30, 20, 10, 5),
      [row('category', 'c1', counts(8, 0, 0, 0, 0)), row('category', 'none', counts(32, 30, 20, 10, 5))],
      list,
    );
    expect(rowOf(reach, 'category', 'c1').gaps).toEqual([
      { stage: 'invited', gap: 'none' },
      { stage: 'came', gap: 'none' },
      { stage: 'evaluated', gap: 'none' },
      { stage: 'spoke', gap: 'none' },
    ]);
  });

  it('should withhold small counts with the same rule as the other tables, one more down a column', () => {
    const reach = reachOf(
      period,
      counts(40, 30),
      [
        row('category', 'c1', counts(6, 3)),
        row('category', 'c2', counts(10, 7)),
        row('category', 'none', counts(24, 20)),
      ],
      list,
    );
    const [kin, young, none] = tableOf(reach, 'category').rows;
    expect([young.counts.invited, kin.counts.invited, none.counts.invited]).toEqual([null, null, 20]);
    expect([young.counts.couldTakePart, kin.counts.couldTakePart]).toEqual([6, 10]);
  });
});

describe('reachShares', () => {
  const shares = (total: ReachCounts, rows: ReachCountRow[], dimension: ReachCountRow['dimension']) => {
    const reach = reachOf(period, total, rows);
    return reachShares(reach.total, tableOf(reach, dimension), ['invited', 'came', 'spoke']);
  };

  it('should give all young people first, then each group with someone in it, as percents of who could take part', () => {
    expect(
      shares(
        counts(50, 40, 20, 10, 5),
        [row('send', 'yes', counts(10, 6, 0, 0, 0)), row('send', 'no', counts(40, 34, 20, 10, 5))],
        'send',
      ),
    ).toEqual({
      groups: ['All young people', 'SEND / EHCP', 'No SEND recorded'],
      stages: [
        { stage: 'invited', shares: [80, 60, 85] },
        { stage: 'came', shares: [40, 0, 50] },
        { stage: 'spoke', shares: [10, 0, 13] },
      ],
    });
  });

  it.each([
    // 2 invited of 8 placed out of area: withheld, and 28 in the area with it, or 30 less 28 gives it away.
    ['a withheld count', counts(8, 2, 8, 8, 8), counts(52, 28, 52, 52, 52), [null, null], [100, 100]],
    // 3 of 3 would say "everyone", which a share of a withheld group size must not.
    ['a withheld group size', counts(3, 3, 3, 3, 3), counts(57, 27, 57, 57, 57), [null, null], [null, null]],
  ])('should draw no share with %s behind it', (_name, yes, no, invited, came) => {
    const total = {
      couldTakePart: yes.couldTakePart + no.couldTakePart,
      invited: yes.invited + no.invited,
      came: yes.came + no.came,
      evaluated: yes.evaluated + no.evaluated,
      spoke: yes.spoke + no.spoke,
    };
    const drawn = shares(
      total,
      [row('placedOutOfArea', 'yes', yes), row('placedOutOfArea', 'no', no)],
      'placedOutOfArea',
    );
    expect(drawn.groups).toEqual(['All young people', 'Placed out of area', 'In the area']);
    expect(drawn.stages[0].shares.slice(1)).toEqual(invited);
    expect(drawn.stages[1].shares.slice(1)).toEqual(came);
  });

  it('should leave out groups with no one in them, and draw nothing for a withheld total', () => {
    const drawn = shares(counts(4, 4, 2, 1, 0), [row('ageBand', '13-15', counts(4, 4, 2, 1, 0))], 'ageBand');
    expect(drawn).toEqual({
      groups: ['All young people', '13 to 15'],
      stages: [
        { stage: 'invited', shares: [null, null] },
        { stage: 'came', shares: [null, null] },
        { stage: 'spoke', shares: [null, null] },
      ],
    });
  });
});
