#!/usr/bin/env node
// Supply chain checks run by .ci/run (docs/security.md, "Supply chain"):
//   node tools/supply-chain.mjs licences <sbom.json> [licences.json]
//     every component of the production SBOM is under an allowed licence, or reviewed by exact version;
//   node tools/supply-chain.mjs lock [package-lock.json]
//     every package npm may install is pinned to a version and a sha512 integrity hash, from the registry.
// Exits 1 naming each package refused, so a new dependency's licence is a decision, not an accident.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** An SPDX expression's licence ids, as OR-of-ANDs: [['MIT'], ['GPL-3.0', 'X']]. Parentheses allowed. */
export function spdxAlternatives(expression) {
  const tokens = expression.replace(/[()]/g, ' $& ').trim().split(/\s+/);
  let at = 0;
  const orList = () => {
    let result = andList();
    while (tokens[at] === 'OR') {
      at++;
      result = [...result, ...andList()];
    }
    return result;
  };
  const andList = () => {
    let result = atom();
    while (tokens[at] === 'AND') {
      at++;
      const right = atom();
      result = result.flatMap((l) => right.map((r) => [...l, ...r]));
    }
    return result;
  };
  const atom = () => {
    const token = tokens[at++];
    if (token === '(') {
      const inner = orList();
      if (tokens[at++] !== ')') throw new Error(`Unbalanced licence expression: ${expression}`);
      return inner;
    }
    if (!token || ['AND', 'OR', 'WITH', ')'].includes(token))
      throw new Error(`Not a licence expression: ${expression}`);
    // An exception (Apache-2.0 WITH LLVM-exception) only widens what the licence allows.
    if (tokens[at] === 'WITH') at += 2;
    return [[token]];
  };
  const result = orList();
  if (at !== tokens.length) throw new Error(`Not a licence expression: ${expression}`);
  return result;
}

function declaredLicences(component) {
  const list = component.licenses ?? [];
  if (list.length === 0) return null;
  // Several entries in a component's list all apply to it: they are joined with AND.
  return list.map((l) => l.expression ?? l.license?.id ?? l.license?.name ?? '').join(' AND ');
}

function isAllowed(expression, allowed) {
  try {
    return spdxAlternatives(expression).some((ids) => ids.every((id) => allowed.has(id)));
  } catch {
    return false;
  }
}

/** The components refused: neither an allowed expression nor reviewed at this exact version. */
export function refusedLicences(sbom, policy) {
  const allowed = new Set(policy.allowed);
  const refused = [];
  const walk = (components) => {
    for (const c of components ?? []) {
      const name = c.group ? `${c.group}/${c.name}` : c.name;
      const key = `${name}@${c.version}`;
      const declared = declaredLicences(c);
      if (!policy.reviewed[key] && !(declared && isAllowed(declared, allowed)))
        refused.push(`${key}: ${declared ?? 'no licence declared'}`);
      walk(c.components);
    }
  };
  walk(sbom.components);
  return [...new Set(refused)].sort();
}

/** The lock entries npm could install that are not pinned by a sha512 hash from the registry. */
export function unpinnedLockEntries(lock) {
  const problems = [];
  if (lock.lockfileVersion !== 3) problems.push(`lockfileVersion is ${lock.lockfileVersion}, expected 3`);
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (path === '' || entry.link) continue;
    // A platform stub (.ci/lock-platform-stubs.mjs): optional and limited to other platforms, never fetched here.
    const stub = !entry.integrity && !entry.resolved && entry.optional && (entry.os || entry.cpu);
    if (stub) continue;
    if (!entry.version) problems.push(`${path}: no version`);
    if (!/^sha512-[A-Za-z0-9+/]+={0,2}$/.test(entry.integrity ?? ''))
      problems.push(`${path}: no sha512 integrity hash`);
    if (entry.resolved && !entry.resolved.startsWith('https://'))
      problems.push(`${path}: resolved from ${entry.resolved}, not a registry over https`);
  }
  return problems;
}

function main(argv) {
  const [command, file, policyFile] = argv;
  const read = (path) => JSON.parse(readFileSync(path, 'utf8'));
  if (command === 'licences' && file) {
    const policy = read(policyFile ?? join(dirname(fileURLToPath(import.meta.url)), 'licences.json'));
    const sbom = read(file);
    const refused = refusedLicences(sbom, policy);
    if (refused.length) {
      console.error(`Licences not allowed (tools/licences.json):\n  ${refused.join('\n  ')}`);
      return 1;
    }
    console.log(`Licences: all ${countComponents(sbom.components)} production components allowed.`);
    return 0;
  }
  if (command === 'lock') {
    const lock = read(file ?? 'package-lock.json');
    const problems = unpinnedLockEntries(lock);
    if (problems.length) {
      console.error(`Lock file not pinned:\n  ${problems.join('\n  ')}`);
      return 1;
    }
    console.log(`Lock file: all ${Object.keys(lock.packages).length - 1} entries pinned by sha512.`);
    return 0;
  }
  console.error('Usage: supply-chain.mjs licences <sbom.json> [licences.json] | lock [package-lock.json]');
  return 2;
}

function countComponents(components) {
  return (components ?? []).reduce((n, c) => n + 1 + countComponents(c.components), 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
