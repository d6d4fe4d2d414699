import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { PLEDGE_VERDICT_LABELS } from '@heard/domain';
import type { PledgeResponse, PledgeTimelineEntry, PledgeVerdictView, ProblemDetails } from '@heard/domain';
import { PageHeader, ProblemAlert } from '@heard/ui';
import { forkJoin, map } from 'rxjs';
import { instantWords } from '../action-log/action-log-words';
import { shortDate } from '../core/dates';
import { loadRecord } from '../core/load-record';
import { PledgeChange } from './pledge-change';
import { PledgeForms } from './pledge-forms';
import { PledgeLinks } from './pledge-links';
import { PledgesApi } from './pledges-api';
import { eventWords, flagWords, occasionWords, ragWords, statusWords } from './pledge-words';

/** One pledge: who made it, where, its updates, both sides' colours and the flag, and its whole history. */
@Component({
  selector: 'heard-pledge-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatProgressBarModule,
    RouterLink,
    PageHeader,
    ProblemAlert,
    PledgeForms,
    PledgeChange,
    PledgeLinks,
  ],
  templateUrl: './pledge-page.html',
  styleUrl: './pledges.scss',
  host: { class: 'heard-page' },
})
export default class PledgePage {
  private readonly api = inject(PledgesApi);
  private readonly destroyRef = inject(DestroyRef);

  readonly id = input.required<string>();

  protected readonly pledge = signal<PledgeResponse | null>(null);
  protected readonly timeline = signal<PledgeTimelineEntry[]>([]);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly shortDate = shortDate;
  protected readonly ragWords = ragWords;
  protected readonly statusWords = statusWords;
  protected readonly flagWords = flagWords;
  protected readonly occasionWords = occasionWords;

  protected withReason(words: string, reason: string | null): string {
    return reason ? `${words}: ${reason}` : words;
  }

  protected youngLine(pledge: PledgeResponse): string {
    const { rag, counts } = pledge.ratings.youngPeople;
    return `${ragWords(rag)} (${counts.kept} kept, ${counts.partly} partly, ${counts.not_kept} not kept)`;
  }

  protected verdictLine(verdict: PledgeVerdictView): string {
    const who = verdict.from === 'group' ? (verdict.groupName ?? 'A group') : 'A young expert';
    const said = `${who}: ${PLEDGE_VERDICT_LABELS[verdict.verdict]}`;
    return verdict.words ? `${said}. “${verdict.words}”` : said;
  }

  protected entryLine(entry: PledgeTimelineEntry): string {
    const line = `${instantWords(entry.at)}: ${eventWords(entry.event)}`;
    return entry.byName ? `${line}, by ${entry.byName}` : line;
  }

  /** A form changed the pledge: show it as the API has it, and the history that change added. */
  protected changed(pledge: PledgeResponse): void {
    this.pledge.set(pledge);
    this.api
      .timeline(pledge.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      // The change is saved and shown; should the history fail to reload, it catches up on the next visit.
      .subscribe({ next: (timeline) => this.timeline.set(timeline), error: () => undefined });
  }

  constructor() {
    loadRecord(
      this.id,
      (id) =>
        forkJoin([this.api.get(id), this.api.timeline(id)]).pipe(
          map(([pledge, timeline]) => ({ pledge, timeline })),
        ),
      { loading: this.loading, problem: this.problem },
    )
      .pipe(takeUntilDestroyed())
      .subscribe(({ pledge, timeline }) => {
        this.pledge.set(pledge);
        this.timeline.set(timeline);
        this.loading.set(false);
      });
  }
}
