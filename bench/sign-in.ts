import { existsSync, readFileSync } from 'node:fs';
import { totpAt } from '@heard/api/platform/auth/totp';
import { BENCH_PASSWORD, BENCH_SECRETS_FILE } from './bench-users';

function cookiesOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/**
 * Signs in with the password and, for the accounts that need one, a code from the generated secret:
 * `secrets` when given (bench/busy-day.ts keeps its officers' in memory), else the generator's file.
 */
export async function signIn(
  base: string,
  email: string,
  given?: Readonly<Record<string, string>>,
): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  if (!res.ok)
    throw new Error(`Sign-in as ${email} failed with ${res.status}: did you run npm run bench:data?`);
  const session = (await res.json()) as { csrfToken: string; pendingStep: string | null };
  if (session.pendingStep !== 'second_factor') return cookiesOf(res);
  const secrets =
    given ??
    (existsSync(BENCH_SECRETS_FILE)
      ? (JSON.parse(readFileSync(BENCH_SECRETS_FILE, 'utf8')) as Record<string, string>)
      : {});
  if (!secrets[email]) throw new Error(`No authenticator secret for ${email} in ${BENCH_SECRETS_FILE}.`);
  // A code works once: a second run within the same 30 s step waits for the next one.
  for (let attempt = 0; attempt < 2; attempt++) {
    const second = await fetch(`${base}/api/auth/second-factor`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: cookiesOf(res),
        'x-xsrf-token': session.csrfToken,
      },
      body: JSON.stringify({ code: totpAt(secrets[email], new Date()) }),
    });
    if (second.ok) return cookiesOf(second);
    await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 500));
  }
  throw new Error(`The second step for ${email} was refused.`);
}
