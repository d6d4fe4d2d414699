import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MySpaceDatePipe } from './my-space-date.pipe';
import { MySpaceApi, loaded } from './my-space-api';
import { COMMON, ROUNDS } from './my-space-words';

/** The rounds waiting for them: named in, or their group's; none they have answered. */
@Component({
  selector: 'heard-my-rounds-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MySpaceDatePipe],
  template: `
    <h1>{{ words.title }}</h1>
    @switch (rounds().state) {
      @case ('loading') {
        <p role="status">{{ common.loading }}</p>
      }
      @case ('failed') {
        <p class="problem" role="alert">{{ failure() }}</p>
      }
      @case ('ready') {
        @if (list().length === 0) {
          <p>{{ words.none }}</p>
        } @else {
          <p>{{ words.intro }}</p>
          <ul class="cards">
            @for (round of list(); track round.id) {
              <li class="card">
                <h2>{{ round.toolName }}</h2>
                <p>{{ round.title }}</p>
                @if (round.occasion) {
                  <p>{{ words.at }} {{ round.occasion.title }}</p>
                }
                <p>{{ words.until }} {{ round.closesOn | myDate }}</p>
                <a
                  class="big primary"
                  [routerLink]="round.id"
                  [attr.aria-label]="words.open + ': ' + round.toolName"
                  >{{ words.open }}</a
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
export default class RoundsPage {
  protected readonly words = ROUNDS;
  protected readonly common = COMMON;
  protected readonly rounds = loaded(inject(MySpaceApi).rounds());
  protected list() {
    const r = this.rounds();
    return r.state === 'ready' ? r.value : [];
  }
  protected failure() {
    const r = this.rounds();
    return r.state === 'failed' ? r.message : '';
  }
}
