import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { dayOnDevice, todayInLondon } from '@heard/domain';
import { appShellKept } from './app-shell';
import { DayStore, type DayToKeep, type KeptDay } from './day-store';

function keptWords(kept: KeptDay): string {
  const rounds =
    kept.rounds === 0
      ? 'no evaluation rounds'
      : kept.rounds === 1
        ? '1 evaluation round'
        : `${kept.rounds} evaluation rounds`;
  const what = kept.kind === 'activity_day' ? 'the day sheet, the register' : 'the register';
  return `Ready for the day. Kept on this device: ${what} and ${rounds}.`;
}

/**
 * "Get ready for the day" on an activity day's or a session's page: keeps what the day needs on
 * this device so its pages open without signal (day-store.ts, ADR 0032), says what is kept and
 * until when, and takes it off again.
 */
@Component({
  selector: 'heard-get-ready',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    <section class="get-ready" aria-labelledby="get-ready-heading">
      <h2 id="get-ready-heading">On the day without signal</h2>
      @if (!store.available) {
        <p>This browser cannot keep the day. Print the day sheet instead.</p>
      } @else {
        <p>{{ when().words }}</p>
        @if (keptHere(); as kept) {
          <p class="kept">{{ keptWords(kept) }}</p>
        }
        <p>{{ shellWords() }}</p>
        <div class="actions">
          @if (when().state === 'may-keep') {
            <button mat-flat-button type="button" [disabled]="busy()" (click)="getReady()">
              {{ keptHere() ? 'Get ready again' : 'Get ready for the day' }}
            </button>
          }
          @if (keptHere()) {
            <button mat-stroked-button type="button" [disabled]="busy()" (click)="takeOff()">
              Take it off this device
            </button>
          }
        </div>
      }
      <div role="status">
        @if (status(); as status) {
          <p class="heard-status">{{ status }}</p>
        }
      </div>
    </section>
  `,
  styles: `
    .actions {
      display: flex;
      gap: 1rem;
      flex-wrap: wrap;
    }
    .kept {
      font-weight: 600;
    }
  `,
})
export class GetReady {
  protected readonly store = inject(DayStore);

  readonly day = input.required<DayToKeep>();

  protected readonly busy = signal(false);
  protected readonly status = signal('');
  protected readonly shellKept = signal(false);
  protected readonly keptWords = keptWords;
  protected readonly when = computed(() => dayOnDevice(this.day().day, todayInLondon()));
  /** The day kept on this device, when it is this one. */
  protected readonly keptHere = computed(() => {
    const kept = this.store.kept();
    return kept && kept.kind === this.day().kind && kept.id === this.day().id ? kept : null;
  });
  protected readonly shellWords = computed(() =>
    this.shellKept()
      ? 'Heard itself is kept on this device too, so it opens without signal.'
      : 'Keep this page open: Heard is not yet kept on this device to open without signal.',
  );

  constructor() {
    void this.checkShell();
  }

  protected async getReady(): Promise<void> {
    this.busy.set(true);
    this.status.set('Getting ready…');
    try {
      const kept = await this.store.getReady(this.day());
      await this.checkShell();
      this.status.set(keptWords(kept));
    } catch {
      this.status.set('Could not get ready: check the signal and try again.');
    } finally {
      this.busy.set(false);
    }
  }

  protected async takeOff(): Promise<void> {
    this.busy.set(true);
    await this.store.wipe();
    this.busy.set(false);
    this.status.set('Taken off this device.');
  }

  /** Whether the service worker keeps the app shell: then the day's pages open after a reload offline. */
  private async checkShell(): Promise<void> {
    this.shellKept.set(await appShellKept());
  }
}
