import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { ROLE_LABELS, Role } from '@heard/domain';
import type { HomeCard, HomeSummary, ProblemDetails, WorryResponse } from '@heard/domain';
import { EmptyState, PageHeader, ProblemAlert, sentenceStart, totalWords } from '@heard/ui';
import { API } from '../core/api-urls';
import { toProblem } from '../core/problem';
import { SessionService } from '../core/session.service';
import { WorriesApi } from '../worries/worries-api';
import { WorryDetails } from '../worries/worry-details';
import { LeadersViewSection } from '../leaders/leaders-view';

/** A card's link inside the app, or null when the card only shows a number. */
export function cardLink(card: HomeCard): string | null {
  if (!card.path) return null;
  return card.path.startsWith('/') ? card.path : `/${card.path}`;
}

@Component({
  selector: 'heard-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    PageHeader,
    EmptyState,
    ProblemAlert,
    WorryDetails,
    LeadersViewSection,
  ],
  templateUrl: './home-page.html',
  styleUrl: './home-page.scss',
  host: { class: 'heard-page' },
})
export class HomePage {
  private readonly session = inject(SessionService);

  protected readonly summary = signal<HomeSummary | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly loading = signal(true);

  private readonly name = computed(
    () => this.summary()?.displayName ?? this.session.user()?.displayName ?? '',
  );
  protected readonly young = computed(
    () => (this.summary()?.role ?? this.session.user()?.role) === Role.YoungExpert,
  );
  protected readonly leader = computed(() => this.summary()?.role === Role.SeniorLeader);
  protected readonly heading = computed(() => (this.young() ? `Hi ${this.name()}` : `Hello, ${this.name()}`));
  protected readonly subtitle = computed(() => {
    if (this.young())
      return 'This is Heard. It is where the council listens to young people, and shows what changed.';
    const role = this.summary()?.role ?? this.session.user()?.role;
    return role ? `You are signed in as ${ROLE_LABELS[role].toLowerCase()}. Here is what is happening.` : '';
  });
  protected readonly cards = computed(() =>
    (this.summary()?.cards ?? []).map((card) => ({
      ...card,
      link: cardLink(card),
      shown: sentenceStart(totalWords({ total: card.value, totalIsLowerBound: card.valueIsLowerBound })),
    })),
  );

  protected readonly warnings = computed(() => this.summary()?.warnings ?? []);
  /** Null for anyone who is not a safeguarding contact: then the panel is not shown at all. */
  protected readonly worries = signal<WorryResponse[] | null>(null);
  protected readonly worryProblem = signal<ProblemDetails | null>(null);
  protected readonly acknowledging = signal<string | null>(null);
  private readonly worriesApi = inject(WorriesApi);

  /** Acknowledges from the home page; the worry leaves the panel once the API has it. */
  protected acknowledge(id: string): void {
    this.acknowledging.set(id);
    this.worryProblem.set(null);
    this.worriesApi.acknowledge(id, null).subscribe({
      next: () => {
        this.worries.update((list) => (list ?? []).filter((w) => w.id !== id));
        this.acknowledging.set(null);
      },
      error: (error: unknown) => {
        this.worryProblem.set(toProblem(error));
        this.acknowledging.set(null);
      },
    });
  }

  constructor() {
    inject(HttpClient)
      .get<HomeSummary>(API.home)
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (summary) => {
          this.summary.set(summary);
          this.worries.set(summary.worriesToAcknowledge);
          this.loading.set(false);
        },
        error: (error: unknown) => {
          this.problem.set(toProblem(error));
          this.loading.set(false);
        },
      });
  }
}
