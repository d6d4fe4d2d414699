import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
// `Algorithm` is a const enum, which per-file transpilation (ts-jest, ts-node) cannot read; 2 is Argon2id.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * Verified against when there is no real hash to check (unknown email, an account that never set a
 * password), so every sign-in does one verification with the same cost. A fixed value with the same
 * parameters as real hashes: computing it on first use made the first unknown-email sign-in slower,
 * and a hash of a password nobody knows cannot match anything typed.
 */
export const DUMMY_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$4QkxjrrprzKMIu1ztcqaYw$m6qvc8q0mtCzQAjn5eaDKm3vE7kuKq3qK3U41xnSnfU';

/**
 * How many hashes and verifications this process has done. Tests read it to show that a known and
 * an unknown email cost the same work, which a stopwatch on a shared machine cannot show.
 */
export const passwordWork = { hashes: 0, verifications: 0 };

export function hashPassword(password: string): Promise<string> {
  passwordWork.hashes++;
  return hash(password, OPTIONS);
}

/** One argon2 verification whatever is passed; false unless `passwordHash` is real and matches. */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  passwordWork.verifications++;
  const ok = await verify(passwordHash ?? DUMMY_PASSWORD_HASH, password).catch(() => false);
  return ok && passwordHash !== null;
}
