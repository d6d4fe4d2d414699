import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * tools/supply-chain.mjs, which .ci/run runs on the build's SBOM and the lock file
 * (docs/security.md, "Supply chain"): run as CI runs it, on small files that should pass and fail.
 */
const SCRIPT = resolve(__dirname, '../../tools/supply-chain.mjs');
const dir = mkdtempSync(join(tmpdir(), 'heard-supply-chain-'));

function run(...args: string[]): { status: number | null; out: string } {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

const policy = file('policy.json', {
  allowed: ['MIT', 'Apache-2.0', 'ISC'],
  reviewed: { 'odd-font@1.0.0': 'font licence, permissive' },
});

function component(name: string, licences: object[], extra: object = {}): object {
  return { type: 'library', name, version: '1.0.0', licenses: licences, ...extra };
}

describe('licences in the production SBOM', () => {
  it('should pass allowed ids, expressions with one allowed choice, and reviewed packages', () => {
    const sbom = file('good.json', {
      components: [
        component('a', [{ license: { id: 'MIT' } }]),
        component('b', [{ expression: '(MIT OR GPL-3.0-or-later)' }]),
        component('c', [{ expression: 'Apache-2.0 AND MIT' }]),
        component('odd-font', [{ license: { name: 'SEE LICENSE IN LICENSE' } }]),
        component('d', [{ expression: 'Apache-2.0 WITH LLVM-exception' }], {
          components: [component('nested', [{ license: { id: 'ISC' } }])],
        }),
      ],
    });
    const { status, out } = run('licences', sbom, policy);
    expect(out).toContain('all 6 production components allowed');
    expect(status).toBe(0);
  });

  it('should refuse, by name and version, copyleft-only, undeclared, unknown and unreviewed versions', () => {
    const sbom = file('bad.json', {
      components: [
        component('ok', [{ license: { id: 'MIT' } }]),
        component('gpl', [{ license: { id: 'GPL-3.0-only' } }]),
        component('both', [{ expression: 'MIT AND GPL-2.0-only' }]),
        component('nothing', []),
        { type: 'library', name: 'odd-font', version: '2.0.0', licenses: [{ license: { name: 'Custom' } }] },
        component('broken', [{ expression: '(MIT OR' }]),
      ],
    });
    const { status, out } = run('licences', sbom, policy);
    expect(status).toBe(1);
    for (const refused of [
      'gpl@1.0.0: GPL-3.0-only',
      'both@1.0.0: MIT AND GPL-2.0-only',
      'nothing@1.0.0: no licence declared',
      'odd-font@2.0.0: Custom',
      'broken@1.0.0: (MIT OR',
    ])
      expect(out).toContain(refused);
    expect(out).not.toContain('ok@1.0.0');
  });
});

describe('the lock file', () => {
  const pinned = { version: '1.2.3', integrity: 'sha512-AAAA' };

  it("should pass the project's own lock file", () => {
    const { status, out } = run('lock', resolve(__dirname, '../../package-lock.json'));
    expect(out).toMatch(/entries pinned by sha512/);
    expect(status).toBe(0);
  });

  it('should pass pinned entries, links and platform stubs', () => {
    const lock = file('lock-good.json', {
      lockfileVersion: 3,
      packages: {
        '': { name: 'x' },
        'node_modules/a': pinned,
        'node_modules/b': { link: true, resolved: 'libs/b' },
        'node_modules/c-darwin-arm64': { version: '1.0.0', optional: true, os: ['darwin'], cpu: ['arm64'] },
      },
    });
    expect(run('lock', lock).status).toBe(0);
  });

  it('should refuse an entry without a hash, with a weak hash, from git or http, or an old lock format', () => {
    const lock = file('lock-bad.json', {
      lockfileVersion: 2,
      packages: {
        '': { name: 'x' },
        'node_modules/fine': pinned,
        'node_modules/unhashed': { version: '1.0.0' },
        'node_modules/sha1': { version: '1.0.0', integrity: 'sha1-AAAA' },
        'node_modules/from-git': { ...pinned, resolved: 'git+ssh://git@example.org/x.git' },
        'node_modules/plain-http': { ...pinned, resolved: 'http://registry.example/x.tgz' },
        'node_modules/not-a-stub': { version: '1.0.0', optional: true },
      },
    });
    const { status, out } = run('lock', lock);
    expect(status).toBe(1);
    for (const problem of [
      'lockfileVersion is 2',
      'node_modules/unhashed: no sha512',
      'node_modules/sha1: no sha512',
      'node_modules/from-git: resolved from git+ssh',
      'node_modules/plain-http: resolved from http://',
      'node_modules/not-a-stub: no sha512',
    ])
      expect(out).toContain(problem);
    expect(out).not.toContain('node_modules/fine');
  });
});
