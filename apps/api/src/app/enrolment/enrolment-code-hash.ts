import { sha256 } from '../../platform/auth/tokens';

/**
 * What is kept of a code: SHA-256 of the normalised code, with a label so the same text means
 * nothing in another table. A plain hash is enough for a 44-bit code that lives ten minutes and is
 * used once; why, against OWASP ASVS 6.5.2, is in decision 0019.
 */
export function enrolmentCodeHash(code: string): string {
  return sha256(`enrolment-code:${code}`);
}
