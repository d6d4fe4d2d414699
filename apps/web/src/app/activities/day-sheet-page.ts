import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  ViewEncapsulation,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { DaySheetResponse, ProblemDetails } from '@heard/domain';
import { PageHeader, ProblemAlert } from '@heard/ui';
import { loadRecord } from '../core/load-record';
import { ActivitiesApi } from './activities-api';
import { activityWhen, youngPeople } from './activity-format';

/**
 * What staff take on the day, printed: who is coming and what they need, every consent the day
 * needs that is not in place for them, and who must not be photographed or filmed. Its styles are not
 * encapsulated so its print rules can hide the app's menu and toolbar; every rule is scoped to
 * `.heard-day-sheet`, or to a page that contains one.
 */
@Component({
  selector: 'heard-day-sheet-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, PageHeader, ProblemAlert],
  templateUrl: './day-sheet-page.html',
  styleUrl: './day-sheet-page.scss',
  host: { class: 'heard-page heard-day-sheet' },
})
export default class DaySheetPage {
  private readonly api = inject(ActivitiesApi);
  private readonly window = inject(DOCUMENT).defaultView;

  readonly id = input.required<string>();

  protected readonly sheet = signal<DaySheetResponse | null>(null);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected readonly heading = computed(() => {
    const sheet = this.sheet();
    return sheet ? `Day sheet: ${sheet.activity.title}` : 'Day sheet';
  });
  protected readonly when = computed(() => {
    const sheet = this.sheet();
    return sheet ? activityWhen(sheet.activity) : '';
  });
  protected readonly comingText = computed(() => {
    const sheet = this.sheet();
    if (!sheet) return '';
    const parts = [`${youngPeople(sheet.coming.length)} coming.`];
    if (sheet.placesLeft !== null)
      parts.push(`${sheet.placesLeft} ${sheet.placesLeft === 1 ? 'place' : 'places'} left.`);
    if (sheet.waitlistedCount > 0) parts.push(`${sheet.waitlistedCount} on the waiting list.`);
    return parts.join(' ');
  });

  constructor() {
    loadRecord(this.id, (id) => this.api.daySheet(id), { loading: this.loading, problem: this.problem })
      .pipe(takeUntilDestroyed())
      .subscribe((sheet) => {
        this.sheet.set(sheet);
        this.loading.set(false);
      });
  }

  protected print(): void {
    this.window?.print();
  }
}
