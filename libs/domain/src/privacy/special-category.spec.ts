import { z } from 'zod';
import { RaiseWorryRequestSchema } from '../worries/worries.contract';
import { MyWorryRequestSchema } from '../young-experts/young-experts.contract';
import { YoungPersonRequestSchema } from '../young-people/young-people.contract';
import { ServiceExperienceKind } from '../young-people/service-experience';
import {
  SPECIAL_CATEGORY_FIELDS,
  SpecialCategory,
  SpecialCategoryColumn,
  specialCategoryColumnComments,
  specialCategoryMeta,
  specialCategoryOf,
} from './special-category';

describe('special category fields', () => {
  it.each<[SpecialCategoryColumn, string | undefined]>([
    ['young_people.accessibility_needs', 'health, disability'],
    ['young_people.communication_needs', 'health, disability'],
    ['young_person_service_experiences.kind', 'SEND (send_ehcp), criminal offence (youth_justice)'],
    ['worries.words', 'health, criminal offence'],
    ['young_people.preferred_name', undefined],
    ['young_people.confidentiality_notes', undefined],
  ])('should say %s holds %s', (column, expected) => {
    expect(specialCategoryOf(column)).toBe(expected);
  });

  it('should give each marked column one schema comment, in list order', () => {
    expect([...specialCategoryColumnComments()]).toEqual([
      ['young_people.accessibility_needs', 'special category: health, disability'],
      ['young_people.communication_needs', 'special category: health, disability'],
      [
        'young_person_service_experiences.kind',
        'special category: SEND (send_ehcp), criminal offence (youth_justice)',
      ],
      ['worries.words', 'special category: health, criminal offence'],
    ]);
  });

  it('should give every field a category and a one-line reason', () => {
    for (const field of SPECIAL_CATEGORY_FIELDS) {
      expect(field.categories.length).toBeGreaterThan(0);
      expect(field.why).toMatch(/^[A-Z"].{20,119}\.$/);
      expect(field.why).not.toContain('\n');
    }
  });

  it('should name only service experiences that exist', () => {
    const kinds: readonly string[] = Object.values(ServiceExperienceKind);
    for (const value of SPECIAL_CATEGORY_FIELDS.flatMap((f) => f.values ?? []))
      expect(kinds).toContain(value);
  });

  it('should list no field for ethnicity, because Heard does not collect it', () => {
    expect(SPECIAL_CATEGORY_FIELDS.filter((f) => f.categories.includes(SpecialCategory.Ethnicity))).toEqual(
      [],
    );
  });

  it('should refuse to mark a column the list does not hold', () => {
    expect(() => specialCategoryMeta('young_people.preferred_name')).toThrow(
      /not in SPECIAL_CATEGORY_FIELDS/,
    );
  });

  it.each<[string, z.ZodType, SpecialCategoryColumn]>([
    [
      'accessibilityNeeds',
      YoungPersonRequestSchema.shape.accessibilityNeeds,
      'young_people.accessibility_needs',
    ],
    [
      'communicationNeeds',
      YoungPersonRequestSchema.shape.communicationNeeds,
      'young_people.communication_needs',
    ],
    [
      'serviceExperiences',
      YoungPersonRequestSchema.shape.serviceExperiences,
      'young_person_service_experiences.kind',
    ],
    ['a worry raised by staff', RaiseWorryRequestSchema.shape.words, 'worries.words'],
    ["a young expert's worry", MyWorryRequestSchema.shape.words, 'worries.words'],
  ])('should mark the contract field %s from the list', (_, schema, column) => {
    expect(schema.meta()).toEqual(specialCategoryMeta(column));
    expect(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })).toMatchObject(
      specialCategoryMeta(column),
    );
  });

  it('should leave fields that hold none unmarked', () => {
    expect(YoungPersonRequestSchema.shape.preferredName.meta()).toBeUndefined();
    expect(YoungPersonRequestSchema.shape.confidentialityNotes.meta()).toBeUndefined();
  });
});
