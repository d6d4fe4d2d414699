import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { HeardIcon } from '@heard/ui';
import { SessionService } from '../core/session.service';

/**
 * The young expert's own page. Written for a 10-year-old: short sentences, no jargon.
 * No nudges, points or streaks (Children's Code): it says what is here and what is coming.
 */
@Component({
  selector: 'heard-my-space-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, HeardIcon],
  templateUrl: './my-space-page.html',
  styleUrl: './my-space-page.scss',
  host: { class: 'heard-page heard-young' },
})
export class MySpacePage {
  private readonly session = inject(SessionService);
  protected readonly name = computed(() => this.session.user()?.displayName ?? '');
}
