import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { HeldChangeResponse, ProblemDetails } from '@heard/domain';
import { EmptyState, PageHeader, ProblemAlert } from '@heard/ui';
import { pageFocus } from '../core/focus';
import { toProblem } from '../core/problem';
import { HeldChangeItem } from './held-change-item';
import { HeldChangesApi } from './held-changes-api';
import { Outbox, type OutboxChange } from './outbox';

/**
 * The officer's changes made without signal that the server kept aside for them to decide
 * (docs/offline.md): each says what it was, about whom, when it was made and why it waits.
 */
@Component({
  selector: 'heard-held-changes-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, PageHeader, ProblemAlert, EmptyState, HeldChangeItem],
  template: `
    <heard-page-header
      heading="Changes kept aside for you"
      subtitle="Changes you made without signal that could not be stored as they were"
    />
    <div role="status" class="status-region">
      @if (status(); as status) {
        <p class="heard-status">{{ status }}</p>
      }
    </div>
    @if (notStored().length > 0) {
      <section aria-labelledby="not-stored-heading">
        <h2 id="not-stored-heading">Not stored</h2>
        <p class="help">
          These changes from this device were not stored: the server kept something else, or refused them. Put
          right on the register what still needs it, then take them off this device.
        </p>
        <ul class="held-changes">
          @for (change of notStored(); track change.id) {
            <li>
              <p>
                <strong>{{ change.label }}</strong>
              </p>
              <p>{{ change.detail }}</p>
              <button mat-stroked-button type="button" (click)="seen(change)">
                Take “{{ change.label }}” off this device
              </button>
            </li>
          }
        </ul>
      </section>
    }
    <h2>Kept aside for you to decide</h2>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading the changes kept aside" />
    } @else if (problem(); as problem) {
      <heard-problem-alert [problem]="problem" />
    } @else if (changes().length === 0) {
      <heard-empty-state
        icon="task_alt"
        heading="Nothing is waiting for you"
        message="Every change you made without signal has been stored or decided."
      />
    } @else {
      <p class="help">
        Keep a change to put it on the register as you made it, or let it go. Either way, say why when asked:
        the reason is kept with the register.
      </p>
      <ul class="held-changes">
        @for (change of changes(); track change.id) {
          <li><heard-held-change-item [change]="change" (decided)="decided(change, $event)" /></li>
        }
      </ul>
    }
  `,
  styles: `
    .held-changes {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 1.5rem;
    }
  `,
  host: { class: 'heard-page' },
})
export default class HeldChangesPage {
  private readonly api = inject(HeldChangesApi);
  private readonly focus = pageFocus();
  private readonly outbox = inject(Outbox);

  protected readonly changes = signal<HeldChangeResponse[]>([]);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly status = signal<string | null>(null);
  /** Changes this device sent that were not applied (a conflict) or were refused: the officer must see them. */
  protected readonly notStored = computed(() =>
    this.outbox.changes().filter((c) => c.state === 'conflict' || c.state === 'needs-attention'),
  );

  constructor() {
    this.api
      .mine()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (changes) => {
          this.changes.set(changes);
          this.loading.set(false);
          // Held changes decided elsewhere (another device) need no longer be counted on this one.
          void this.outbox.settleHeld(changes.map((c) => c.id));
        },
        error: (error: unknown) => {
          this.problem.set(toProblem(error));
          this.loading.set(false);
          this.focus.problemLater();
        },
      });
  }

  protected decided(change: HeldChangeResponse, words: string): void {
    this.changes.update((list) => list.filter((c) => c.id !== change.id));
    void this.outbox.settleHeld(this.changes().map((c) => c.id));
    this.status.set(words);
    this.focus.later('.status-region p');
  }

  protected seen(change: OutboxChange): void {
    void this.outbox.forget(change.id).then(() => {
      this.status.set(`“${change.label}” is off this device.`);
      this.focus.later('.status-region p');
    });
  }
}
