#!/usr/bin/env node
// The npm registry this project is built from lacks some platform builds of optional packages
// (for example @rollup/rollup-darwin-x64 at the version rollup pins). npm then writes a lock file
// without them, and `npm ci` refuses that lock file as "out of sync". This adds a stub entry for
// each missing optional platform package, with its os/cpu/libc, so npm ci accepts the lock and
// skips them on this platform exactly as it would skip a real entry. Run after changing
// dependencies: node .ci/lock-platform-stubs.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const OS = [
  'darwin',
  'win32',
  'linux',
  'android',
  'freebsd',
  'openbsd',
  'openharmony',
  'sunos',
  'aix',
  'netbsd',
];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'loong64', 'ppc64', 'riscv64', 's390x', 'mips64el'];

// Packages whose names do not say their platform: their published os/cpu constraints.
const KNOWN = {
  'sass-embedded-all-unknown': { cpu: ['!arm', '!arm64', '!riscv64', '!x64'] },
  'sass-embedded-unknown-all': { os: ['!android', '!darwin', '!linux', '!win32'] },
};

function platformOf(name) {
  if (KNOWN[name]) return KNOWN[name];
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.find((p) => CPU.includes(p)) ?? (parts.includes('universal') ? 'arm64' : undefined);
  if (!os || !cpu) return null;
  const libc = parts.includes('musl')
    ? 'musl'
    : os === 'linux' && (parts.includes('gnu') || parts.includes('gnueabihf'))
      ? 'glibc'
      : undefined;
  return { os: [os], cpu: [cpu], ...(libc ? { libc: [libc] } : {}) };
}

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const packages = lock.packages;
let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [dep, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const parentDir = path === '' ? '' : `${path}/`;
    const candidates = [`${parentDir}node_modules/${dep}`, `node_modules/${dep}`];
    if (candidates.some((c) => packages[c])) continue;
    const platform = platformOf(dep);
    if (!platform || !/^\d+\.\d+\.\d+/.test(spec)) continue;
    packages[`node_modules/${dep}`] = {
      version: spec,
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      ...platform,
    };
    added++;
  }
}
writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n');
console.log(`Added ${added} platform stub entries to package-lock.json.`);
