import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, type Params, RouterLink } from '@angular/router';
import { SERVICE_EXPERIENCE_LABELS } from '@heard/domain';
import type { GroupSummary, Page, ProblemDetails, ServiceExperienceKind } from '@heard/domain';
import { EmptyState, PageHeader, ProblemAlert } from '@heard/ui';
import { catchError, map, of, switchMap, tap } from 'rxjs';
import { InPageNavigation } from '../core/in-page-navigation';
import { toProblem } from '../core/problem';
import { londonDate, londonTime, shortDate } from '../core/dates';
import { GroupsApi } from './groups-api';

export interface GroupListQuery {
  q: string;
  page: number;
  pageSize: number;
}

export const GROUP_PAGE_SIZES: readonly number[] = [10, 25, 50, 100];

/** The groups list's search and page from the address bar; anything malformed falls back to the default. */
export function parseGroupListQuery(params: Params): GroupListQuery {
  const q = typeof params['q'] === 'string' ? params['q'].trim().slice(0, 80) : '';
  const page = /^\d{1,6}$/.test(String(params['page'] ?? '')) ? Math.max(1, Number(params['page'])) : 1;
  const size = Number(params['pageSize']);
  return { q, page, pageSize: GROUP_PAGE_SIZES.includes(size) ? size : 25 };
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
    MatPaginatorModule,
    MatProgressBarModule,
    PageHeader,
    EmptyState,
    ProblemAlert,
  ],
  templateUrl: './groups-page.html',
  styleUrl: './groups-page.scss',
  host: { class: 'heard-page' },
})
export default class GroupsPage {
  private readonly api = inject(GroupsApi);
  private readonly route = inject(ActivatedRoute);
  private readonly inPage = inject(InPageNavigation);

  protected readonly columns = ['name', 'ages', 'experiences', 'members', 'next'];
  protected readonly pageSizes = GROUP_PAGE_SIZES;
  protected readonly query = toSignal(this.route.queryParams.pipe(map(parseGroupListQuery)), {
    initialValue: { q: '', page: 1, pageSize: 25 },
  });
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly searchForm = new FormGroup({ q: this.search });

  protected readonly result = signal<Page<GroupSummary> | null>(null);
  protected readonly groups = computed(() => this.result()?.items ?? []);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected readonly experiencesText = (kinds: ServiceExperienceKind[]) =>
    kinds.length === 0
      ? 'Open to all'
      : kinds.map((kind) => SERVICE_EXPERIENCE_LABELS[kind] ?? kind).join(', ');
  protected readonly nextText = (at: string | null) =>
    at ? `${shortDate(londonDate(at))}, ${londonTime(at)}` : 'None planned';

  constructor() {
    toObservable(this.query)
      .pipe(
        tap((query) => {
          this.search.setValue(query.q, { emitEvent: false });
          this.loading.set(true);
          this.problem.set(null);
        }),
        switchMap((query) =>
          this.api.list(query.q, query.page, query.pageSize).pipe(
            catchError((error: unknown) => {
              this.problem.set(toProblem(error));
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.result.set(result);
        this.loading.set(false);
      });
  }

  protected find(): void {
    this.go({ q: this.search.value.trim() || null, page: null });
  }

  protected clear(): void {
    this.search.setValue('');
    this.go({ q: null, page: null });
  }

  protected onPage(event: PageEvent): void {
    this.go({ page: event.pageIndex + 1, pageSize: event.pageSize === 25 ? null : event.pageSize });
  }

  private go(queryParams: Params): void {
    void this.inPage.setQueryParams(this.route, queryParams);
  }
}
