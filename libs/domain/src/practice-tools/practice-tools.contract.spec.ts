import { PracticeToolRequestSchema, PracticeToolVersionRequestSchema } from './practice-tools.contract';

describe('practice tools contract', () => {
  it('should accept only https links for a version', () => {
    const ok = PracticeToolVersionRequestSchema.safeParse({
      label: 'v1',
      link: 'https://example.org/tool.pdf',
    });
    expect(ok.success).toBe(true);
    for (const link of ['http://example.org/tool.pdf', 'javascript:alert(1)', 'example.org', '']) {
      const bad = PracticeToolVersionRequestSchema.safeParse({ label: 'v1', link });
      expect(bad.success).toBe(false);
      expect(bad.error?.issues[0].message).toBe('Use a link that starts with https://.');
    }
  });

  it('should name each missing field in plain words and refuse unknown ones', () => {
    const res = PracticeToolRequestSchema.safeParse({ colour: 'blue' });
    expect(res.success).toBe(false);
    const issues = res.error?.issues ?? [];
    const messages = issues.map((i) => `${i.path.join('.') || i.code}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'name: Enter a name.',
        'purpose: Say what the tool is for.',
        'owningService: Say which service owns the tool.',
      ]),
    );
    expect(issues.some((i) => i.code === 'unrecognized_keys')).toBe(true);
  });

  it('should treat an empty co-produced-with as none', () => {
    const res = PracticeToolRequestSchema.parse({
      name: ' Tool ',
      purpose: 'For',
      owningService: 'IRO service',
      coProducedWith: '  ',
    });
    expect(res).toEqual({ name: 'Tool', purpose: 'For', owningService: 'IRO service', coProducedWith: null });
  });
});
