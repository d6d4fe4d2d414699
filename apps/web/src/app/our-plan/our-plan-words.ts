/**
 * The public plan pages' words. Young people read them, so every one is measured for age 10 by
 * test/api/young-people-readability.integration-spec.ts. `{…}` marks a number, a date or a month
 * put in by the page.
 */
export const PUBLISHED_PLAN = {
  title: 'Our plan for listening to you',
  intro:
    'Each year we write a plan. It says how we listen to children and young people. It says what we will do next.',
  twoWays:
    'There are two ways to read each plan. One is for young people. One is for the adults who work with you.',
  loading: 'Getting the plan…',
  failed: 'We could not get the plan just now. Please try again later.',
  notFound: 'We could not find this plan. It may not be out yet.',
  none: 'There is no plan here yet. Come back soon.',
  /** {from} and {to} are months, like "April 2026". */
  yearHeading: 'Our plan for {from} to {to}',
  read: 'Read the plan',
  /** {n} is the version's number. */
  version: 'Version {n}',
  /** {date} is a day, like "3 March 2026". */
  published: 'Out on {date}',
  whatChanged: 'What changed',
  olderVersions: 'Older versions',
  readVersion: 'Read version {n}',
  oldVersion: 'This is an old version of the plan.',
  readNewest: 'Read the newest version',
  show: 'Show the words',
  forYoungPeople: 'For young people',
  forProfessionals: 'For professionals',
  compareWithBefore: 'See what changed since version {n}',
  compareTitle: 'What changed in our plan',
  compareIntro: 'Here you can see what changed from one version of the plan to the next.',
  /** {before} and {after} are versions, like "Version 1". */
  compared: '{before} and {after}',
  chooseTwo: 'We need two versions to show what changed. Go back to the plan and choose one.',
  allPlans: 'See every plan',
  print: 'Print this page',
  pdf: 'Get it as a PDF',
  promises: 'What we promise',
  /** {month} is a month, like "December 2026". */
  dueBy: 'By {month}',
  evidence: 'How we know',
  empty: 'Nothing is written here yet.',
} as const;
