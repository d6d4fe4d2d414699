import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { HeardIcon } from '../icon/icon';

/**
 * What a page shows when there is nothing to list yet. Project any next step (a link or
 * button) as content. The heading is an `<h2>`: the page's own `<h1>` comes first.
 */
@Component({
  selector: 'heard-empty-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [HeardIcon],
  template: `
    <div class="icon"><heard-icon [name]="icon()" /></div>
    <h2 class="heading">{{ heading() }}</h2>
    <p class="message">{{ message() }}</p>
    <div class="actions"><ng-content /></div>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      align-items: center;
      text-align: center;
      gap: 8px;
      padding: 32px 16px;
      border-radius: var(--mat-sys-corner-large);
      background: var(--mat-sys-surface-container-low);
      color: var(--mat-sys-on-surface);
    }
    .icon {
      --heard-icon-size: 40px;
      display: grid;
      place-items: center;
      width: 72px;
      height: 72px;
      border-radius: 50%;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .heading {
      margin: 8px 0 0;
      font: var(--mat-sys-title-large);
    }
    .message {
      margin: 0;
      max-width: 60ch;
      font: var(--mat-sys-body-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .actions:empty {
      display: none;
    }
  `,
})
export class EmptyState {
  /** A HeardIcon name; defaults to an hourglass. */
  readonly icon = input<string>('hourglass');
  readonly heading = input.required<string>();
  readonly message = input.required<string>();
}
