import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { EmptyState, PageHeader } from '@heard/ui';

/**
 * A page whose feature is not built yet. Its route passes `heading` and `message` as data
 * (they arrive as inputs through component input binding).
 */
@Component({
  selector: 'heard-coming-soon-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, PageHeader, EmptyState],
  host: { class: 'heard-page' },
  template: `
    <heard-page-header [heading]="heading()" />
    <heard-empty-state icon="hourglass" heading="Coming soon" [message]="message()">
      <a mat-stroked-button routerLink="/home">Go to home</a>
    </heard-empty-state>
  `,
})
export class ComingSoonPage {
  readonly heading = input.required<string>();
  readonly message = input.required<string>();
}
