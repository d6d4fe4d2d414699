/**
 * The public board's words. Young people read it, so every one is measured for age 10 by
 * test/api/young-people-readability.integration-spec.ts.
 */
export const BOARD = {
  title: 'You said, We did',
  intro: 'Young people told us what to change. Here is what they said, and what we did about it.',
  noNames: 'We do not show anyone’s name here.',
  themeLabel: 'Show',
  allThemes: 'Everything',
  youSaid: 'You said',
  said: 'Said in',
  by: 'By',
  done: 'Done in',
  none: 'There is nothing here yet. Come back soon.',
  noneForTheme: 'There is nothing about this yet.',
  loading: 'Getting the board…',
  failed: 'We could not get the board just now. Please try again later.',
  notFound: 'We could not find this. It may have been taken off the board.',
  print: 'Print this page',
  link: 'See just this one',
  back: 'See everything',
  theyAlsoSaid: 'What young people said',
  pages: 'Pages',
  newer: 'Newer',
  older: 'Older',
  /** {page} and {pages} are numbers. */
  pageOf: 'Page {page} of {pages}',
  emptyPage: 'There is nothing on this page. Go back to see more.',
} as const;
