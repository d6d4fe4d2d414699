import { Role } from '@heard/domain';

/** Accounts the generator creates and the load script signs in as. Bench data only. */
export const BENCH_PASSWORD = 'bench-password-2026';

export const BENCH_USERS = [
  { email: 'bench.admin@bench.heard.example', displayName: 'Bench Admin', role: Role.Administrator },
  {
    email: 'bench.officer@bench.heard.example',
    displayName: 'Bench Officer',
    role: Role.ParticipationOfficer,
  },
  {
    email: 'bench.practitioner@bench.heard.example',
    displayName: 'Bench Practitioner',
    role: Role.Practitioner,
  },
  { email: 'bench.leader@bench.heard.example', displayName: 'Bench Leader', role: Role.SeniorLeader },
] as const;

/** The senior leader whose home the leaders' benchmark reads (issue 13): one in fifty pledges is theirs. */
export const BENCH_LEADER = 'bench.leader@bench.heard.example';

/**
 * Where the generator leaves the bench accounts' authenticator secrets (administrators and officers
 * must have a second factor). Made fresh by each generation, never in the repository: bench/data is
 * git-ignored.
 */
export const BENCH_SECRETS_FILE = 'bench/data/totp-secrets.json';
