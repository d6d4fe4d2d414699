import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { PageEvent } from '@angular/material/paginator';
import { MatTableModule } from '@angular/material/table';
import { type Params, RouterLink } from '@angular/router';
import { SERVICE_EXPERIENCE_LABELS } from '@heard/domain';
import type { ServiceExperienceKind } from '@heard/domain';
import { EmptyState, ListEmpty, ListResults, ListTable, PageHeader } from '@heard/ui';
import { listPage, pagingFrom, urlQuery } from '../core/list-page';
import { londonDate, londonTime, shortDate } from '../core/dates';
import { GroupsApi } from './groups-api';

export interface GroupListQuery {
  q: string;
  page: number;
  pageSize: number;
}

/** The groups list's search and page from the address bar; anything malformed falls back to the default. */
export function parseGroupListQuery(params: Params): GroupListQuery {
  const q = typeof params['q'] === 'string' ? params['q'].trim().slice(0, 80) : '';
  return { q, ...pagingFrom(params) };
}

@Component({
  selector: 'heard-groups-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatTableModule,
    PageHeader,
    EmptyState,
    ListResults,
    ListTable,
    ListEmpty,
  ],
  templateUrl: './groups-page.html',
  styleUrl: './groups-page.scss',
  host: { class: 'heard-page' },
})
export default class GroupsPage {
  private readonly api = inject(GroupsApi);
  private readonly url = urlQuery(parseGroupListQuery, { q: '', page: 1, pageSize: 25 });

  protected readonly columns = ['name', 'ages', 'experiences', 'members', 'next'];
  protected readonly query = this.url.query;
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly searchForm = new FormGroup({ q: this.search });
  protected readonly list = listPage({
    query: this.query,
    load: (query) => this.api.list(query.q, query.page, query.pageSize),
    follow: true,
    showing: (query) => this.search.setValue(query.q, { emitEvent: false }),
  });

  protected readonly experiencesText = (kinds: ServiceExperienceKind[]) =>
    kinds.length === 0
      ? 'Open to all'
      : kinds.map((kind) => SERVICE_EXPERIENCE_LABELS[kind] ?? kind).join(', ');
  protected readonly nextText = (at: string | null) =>
    at ? `${shortDate(londonDate(at))}, ${londonTime(at)}` : 'None planned';

  protected find(): void {
    this.url.go({ q: this.search.value.trim() || null, page: null });
  }

  protected clear(): void {
    this.search.setValue('');
    this.url.go({ q: null, page: null });
  }

  protected onPage(event: PageEvent): void {
    this.url.page(event);
  }
}
