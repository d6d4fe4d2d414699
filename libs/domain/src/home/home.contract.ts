import { Role } from '../roles/role';
import type { WorryResponse } from '../worries/worries.contract';

export interface HomeCard {
  label: string;
  value: number;
  /** The server stopped counting at `value` (ADR 0010): show "more than value - 1". */
  valueIsLowerBound?: true;
  /** Web route to go to for more, if any. */
  path: string | null;
}

/** The signed-in home page's data: a few counts the role is allowed to see, nothing personal. */
export interface HomeSummary {
  role: Role;
  displayName: string;
  cards: HomeCard[];
  /** Things to put right before anything else (no safeguarding contact set, for administrators). */
  warnings: string[];
  /** For a safeguarding contact: the worries nobody has acknowledged yet. Null for everyone else. */
  worriesToAcknowledge: WorryResponse[] | null;
}
