import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MySpaceDatePipe } from './my-space-date.pipe';
import { MySpaceApi, loaded } from './my-space-api';
import { COMMON, EVALUATIONS } from './my-space-words';

/** Their own past evaluations, newest first. */
@Component({
  selector: 'heard-my-evaluations-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MySpaceDatePipe],
  template: `
    <h1>{{ words.title }}</h1>
    @switch (list().state) {
      @case ('loading') {
        <p role="status">{{ common.loading }}</p>
      }
      @case ('failed') {
        <p class="problem" role="alert">{{ common.failed }}</p>
      }
      @case ('ready') {
        @if (items().length === 0) {
          <p>{{ words.none }}</p>
        } @else {
          <p>{{ words.intro }}</p>
          <ul class="menu">
            @for (e of items(); track e.id) {
              <li>
                <a [routerLink]="e.id"
                  >{{ e.toolName }} <span class="count">{{ e.answeredOn | myDate }}</span></a
                >
              </li>
            }
          </ul>
        }
      }
    }
    <a class="big" routerLink="..">{{ common.back }}</a>
  `,
  styleUrl: './my-space.scss',
  host: { class: 'heard-page heard-young' },
})
export default class EvaluationsPage {
  protected readonly words = EVALUATIONS;
  protected readonly common = COMMON;
  protected readonly list = loaded(inject(MySpaceApi).evaluations());
  protected items() {
    const l = this.list();
    return l.state === 'ready' ? l.value : [];
  }
}
