import { ServiceExperienceKind } from '../young-people/service-experience';

/**
 * The kinds of data UK GDPR Article 9 (special category) and Article 10 (criminal offence) protect
 * that Heard could hold. SEND is named apart from health and disability because councils report
 * and share it on its own footing (the SEND Code of Practice), though it is health data in law.
 */
export enum SpecialCategory {
  Health = 'health',
  Disability = 'disability',
  Send = 'SEND',
  Ethnicity = 'ethnicity',
  CriminalOffence = 'criminal offence',
}

/** The order categories are written in, in column comments, contract marks and docs. */
export const SPECIAL_CATEGORIES: readonly SpecialCategory[] = Object.values(SpecialCategory);

export interface SpecialCategoryField {
  table: string;
  column: string;
  /** Only these values of the column are special category (a kind column); absent: every value. */
  values?: readonly string[];
  categories: readonly SpecialCategory[];
  /** One line: why this field holds that kind of data. */
  why: string;
}

/**
 * The one list of fields that hold special category or criminal offence data. The schema's column
 * comments (migration 1765310000000), the zod contract's marks, docs/security.md and the export
 * tests are all checked against it. Ethnicity is a category here but no field holds it: Heard does
 * not collect it, and a field added for it must be listed here.
 */
export const SPECIAL_CATEGORY_FIELDS: readonly SpecialCategoryField[] = [
  {
    table: 'young_people',
    column: 'accessibility_needs',
    categories: [SpecialCategory.Health, SpecialCategory.Disability],
    why: 'What a young person needs to take part (a wheelchair, medication, a quiet room) often names a condition.',
  },
  {
    table: 'young_people',
    column: 'communication_needs',
    categories: [SpecialCategory.Health, SpecialCategory.Disability],
    why: 'How to talk with a young person (BSL, Makaton, an autism passport) often reveals a disability.',
  },
  {
    table: 'young_person_service_experiences',
    column: 'kind',
    values: [ServiceExperienceKind.SendEhcp],
    categories: [SpecialCategory.Send],
    why: 'Having special educational needs or an education, health and care plan is health data.',
  },
  {
    table: 'young_person_service_experiences',
    column: 'kind',
    values: [ServiceExperienceKind.YouthJustice],
    categories: [SpecialCategory.CriminalOffence],
    why: 'Youth justice involvement says a young person is alleged or found to have offended (Article 10).',
  },
  {
    table: 'worries',
    column: 'words',
    categories: [SpecialCategory.Health, SpecialCategory.CriminalOffence],
    why: "A young person's own words about being unsafe may describe harm, illness or offending.",
  },
];

/** "table.column", the key the schema and the contract use for a field. */
export type SpecialCategoryColumn = `${string}.${string}`;

/**
 * What one column holds, in words: its categories in SPECIAL_CATEGORIES order, each followed by the
 * values it covers when only some do, e.g. "SEND (send_ehcp), criminal offence (youth_justice)".
 * Undefined when the column holds none.
 */
export function specialCategoryOf(column: SpecialCategoryColumn): string | undefined {
  const fields = SPECIAL_CATEGORY_FIELDS.filter((f) => `${f.table}.${f.column}` === column);
  if (fields.length === 0) return undefined;
  return SPECIAL_CATEGORIES.flatMap((category) => {
    const holding = fields.filter((f) => f.categories.includes(category));
    if (holding.length === 0) return [];
    if (holding.some((f) => f.values === undefined)) return [category];
    const values = [...new Set(holding.flatMap((f) => f.values ?? []))];
    return [`${category} (${values.join(', ')})`];
  }).join(', ');
}

/** Every marked column with the comment the schema carries on it, in list order. */
export function specialCategoryColumnComments(): ReadonlyMap<SpecialCategoryColumn, string> {
  const comments = new Map<SpecialCategoryColumn, string>();
  for (const f of SPECIAL_CATEGORY_FIELDS) {
    const column: SpecialCategoryColumn = `${f.table}.${f.column}`;
    comments.set(column, `special category: ${specialCategoryOf(column)}`);
  }
  return comments;
}

/**
 * The mark a zod contract field carries (`.meta(specialCategoryMeta(...))`), so a reader of the
 * contract or a JSON Schema made from it sees what the field holds. Throws for an unlisted column,
 * so a mark cannot name a field the list does not.
 */
export function specialCategoryMeta(column: SpecialCategoryColumn): { specialCategory: string } {
  const specialCategory = specialCategoryOf(column);
  if (specialCategory === undefined) throw new Error(`${column} is not in SPECIAL_CATEGORY_FIELDS`);
  return { specialCategory };
}
