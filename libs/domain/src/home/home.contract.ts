import { Role } from '../roles/role';

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
}
