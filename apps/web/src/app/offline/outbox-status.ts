import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { outboxBanner } from '@heard/domain';
import { Outbox } from './outbox';

/**
 * What has become of the changes made without signal, in the app's top area for signed-in staff:
 * "Not sent yet: 7 changes", "Sending…", "All sent", with a link when some need the officer. The
 * words are outboxBanner's; nothing shows while the device has never had to keep a change.
 */
@Component({
  selector: 'heard-outbox-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink],
  template: `
    <div role="status" class="outbox-status" [class.shown]="banner() !== null">
      @if (banner(); as banner) {
        <p>
          <span class="text">{{ banner.text }}</span>
          @if (banner.needYou; as needYou) {
            <!-- A space, so the status and the link are read as two phrases. -->
            {{ ' ' }}<a routerLink="/account/held-changes">{{ needYou }}</a>
          }
        </p>
      }
    </div>
    @if (maySendNow()) {
      <button mat-stroked-button type="button" class="send-now" (click)="sendNow()">Send now</button>
    }
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
      gap: 1rem;
      flex-wrap: wrap;
    }
    .outbox-status.shown {
      padding: 0.5rem 1rem;
    }
    .outbox-status p {
      margin: 0;
      display: flex;
      gap: 1rem;
      flex-wrap: wrap;
    }
    .text {
      font-weight: 600;
    }
  `,
})
export class OutboxStatus {
  private readonly outbox = inject(Outbox);

  protected readonly banner = computed(() => outboxBanner(this.outbox.counts()));
  /** Signal can come back without the browser saying so: the officer may try at once. */
  protected readonly maySendNow = computed(() => {
    const counts = this.outbox.counts();
    return counts.waiting > 0 && !counts.sending;
  });

  constructor() {
    // The app starting for a signed-in member of staff: send whatever an earlier visit kept.
    void this.outbox.start();
  }

  protected sendNow(): void {
    void this.outbox.send();
  }
}
