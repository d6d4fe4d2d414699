/**
 * The words of a comparison of two versions of the plan. Young people read them on the public
 * pages, so every one is measured for age 10 by test/api/young-people-readability.integration-spec.ts.
 * `{n}` is a number of words.
 */
export const PLAN_COMPARE = {
  before: 'Before',
  after: 'After',
  forYoungPeople: 'For young people',
  forProfessionals: 'For professionals',
  /** Said by a screen reader where added words start and end; the page shows a plus sign. */
  addedStart: 'Added:',
  addedEnd: 'End of added words.',
  /** Said by a screen reader where removed words start and end; the page shows a minus sign. */
  removedStart: 'Removed:',
  removedEnd: 'End of removed words.',
  addedOne: '1 word added',
  addedMany: '{n} words added',
  removedOne: '1 word removed',
  removedMany: '{n} words removed',
  noChanges: 'No changes.',
  empty: 'This part is empty in both.',
  key: 'Added words have a plus sign and a line under them. Removed words have a minus sign and a line through them.',
} as const;
