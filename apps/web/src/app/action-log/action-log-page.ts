import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { ITEM_STAGES, ITEM_STAGE_LABELS, YOU_SAID_SOURCES, YOU_SAID_SOURCE_LABELS } from '@heard/domain';
import type { ItemPage, ItemStage, ItemSummary, ProblemDetails, YouSaidSource } from '@heard/domain';
import { EmptyState, PageHeader, ProblemAlert } from '@heard/ui';
import { catchError, of, switchMap, tap } from 'rxjs';
import type { Focusable } from '../core/in-page-navigation';
import { urlQuery } from '../core/list-page';
import { shortDate } from '../core/dates';
import { toProblem } from '../core/problem';
import { SessionService } from '../core/session.service';
import { ActionLogApi } from './action-log-api';
import {
  DEFAULT_LOG_QUERY,
  LOG_PAGE_SIZES,
  type LogQuery,
  isLogFiltered,
  parseLogQuery,
  toItemListRequest,
  toLogParams,
} from './action-log-query';
import { overdueWords, sourceWords, stageWords } from './action-log-words';
import { mayRecord } from './action-log.routes';
import { serviceAndThemeChoices } from './service-and-theme-choices';

export type LogFilterForm = FormGroup<{
  q: FormControl<string>;
  stage: FormControl<ItemStage | ''>;
  overdue: FormControl<boolean>;
  source: FormControl<YouSaidSource | ''>;
  serviceId: FormControl<string>;
  themeId: FormControl<string>;
  from: FormControl<string>;
  to: FormControl<string>;
}>;

/**
 * The action log: every "You said" item the reader may see, newest said first, filtered by stage,
 * service, theme, source, dates and words. Paged by the API's cursor: "Next page" follows it and
 * "Previous page" goes back along the cursors followed on this visit.
 */
@Component({
  selector: 'heard-action-log-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    PageHeader,
    EmptyState,
    ProblemAlert,
  ],
  templateUrl: './action-log-page.html',
  styleUrl: './action-log-page.scss',
  host: { class: 'heard-page' },
})
export default class ActionLogPage {
  private readonly api = inject(ActionLogApi);
  private readonly url = urlQuery(parseLogQuery, DEFAULT_LOG_QUERY);
  private readonly session = inject(SessionService);

  protected readonly canRecord = computed(() => mayRecord(this.session.user()?.role));
  protected readonly stages = ITEM_STAGES.map((value) => ({ value, label: ITEM_STAGE_LABELS[value] }));
  protected readonly sources = YOU_SAID_SOURCES.map((value) => ({
    value,
    label: YOU_SAID_SOURCE_LABELS[value],
  }));
  protected readonly pageSizes = LOG_PAGE_SIZES;
  protected readonly columns = ['said', 'saidOn', 'source', 'filed', 'stage'];
  protected readonly stageWords = stageWords;
  protected readonly overdueWords = overdueWords;
  protected readonly sourceWords = sourceWords;
  protected readonly shortDate = shortDate;

  protected readonly query = this.url.query;
  protected readonly filtered = computed(() => isLogFiltered(this.query()));

  private readonly choices = serviceAndThemeChoices(this.api, 'filter by them');
  protected readonly services = this.choices.services;
  protected readonly themes = this.choices.themes;
  protected readonly listsProblem = this.choices.problem;

  protected readonly page = signal<ItemPage | null>(null);
  protected readonly items = computed<ItemSummary[]>(() => this.page()?.items ?? []);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  /** The cursors of the pages before this one, followed on this visit: "Previous page" goes back along them. */
  private readonly before = signal<(string | null)[]>([]);
  protected readonly hasPrevious = computed(() => this.before().length > 0);
  protected readonly notFirst = computed(() => this.query().cursor !== null);

  protected readonly countText = computed(() => {
    const page = this.page();
    if (!page || this.loading()) return '';
    const n = page.items.length;
    const what = n === 1 ? 'item' : 'items';
    const more = page.nextCursor ? ' There are more on the next page.' : '';
    const start = this.notFirst() ? `${n === 0 ? 'No' : n} more ${what}` : `${n === 0 ? 'No' : n} ${what}`;
    return `${start}${this.filtered() ? ' match' : ''} on this page.${more}`;
  });

  protected readonly form: LogFilterForm = new FormGroup({
    q: new FormControl('', { nonNullable: true }),
    stage: new FormControl<ItemStage | ''>('', { nonNullable: true }),
    overdue: new FormControl(false, { nonNullable: true }),
    source: new FormControl<YouSaidSource | ''>('', { nonNullable: true }),
    serviceId: new FormControl('', { nonNullable: true }),
    themeId: new FormControl('', { nonNullable: true }),
    from: new FormControl('', { nonNullable: true }),
    to: new FormControl('', { nonNullable: true }),
  });

  constructor() {
    toObservable(this.query)
      .pipe(
        tap((query) => {
          this.showFilters(query);
          this.loading.set(true);
          this.problem.set(null);
        }),
        switchMap((query) =>
          this.api.list(toItemListRequest(query)).pipe(
            catchError((error: unknown) => {
              this.problem.set(toProblem(error));
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((page) => {
        this.page.set(page);
        this.loading.set(false);
      });
  }

  private showFilters(query: LogQuery): void {
    this.form.setValue(
      {
        q: query.q,
        stage: query.stage ?? '',
        overdue: query.overdue,
        source: query.source ?? '',
        serviceId: query.serviceId ?? '',
        themeId: query.themeId ?? '',
        from: query.from ?? '',
        to: query.to ?? '',
      },
      { emitEvent: false },
    );
  }

  /** Applies the filters from the first page. `from` is the control used, so focus can go back to it. */
  protected search(from?: Focusable): void {
    const value = this.form.getRawValue();
    this.before.set([]);
    this.go(
      {
        q: value.q.trim(),
        stage: value.stage || null,
        overdue: value.overdue,
        source: value.source || null,
        serviceId: value.serviceId || null,
        themeId: value.themeId || null,
        from: value.from || null,
        to: value.to || null,
        cursor: null,
      },
      from,
    );
  }

  protected clear(): void {
    this.before.set([]);
    this.go({ ...DEFAULT_LOG_QUERY, limit: this.query().limit });
  }

  protected pageSize(limit: number, from: Focusable): void {
    this.before.set([]);
    this.go({ limit, cursor: null }, from);
  }

  protected next(): void {
    const cursor = this.page()?.nextCursor;
    if (!cursor) return;
    this.before.update((list) => [...list, this.query().cursor]);
    this.go({ cursor });
  }

  protected previous(): void {
    const list = this.before();
    this.before.set(list.slice(0, -1));
    this.go({ cursor: list.length > 0 ? list[list.length - 1] : null });
  }

  protected first(): void {
    this.before.set([]);
    this.go({ cursor: null });
  }

  private go(change: Partial<LogQuery>, focus?: Focusable): void {
    this.url.go(toLogParams({ ...this.query(), ...change }), { focus });
  }
}
