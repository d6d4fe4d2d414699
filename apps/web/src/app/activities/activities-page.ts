import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import type { PageEvent } from '@angular/material/paginator';
import { MatTableModule } from '@angular/material/table';
import { type Params, RouterLink } from '@angular/router';
import { addDays, todayInLondon } from '@heard/domain';
import {
  BOUNDED_PAGINATOR_PROVIDERS,
  EmptyState,
  ListEmpty,
  ListResults,
  ListTable,
  PageHeader,
  sentenceStart,
  totalWords,
} from '@heard/ui';
import { shortDate } from '../core/dates';
import { listPage, pagingFrom, urlQuery } from '../core/list-page';
import { type ActivityListQuery, ActivitiesApi } from './activities-api';
import { placesText } from './activity-format';

export type ActivityShow = 'upcoming' | 'past' | 'cancelled';
export const ACTIVITY_SHOWS: readonly { value: ActivityShow; label: string }[] = [
  { value: 'upcoming', label: 'Upcoming' },
  { value: 'past', label: 'Past' },
  { value: 'cancelled', label: 'Cancelled' },
];

export interface ActivityListView {
  show: ActivityShow;
  page: number;
  pageSize: number;
}

/** The list's filter and page from the address bar; anything malformed falls back to the default. */
export function parseActivityListView(params: Params): ActivityListView {
  const show = ACTIVITY_SHOWS.some((s) => s.value === params['show'])
    ? (params['show'] as ActivityShow)
    : 'upcoming';
  return { show, ...pagingFrom(params) };
}

/** What to ask the API for: upcoming is planned from today on; past is planned before today. */
export function toActivityQuery(view: ActivityListView, today: string = todayInLondon()): ActivityListQuery {
  const paging = { page: view.page, pageSize: view.pageSize };
  switch (view.show) {
    case 'upcoming':
      return { from: today, status: 'planned', ...paging };
    case 'past':
      return { to: addDays(today, -1), status: 'planned', ...paging };
    case 'cancelled':
      return { status: 'cancelled', ...paging };
  }
}

/** Activity days: upcoming first, or past or cancelled ones, with how many are invited and coming. */
@Component({
  selector: 'heard-activities-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatTableModule,
    PageHeader,
    EmptyState,
    ListResults,
    ListTable,
    ListEmpty,
  ],
  providers: BOUNDED_PAGINATOR_PROVIDERS,
  templateUrl: './activities-page.html',
  styleUrl: './activities-page.scss',
  host: { class: 'heard-page' },
})
export default class ActivitiesPage {
  private readonly api = inject(ActivitiesApi);
  private readonly url = urlQuery(parseActivityListView, {
    show: 'upcoming',
    page: 1,
    pageSize: 25,
  } as ActivityListView);

  protected readonly columns = [
    'title',
    'when',
    'venue',
    'places',
    'invited',
    'accepted',
    'waitlisted',
    'attended',
  ];
  protected readonly shows = ACTIVITY_SHOWS;
  protected readonly view = this.url.query;
  protected readonly list = listPage({
    query: this.view,
    load: (view) => this.api.list(toActivityQuery(view)),
    follow: true,
  });
  protected readonly placesText = placesText;
  protected readonly shortDate = shortDate;

  protected readonly countText = computed(() => {
    const result = this.list.result();
    if (!result || this.list.loading()) return '';
    const n = sentenceStart(totalWords(result));
    const days = result.total === 1 && !result.totalIsLowerBound ? 'activity day' : 'activity days';
    return `${n} ${this.view().show} ${days}.`;
  });

  protected choose(show: ActivityShow): void {
    this.url.go({ show: show === 'upcoming' ? null : show, page: null });
  }

  protected onPage(event: PageEvent): void {
    this.url.page(event);
  }
}
