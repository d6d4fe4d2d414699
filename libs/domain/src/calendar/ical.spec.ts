import { CalendarEvent, escapeText, foldLine, renderCalendar } from './ical';

const NOW = new Date('2026-01-01T09:00:00Z');
const event = (overrides: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: 'session-1@heard',
  sequence: 0,
  startsAt: new Date('2026-01-06T17:00:00Z'),
  endsAt: new Date('2026-01-06T18:30:00Z'),
  summary: 'Youth Forum',
  location: 'Town Hall',
  description: null,
  cancelled: false,
  updatedAt: new Date('2025-12-20T10:15:30.123Z'),
  ...overrides,
});
const unfold = (text: string) => text.replace(/\r\n /g, '');
const linesOf = (ics: string) => unfold(ics).split('\r\n');
const eventBlocks = (ics: string): string[][] => {
  const blocks: string[][] = [];
  let current: string[] | null = null;
  for (const line of linesOf(ics)) {
    if (line === 'BEGIN:VEVENT') current = [];
    else if (line === 'END:VEVENT') {
      blocks.push(current as string[]);
      current = null;
    } else if (current) current.push(line);
  }
  return blocks;
};
const octets = (s: string) => new TextEncoder().encode(s).length;

describe('renderCalendar', () => {
  it('should end every line with CRLF and have no bare LF or CR', () => {
    const ics = renderCalendar('Heard sessions', [event(), event({ uid: 'session-2@heard' })], NOW);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('should wrap everything in a VCALENDAR with a version and product id', () => {
    const lines = linesOf(renderCalendar('Heard sessions', [event()], NOW));
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines[lines.length - 2]).toBe('END:VCALENDAR');
    expect(lines[lines.length - 1]).toBe('');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.some((l) => l.startsWith('PRODID:'))).toBe(true);
    expect(lines).toContain('X-WR-CALNAME:Heard sessions');
  });

  it.each<[number]>([[0], [1], [3]])('should have one VEVENT per event when there are %i events', (count) => {
    const events = Array.from({ length: count }, (_, i) => event({ uid: `session-${i}@heard` }));
    const ics = renderCalendar('Heard', events, NOW);
    expect(ics.match(/^BEGIN:VEVENT$/gm) ?? []).toHaveLength(count);
    expect(ics.match(/^END:VEVENT$/gm) ?? []).toHaveLength(count);
    expect(eventBlocks(ics).map((b) => b.find((l) => l.startsWith('UID:')))).toEqual(
      events.map((e) => `UID:${e.uid}`),
    );
  });

  it('should give each event its UID, SEQUENCE and times in UTC basic format', () => {
    const [block] = eventBlocks(renderCalendar('Heard', [event({ sequence: 4 })], NOW));
    expect(block).toEqual(
      expect.arrayContaining([
        'UID:session-1@heard',
        'SEQUENCE:4',
        'DTSTAMP:20260101T090000Z',
        'LAST-MODIFIED:20251220T101530Z',
        'DTSTART:20260106T170000Z',
        'DTEND:20260106T183000Z',
        'SUMMARY:Youth Forum',
        'STATUS:CONFIRMED',
        'LOCATION:Town Hall',
      ]),
    );
  });

  it.each<[string, string, string]>([
    ['2026-07-07T16:00:00Z', '20260707T160000Z', 'a summer session stays in UTC'],
    ['2026-12-31T23:59:59.999Z', '20261231T235959Z', 'milliseconds are dropped'],
    ['2027-01-01T00:00:00Z', '20270101T000000Z', 'midnight on new year'],
  ])('should write DTSTART %s as %s (%s)', (instant, expected) => {
    const [block] = eventBlocks(renderCalendar('Heard', [event({ startsAt: new Date(instant) })], NOW));
    expect(block).toContain(`DTSTART:${expected}`);
  });

  it('should mark a cancelled event CANCELLED and say so in its summary', () => {
    const [block] = eventBlocks(renderCalendar('Heard', [event({ cancelled: true, sequence: 2 })], NOW));
    expect(block).toContain('STATUS:CANCELLED');
    expect(block).not.toContain('STATUS:CONFIRMED');
    expect(block).toContain('SUMMARY:Cancelled: Youth Forum');
    expect(block).toContain('UID:session-1@heard');
    expect(block).toContain('SEQUENCE:2');
  });

  it('should leave out LOCATION and DESCRIPTION when there are none', () => {
    const [block] = eventBlocks(renderCalendar('Heard', [event({ location: null, description: null })], NOW));
    expect(block.some((l) => l.startsWith('LOCATION'))).toBe(false);
    expect(block.some((l) => l.startsWith('DESCRIPTION'))).toBe(false);
  });

  it.each<[string, string, string]>([
    ['a comma', 'Hall, Room 2', 'Hall\\, Room 2'],
    ['a semicolon', 'Bring lunch; we start prompt', 'Bring lunch\\; we start prompt'],
    ['a newline', 'Line one\nLine two', 'Line one\\nLine two'],
    ['a Windows newline', 'Line one\r\nLine two', 'Line one\\nLine two'],
    ['a backslash', 'C:\\Forum', 'C:\\\\Forum'],
    ['a backslash before an n', 'a\\nb', 'a\\\\nb'],
    ['all of them', 'a\\b,c;d\ne', 'a\\\\b\\,c\\;d\\ne'],
    ['a colon, which needs no escape', 'Time: 5pm', 'Time: 5pm'],
  ])('should escape %s in text', (_name, text, expected) => {
    const ics = renderCalendar(text, [event({ summary: text, location: text, description: text })], NOW);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = linesOf(ics);
    expect(lines).toContain(`X-WR-CALNAME:${expected}`);
    expect(lines).toContain(`SUMMARY:${expected}`);
    expect(lines).toContain(`LOCATION:${expected}`);
    expect(lines).toContain(`DESCRIPTION:${expected}`);
  });

  it('should escape the summary of a cancelled event too', () => {
    const [block] = eventBlocks(
      renderCalendar('Heard', [event({ summary: 'Forum, juniors', cancelled: true })], NOW),
    );
    expect(block).toContain('SUMMARY:Cancelled: Forum\\, juniors');
  });

  it('should keep every physical line within 75 octets when text is long', () => {
    const description =
      'Bring a packed lunch, a coat and your ideas for the summer programme — ünïcödé 🎉 '.repeat(5);
    const ics = renderCalendar('Heard', [event({ description })], NOW);
    for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(linesOf(ics)).toContain(`DESCRIPTION:${escapeText(description)}`);
  });
});

