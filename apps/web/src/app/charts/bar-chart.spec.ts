import { barChartOf, cellOf, chartHeight } from './bar-chart';

describe('cellOf', () => {
  it.each([
    [12, 'count', '12'],
    [0, 'count', '0'],
    [null, 'count', 'fewer than 5'],
    [40, 'percent', '40%'],
    [0, 'percent', '0%'],
    [null, 'percent', 'fewer than 5'],
  ] as const)('shows %p as a %s in the table as %p', (value, unit, words) => {
    expect(cellOf(value, unit)).toBe(words);
  });
});

describe('barChartOf', () => {
  const series = [
    { label: 'Came', values: [33, null] },
    { label: 'Spoke', values: [19, 0] },
  ];

  it('draws counts upright from 0 in whole numbers, a series a set of bars, withheld ones as no bar', () => {
    const config = barChartOf(['All', 'Placed out of area'], series);
    expect(config.data.datasets.map((d) => d.data)).toEqual([
      [33, null],
      [19, 0],
    ]);
    expect(config.options?.indexAxis).toBe('x');
    expect(config.options?.scales?.['y']).toEqual({ beginAtZero: true, ticks: { precision: 0 } });
    expect(config.options?.plugins?.legend?.display).toBe(true);
  });

  it('draws shares across, on a scale from 0% to 100%', () => {
    const config = barChartOf(['All', 'Placed out of area'], series, 'percent', 'across');
    expect(config.options?.indexAxis).toBe('y');
    const x = config.options?.scales?.['x'];
    expect([x?.min, x?.max]).toEqual([0, 100]);
    const tick = x?.ticks?.callback as (value: number) => string;
    expect(tick(40)).toBe('40%');
  });

  it('needs no key for one series', () => {
    expect(
      barChartOf(['Invited'], [{ label: 'Young people', values: [4] }]).options?.plugins?.legend?.display,
    ).toBe(false);
  });
});

describe('chartHeight', () => {
  it('keeps upright charts one height and gives bars lying across room for each category', () => {
    expect(chartHeight('upright', 10, 4)).toBe(260);
    expect(chartHeight('across', 3, 2)).toBe(260);
    expect(chartHeight('across', 10, 2)).toBe(480);
  });
});
