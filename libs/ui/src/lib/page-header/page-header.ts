import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * The one `<h1>` of a page, with an optional line under it. Put page-level actions
 * (buttons, links) inside the element; they are shown beside the heading on wide screens, spaced
 * by the app's shared `heard-buttons` class (styles.scss).
 */
@Component({
  selector: 'heard-page-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="text">
      <h1 class="heading">{{ heading() }}</h1>
      @if (subtitle(); as subtitle) {
        <p class="subtitle">{{ subtitle }}</p>
      }
    </div>
    <div class="actions heard-buttons"><ng-content /></div>
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      justify-content: space-between;
      gap: 8px 24px;
      margin-block-end: 24px;
    }
    .heading {
      margin: 0;
      font: var(--mat-sys-headline-medium);
      color: var(--mat-sys-on-surface);
    }
    .subtitle {
      margin: 8px 0 0;
      font: var(--mat-sys-body-large);
      color: var(--mat-sys-on-surface-variant);
      max-width: 70ch;
    }
    .actions:empty {
      display: none;
    }
  `,
})
export class PageHeader {
  readonly heading = input.required<string>();
  readonly subtitle = input<string | null | undefined>(undefined);
}
