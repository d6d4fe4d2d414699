import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { AGE_BANDS, Role, SERVICE_EXPERIENCE_LABELS, ServiceExperienceKind } from '@heard/domain';
import type { AgeBand, KeptListEntry, ProblemDetails, YoungPersonListItem } from '@heard/domain';
import {
  BOUNDED_PAGINATOR_PROVIDERS,
  EmptyState,
  ListEmpty,
  ListResults,
  ListTable,
  PageHeader,
  ProblemAlert,
  sentenceStart,
  totalWords,
} from '@heard/ui';
import type { Focusable } from '../core/in-page-navigation';
import { listPage, urlQuery } from '../core/list-page';
import { toProblem } from '../core/problem';
import { SessionService } from '../core/session.service';
import { GroupsApi } from '../groups/groups-api';
import { KeptListApi } from '../shared/kept-list-api';
import { CATEGORIES_URL, YoungPeopleApi } from './young-people-api';
import {
  DEFAULT_QUERY,
  type YoungPeopleListQuery,
  isFiltered,
  parseListQuery,
  toQueryParams,
} from './young-people-query';

export type YoungPeopleFilterForm = FormGroup<{
  q: FormControl<string>;
  groupId: FormControl<string>;
  serviceExperience: FormControl<ServiceExperienceKind | ''>;
  ageBand: FormControl<AgeBand | ''>;
  categoryId: FormControl<string>;
}>;

@Component({
  selector: 'heard-young-people-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    MatSortModule,
    PageHeader,
    EmptyState,
    ProblemAlert,
    ListResults,
    ListTable,
    ListEmpty,
  ],
  templateUrl: './young-people-page.html',
  providers: BOUNDED_PAGINATOR_PROVIDERS,
  styleUrl: './young-people-page.scss',
  host: { class: 'heard-page' },
})
export default class YoungPeoplePage {
  private readonly api = inject(YoungPeopleApi);
  private readonly url = urlQuery(parseListQuery, DEFAULT_QUERY);
  private readonly session = inject(SessionService);

  /** Only participation officers add and change records, and only they can list groups. */
  protected readonly canWrite = computed(() => this.session.user()?.role === Role.ParticipationOfficer);
  protected readonly subtitle = computed(() =>
    this.canWrite()
      ? 'Everyone who takes part in participation work, or may do. Search by the name they like to be called.'
      : 'The young people you are a trusted adult for.',
  );

  protected readonly experiences = Object.values(ServiceExperienceKind).map((value) => ({
    value,
    label: SERVICE_EXPERIENCE_LABELS[value],
  }));
  protected readonly ageBands = AGE_BANDS;
  protected readonly columns = ['name', 'age', 'experiences', 'groups'];
  protected readonly experienceLabel = (kind: ServiceExperienceKind) =>
    SERVICE_EXPERIENCE_LABELS[kind] ?? kind;

  protected readonly query = this.url.query;
  protected readonly filtered = computed(() => isFiltered(this.query()));

  protected readonly groups = signal<{ id: string; name: string }[]>([]);
  protected readonly groupsProblem = signal<ProblemDetails | null>(null);
  /** The team's categories, retired ones last (a record may still have one). */
  protected readonly categories = signal<KeptListEntry[]>([]);
  protected readonly categoriesProblem = signal<ProblemDetails | null>(null);

  protected readonly countText = computed(() => {
    const result = this.list.result();
    if (!result || this.list.loading()) return '';
    const people = result.total === 1 && !result.totalIsLowerBound ? 'young person' : 'young people';
    const n = sentenceStart(totalWords(result));
    return this.filtered() ? `${n} ${people} match.` : `${n} ${people}.`;
  });

  protected readonly form: YoungPeopleFilterForm = new FormGroup({
    q: new FormControl('', { nonNullable: true }),
    groupId: new FormControl('', { nonNullable: true }),
    serviceExperience: new FormControl<ServiceExperienceKind | ''>('', { nonNullable: true }),
    ageBand: new FormControl<AgeBand | ''>('', { nonNullable: true }),
    categoryId: new FormControl('', { nonNullable: true }),
  });

  protected readonly list = listPage({
    query: this.query,
    load: (query) => this.api.list(query),
    follow: true,
    showing: (query) =>
      this.form.setValue(
        {
          q: query.q,
          groupId: query.groupId ?? '',
          serviceExperience: query.serviceExperience ?? '',
          ageBand: query.ageBand ?? '',
          categoryId: query.categoryId ?? '',
        },
        { emitEvent: false },
      ),
  });

  constructor() {
    inject(KeptListApi)
      .list(CATEGORIES_URL)
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (list) => this.categories.set([...list].sort((a, b) => Number(a.retired) - Number(b.retired))),
        error: (error: unknown) =>
          this.categoriesProblem.set({
            ...toProblem(error),
            detail: `We could not load the categories, so you cannot filter by category just now. ${toProblem(error).detail}`,
          }),
      });
    if (this.canWrite()) {
      inject(GroupsApi)
        .list('', 1, 100)
        .pipe(takeUntilDestroyed())
        .subscribe({
          next: (page) => this.groups.set(page.items.map(({ id, name }) => ({ id, name }))),
          error: (error: unknown) =>
            this.groupsProblem.set({
              ...toProblem(error),
              detail: `We could not load the groups, so you cannot filter by group just now. ${toProblem(error).detail}`,
            }),
        });
    }
  }

  /** Applies the search box and filters, starting again from the first page. */
  /** `from` is the select that was changed, so focus can go back to it (its panel has it now). */
  protected search(from?: Focusable): void {
    const { q, groupId, serviceExperience, ageBand, categoryId } = this.form.getRawValue();
    this.go(
      {
        q: q.trim(),
        groupId: groupId || null,
        serviceExperience: serviceExperience || null,
        ageBand: ageBand || null,
        categoryId: categoryId || null,
        page: 1,
      },
      from,
    );
  }

  protected clear(): void {
    this.form.reset();
    this.go({ q: '', groupId: null, serviceExperience: null, ageBand: null, categoryId: null, page: 1 });
  }

  protected onSort(sort: Sort): void {
    const active = sort.active === 'age' ? 'age' : 'name';
    this.go({ sort: active, order: sort.direction === 'desc' ? 'desc' : 'asc', page: 1 });
  }

  protected onPage(event: PageEvent): void {
    this.go({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  private go(change: Partial<YoungPeopleListQuery>, focus?: Focusable): void {
    this.url.go(toQueryParams({ ...this.query(), ...change }), { focus });
  }

  protected readonly trackById = (_index: number, person: YoungPersonListItem): string => person.id;
}
