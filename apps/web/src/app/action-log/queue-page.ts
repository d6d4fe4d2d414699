import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import {
  ITEM_STAGES,
  ITEM_STAGE_LABELS,
  QUEUE_KINDS,
  QUEUE_KIND_LABELS,
  YOU_SAID_SOURCES,
  YOU_SAID_SOURCE_LABELS,
} from '@heard/domain';
import type { ActionLogFilter, Page, ProblemDetails, QueueItem, QueueKind } from '@heard/domain';
import { EmptyState, PageHeader, ProblemAlert, totalWords } from '@heard/ui';
import { BehaviorSubject, catchError, of, switchMap, tap } from 'rxjs';
import { londonDate, longDate } from '../core/dates';
import { toProblem } from '../core/problem';
import { ActionLogApi } from './action-log-api';
import { ActionLogOfficeApi, exportUrl } from './action-log-office-api';
import { serviceAndThemeChoices } from './service-and-theme-choices';

const PAGE_SIZE = 25;

interface QueueView {
  kind: QueueKind;
  who: 'mine' | 'everyone';
  page: number;
}

/** What the list is called, for its heading and its empty state. */
export function queueHeading(view: Pick<QueueView, 'kind' | 'who'>): string {
  return `${QUEUE_KIND_LABELS[view.kind]}: ${view.who === 'mine' ? 'yours' : 'everyone’s'}`;
}

/**
 * The officer's queue: what to acknowledge, answer and tell, and what is overdue, theirs or
 * everyone's; and the log as CSV or XLSX for the period and filters they choose.
 */
@Component({
  selector: 'heard-action-log-queue-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    EmptyState,
    PageHeader,
    ProblemAlert,
  ],
  templateUrl: './queue-page.html',
  styleUrl: './queue-page.scss',
  host: { class: 'heard-page' },
})
export default class QueuePage {
  private readonly api = inject(ActionLogOfficeApi);
  private readonly lists = inject(ActionLogApi);
  private readonly view$ = new BehaviorSubject<QueueView>({ kind: 'to_acknowledge', who: 'mine', page: 1 });

  protected readonly kinds = QUEUE_KINDS.map((kind) => ({ kind, label: QUEUE_KIND_LABELS[kind] }));
  protected readonly stages = ITEM_STAGES.map((stage) => ({ stage, label: ITEM_STAGE_LABELS[stage] }));
  protected readonly sources = YOU_SAID_SOURCES.map((source) => ({
    source,
    label: YOU_SAID_SOURCE_LABELS[source],
  }));
  protected readonly stageLabel = ITEM_STAGE_LABELS;
  protected readonly sourceLabel = YOU_SAID_SOURCE_LABELS;

  /** The services and themes to filter the download by. */
  private readonly choices = serviceAndThemeChoices(this.lists, 'choose them for the download');
  protected readonly services = this.choices.services;
  protected readonly themes = this.choices.themes;
  protected readonly listsProblem = this.choices.problem;

  protected readonly view = signal<QueueView>(this.view$.value);
  protected readonly page = signal<Page<QueueItem> | null>(null);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly heading = computed(() => queueHeading(this.view()));
  protected readonly total = computed(() => {
    const page = this.page();
    return page ? totalWords(page) : '';
  });
  protected readonly lastPage = computed(() => {
    const page = this.page();
    return !page || page.page * page.pageSize >= page.total;
  });

  protected readonly filters = new FormGroup({
    stage: new FormControl('', { nonNullable: true }),
    source: new FormControl('', { nonNullable: true }),
    service: new FormControl('', { nonNullable: true }),
    theme: new FormControl('', { nonNullable: true }),
    from: new FormControl('', { nonNullable: true }),
    to: new FormControl('', { nonNullable: true }),
  });
  private readonly filterValue = signal(this.filters.getRawValue());
  protected readonly csvUrl = computed(() => exportUrl('csv', this.filterValue() as ActionLogFilter));
  protected readonly xlsxUrl = computed(() => exportUrl('xlsx', this.filterValue() as ActionLogFilter));
  protected readonly periodWrong = computed(() => {
    const { from, to } = this.filterValue();
    return from !== '' && to !== '' && from > to;
  });

  protected readonly date = (instant: string) => longDate(londonDate(instant));
  protected readonly day = longDate;

  constructor() {
    this.filters.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.filterValue.set(this.filters.getRawValue()));
    this.view$
      .pipe(
        tap((view) => {
          this.view.set(view);
          this.loading.set(true);
          this.problem.set(null);
        }),
        switchMap((view) =>
          this.api.queue({ ...view, pageSize: PAGE_SIZE }).pipe(
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

  protected show(change: Partial<QueueView>): void {
    this.view$.next({ ...this.view$.value, page: 1, ...change });
  }

  protected turn(by: number): void {
    this.view$.next({ ...this.view$.value, page: this.view$.value.page + by });
  }
}