describe('escapeText', () => {
  it.each<[string, string, string]>([
    ['plain text', 'plain', 'plain'],
    ['a comma', ',', '\\,'],
    ['a semicolon', ';', '\\;'],
    ['a newline', '\n', '\\n'],
    ['a backslash', '\\', '\\\\'],
    ['a backslash then a comma', '\\,', '\\\\\\,'],
  ])('should escape %s', (_name, text, expected) => {
    expect(escapeText(text)).toBe(expected);
  });
});

describe('foldLine', () => {
  it.each<[string, string]>([
    ['an empty line', ''],
    ['a short line', 'SUMMARY:Youth Forum'],
    ['exactly 75 ASCII octets', 'X'.repeat(75)],
    ['74 octets ending in a 2-octet character', 'X'.repeat(72) + 'é'],
  ])('should leave %s unfolded', (_name, line) => {
    expect(foldLine(line)).toBe(line);
  });

  it.each<[string, string]>([
    ['76 ASCII octets', 'X'.repeat(76)],
    ['200 ASCII octets', 'DESCRIPTION:' + 'abcdefghij'.repeat(19)],
    ['exactly 75 + 74 octets', 'Y'.repeat(149)],
    ['two-octet characters', 'DESCRIPTION:' + 'é'.repeat(100)],
    ['three-octet characters', 'SUMMARY:' + '—€'.repeat(60)],
    ['four-octet emoji (surrogate pairs)', 'SUMMARY:' + '🎉'.repeat(50)],
    [
      'a mix placed to straddle the 75th octet',
      'X'.repeat(74) + 'é' + 'Y'.repeat(73) + '🎉' + 'Z'.repeat(10),
    ],
    ['a 3-octet character straddling the boundary', 'X'.repeat(73) + '€' + 'X'.repeat(100)],
  ])(
    'should fold %s so no physical line is over 75 octets and unfolding gives the original',
    (_name, line) => {
      const folded = foldLine(line);
      const physical = folded.split('\r\n');
      expect(physical.length).toBeGreaterThan(1);
      for (const [i, part] of physical.entries()) {
        expect(octets(part)).toBeLessThanOrEqual(75);
        if (i > 0) expect(part.startsWith(' ')).toBe(true);
        // A split multi-byte character would leave a lone surrogate or a replacement character.
        expect(part).not.toMatch(/[\uD800-\uDFFF]/u);
        expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
      }
      expect(folded.replace(/\r\n /g, '')).toBe(line);
    },
  );

  it('should fold 76 ASCII octets into 75 then a space and 1', () => {
    expect(foldLine('X'.repeat(76))).toBe('X'.repeat(75) + '\r\n X');
  });

  it('should move a 2-octet character that would straddle octet 75 to the next line whole', () => {
    const line = 'X'.repeat(74) + 'é' + 'Y';
    expect(foldLine(line)).toBe('X'.repeat(74) + '\r\n éY');
  });

  it('should move an emoji that would straddle octet 75 to the next line whole', () => {
    const line = 'X'.repeat(73) + '🎉';
    expect(foldLine(line)).toBe('X'.repeat(73) + '\r\n 🎉');
  });

  it('should never split a character when bytes are counted in UTF-8', () => {
    const folded = foldLine('SUMMARY:' + 'é🎉€a'.repeat(40));
    const bytes = Buffer.from(folded, 'utf8');
    // Every physical line, taken as raw bytes, must be valid UTF-8 on its own.
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || (bytes[i] === 0x0d && bytes[i + 1] === 0x0a)) {
        const slice = bytes.subarray(start, i);
        expect(new TextDecoder('utf-8', { fatal: true }).decode(slice)).toBeDefined();
        expect(slice.length).toBeLessThanOrEqual(75);
        start = i + 2;
      }
    }
  });
});
