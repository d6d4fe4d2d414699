import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { PageHeader } from '@heard/ui';
import { SessionService } from '../core/session.service';
import { mayRecord } from './action-log.routes';
import { HeardItemActions } from './heard-item-actions';

/**
 * One action on its own page. Actions are reached through the You said items they answer, but a
 * published plan's commitment becomes a We will that answers none: this is where it is kept up to
 * date (moved on, progress noted), linked from the plan's commitments.
 */
@Component({
  selector: 'heard-action-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PageHeader, HeardItemActions],
  template: `
    <heard-page-header heading="An action" />
    <p>
      An action answers what young people said. One made from a published voice plan's commitments is kept up
      to date here.
    </p>
    <heard-item-actions [actionId]="id()" [mayChange]="canRecord()" />
  `,
})
export default class ActionPage {
  private readonly session = inject(SessionService);
  /** From the route (withComponentInputBinding). */
  readonly id = input.required<string>();
  protected readonly canRecord = computed(() => mayRecord(this.session.user()?.role));
}
