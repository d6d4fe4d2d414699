import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { PageEvent } from '@angular/material/paginator';
import { MatTableModule } from '@angular/material/table';
import { type Params, RouterLink } from '@angular/router';
import {
  PRACTICE_TOOL_STAGES,
  PRACTICE_TOOL_STAGE_LABELS,
  isPracticeToolStage,
  mayEditPracticeTools,
} from '@heard/domain';
import type { PracticeToolStage } from '@heard/domain';
import { EmptyState, ListEmpty, ListResults, ListTable, PageHeader } from '@heard/ui';
import { listPage, pagingFrom, urlQuery } from '../core/list-page';
import { londonDate, shortDate } from '../core/dates';
import { SessionService } from '../core/session.service';
import { PracticeToolsApi } from './practice-tools-api';

export interface PracticeToolListQuery {
  stage: PracticeToolStage | null;
  page: number;
  pageSize: number;
}

/** The list's stage filter and page from the address bar; anything malformed falls back to the default. */
export function parsePracticeToolListQuery(params: Params): PracticeToolListQuery {
  const stage = isPracticeToolStage(params['stage']) ? params['stage'] : null;
  return { stage, ...pagingFrom(params) };
}

/** The practice tools catalogue: every tool with its stage and latest version, filtered by stage. */
@Component({
  selector: 'heard-practice-tools-page',
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
  templateUrl: './practice-tools-page.html',
  styleUrl: './practice-tools-page.scss',
  host: { class: 'heard-page' },
})
export default class PracticeToolsPage {
  private readonly api = inject(PracticeToolsApi);
  private readonly session = inject(SessionService);
  private readonly url = urlQuery(parsePracticeToolListQuery, { stage: null, page: 1, pageSize: 25 });

  protected readonly canWrite = computed(() => mayEditPracticeTools(this.session.user()?.role));
  protected readonly columns = ['name', 'stage', 'service', 'version'];
  protected readonly stages = PRACTICE_TOOL_STAGES.map((value) => ({
    value,
    label: PRACTICE_TOOL_STAGE_LABELS[value],
  }));
  protected readonly stageLabels = PRACTICE_TOOL_STAGE_LABELS;

  /** Typed here because the table's row variable is untyped in the template, and the production build refuses indexing by it. */
  protected stageLabel(stage: PracticeToolStage): string {
    return this.stageLabels[stage];
  }
  protected readonly query = this.url.query;
  protected readonly stage = new FormControl<PracticeToolStage | ''>('', { nonNullable: true });
  protected readonly filterForm = new FormGroup({ stage: this.stage });
  protected readonly list = listPage({
    query: this.query,
    load: (query) => this.api.list(query.stage, query.page, query.pageSize),
    follow: true,
    showing: (query) => this.stage.setValue(query.stage ?? '', { emitEvent: false }),
  });

  protected readonly sinceText = (at: string) => `since ${shortDate(londonDate(at))}`;

  /** Applied with the button rather than on change, so moving through the choices does not reload the list. */
  protected show(): void {
    this.url.go({ stage: this.stage.value || null, page: null });
  }

  protected clear(): void {
    this.stage.setValue('');
    this.url.go({ stage: null, page: null });
  }

  protected onPage(event: PageEvent): void {
    this.url.page(event);
  }
}
