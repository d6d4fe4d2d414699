import { MAX_IMPORT_ROWS } from './action-log-office.contract';
import { parseCsv, readImport } from './item-import';

describe('parseCsv', () => {
  it.each([
    [
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      '\ufeffa,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['a\n"x, ""y""\nz"', [['a'], ['x, "y"\nz']]],
    [
      'a,b\n\n1,\n',
      [
        ['a', 'b'],
        ['1', ''],
      ],
    ],
    ['a,,c', [['a', '', 'c']]],
  ])('%j reads as %j', (text, expected) => {
    expect(parseCsv(text)).toEqual(expected);
  });

  it('refuses a quote never closed', () => {
    expect(parseCsv('a\n"never closed')).toBeNull();
  });
});

describe('readImport', () => {
  const lists = {
    services: [{ id: 's1', name: 'Early Help' }],
    themes: [{ id: 't1', name: 'Sharing learning' }],
  };
  const today = '2026-12-04';
  const header = 'Said on,Source,Service,Theme,Channel,Summary';

  it('reads good rows, with UK dates, labels and list names in any case', () => {
    const csv = `${header}\n23/11/2026,A young person,early help,SHARING LEARNING,in person,More evening sessions\n2026-12-04,survey,,,,"Clearer letters, please"`;
    expect(readImport(csv, lists, today)).toEqual({
      problem: null,
      refused: [],
      accepted: [
        {
          line: 2,
          saidOn: '2026-11-23',
          source: 'young_person',
          serviceId: 's1',
          serviceName: 'Early Help',
          themeId: 't1',
          themeName: 'Sharing learning',
          channel: 'in person',
          words: 'More evening sessions',
        },
        {
          line: 3,
          saidOn: '2026-12-04',
          source: 'survey',
          serviceId: null,
          serviceName: null,
          themeId: null,
          themeName: null,
          channel: null,
          words: 'Clearer letters, please',
        },
      ],
    });
  });

  it.each([
    ['31/02/2026,survey,,,,Words', '“31/02/2026” is not a date like 2026-04-23 or 23/04/2026.'],
    [',survey,,,,Words', '“Said on” is empty.'],
    ['2026-12-05,survey,,,,Words', '“Said on” 2026-12-05 is in the future.'],
    ['2026-12-01,a neighbour,,,,Words', '“a neighbour” is not a source Heard knows.'],
    ['2026-12-01,,,,,Words', '“Source” is empty.'],
    [
      '2026-12-01,evaluation,,,,Words',
      'Evaluation items are made from an evaluation’s answers, not imported.',
    ],
    ['2026-12-01,survey,Nowhere,,,Words', '“Nowhere” is not on the list of services.'],
    ['2026-12-01,survey,,Nothing,,Words', '“Nothing” is not on the list of themes.'],
    ['2026-12-01,survey,,,,', '“Summary” is empty.'],
    [`2026-12-01,survey,,,,${'x'.repeat(2001)}`, '“Summary” is longer than 2,000 characters.'],
    [`2026-12-01,survey,,,${'c'.repeat(31)},Words`, '“Channel” is longer than 30 characters.'],
    ['2026-12-01,survey,,,,Words,extra', 'It has 7 cells; the header has 6.'],
  ])('refuses %j: %s', (row, reason) => {
    const reading = readImport(`${header}\n2026-12-01,survey,,,,Fine\n${row}`, lists, today);
    expect(reading.accepted.map((r) => r.line)).toEqual([2]);
    expect(reading.refused).toEqual([{ line: 3, reasons: [reason] }]);
  });

  it('names every reason a row is refused', () => {
    const reading = readImport(`${header}\nyesterday,someone,,,,`, lists, today);
    expect(reading.refused).toEqual([
      {
        line: 2,
        reasons: [
          '“yesterday” is not a date like 2026-04-23 or 23/04/2026.',
          '“someone” is not a source Heard knows.',
          '“Summary” is empty.',
        ],
      },
    ]);
  });

  it.each([
    ['Said on,Source,Summary', 'The CSV needs a header row and at least one row of feedback.'],
    ['Said on,Summary\n2026-12-01,Words', 'The header needs the columns source.'],
    ['Said on,Source,Summary,Name\n2026-12-01,survey,Words,Robin', 'Unknown columns: name.'],
    ['Said on,Source,Summary\n"2026-12-01,survey,Words', 'A quoted cell is never closed'],
    [
      `Said on,Source,Summary\n${'2026-12-01,survey,Words\n'.repeat(MAX_IMPORT_ROWS + 1)}`,
      `Import at most ${MAX_IMPORT_ROWS} rows at a time`,
    ],
  ])('refuses the whole file %#', (csv, problem) => {
    const reading = readImport(csv, lists, today);
    expect(reading.problem).toContain(problem);
    expect(reading.accepted).toEqual([]);
  });
});
