import { ChangeDetectionStrategy, Component } from '@angular/core';
import { PageHeader } from '@heard/ui';
import { type KeptListWords, ListEntriesEditor } from '../../shared/list-entries-editor';
import { CATEGORIES_URL } from '../../young-people/young-people-api';

const WORDS: KeptListWords = {
  one: 'category',
  heading: 'Categories',
  help:
    'Officers tick these on a young person’s record, and Reach shows whether each takes part. ' +
    'Keep only what the team needs to see whose voices are missing. A retired category stays on ' +
    'the records that have it, and in Reach while they do, but is no longer offered.',
};

/** The team's own categories of young people, for administrators (docs/reach.md). */
@Component({
  selector: 'heard-categories-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PageHeader, ListEntriesEditor],
  template: `
    <heard-page-header
      heading="Young people's categories"
      subtitle="The team's own ways of grouping young people, such as young carers, so Reach can show who is heard."
    />
    <heard-list-entries-editor kind="categories" [url]="url" [words]="words" />
  `,
  host: { class: 'heard-page' },
})
export default class CategoriesPage {
  protected readonly url = CATEGORIES_URL;
  protected readonly words = WORDS;
}
