import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MySpaceApi, loaded } from './my-space-api';
import { HOME } from './my-space-words';

/**
 * The young expert's own page: what is here, each its own small page. Written for a 10-year-old.
 * Counts are of their own things only; no nudges, points or streaks (Children's Code).
 */
@Component({
  selector: 'heard-my-space-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <h1>{{ words.title }}</h1>
    <p>
      @if (name()) {
        {{ words.hello }} {{ name() }}.
      }
      {{ words.intro }}
    </p>
    <h2>{{ words.menuHeading }}</h2>
    <ul class="menu">
      <li>
        <a routerLink="rounds"
          >{{ words.rounds }}
          @if (waiting()?.rounds) {
            <span class="count">{{ words.roundsWaiting }} {{ waiting()?.rounds }}</span>
          }
        </a>
      </li>
      <li>
        <a routerLink="said">{{ words.evaluations }}</a>
      </li>
      <li>
        <a routerLink="responses">{{ words.responses }}</a>
      </li>
      <li>
        <a routerLink="promises">{{ words.promises }}</a>
      </li>
      <li>
        <a routerLink="plan">{{ words.plan }}</a>
      </li>
      <li>
        <a routerLink="invitations"
          >{{ words.invitations }}
          @if (waiting()?.invitations) {
            <span class="count">{{ words.invitationsWaiting }} {{ waiting()?.invitations }}</span>
          }
        </a>
      </li>
      <li>
        <a routerLink="one-to-one">{{ words.oneToOne }}</a>
      </li>
      <li>
        <a routerLink="choices">{{ words.choices }}</a>
      </li>
      <li>
        <a routerLink="data">{{ words.data }}</a>
      </li>
      <li>
        <a routerLink="delete">{{ words.deletion }}</a>
      </li>
      <li>
        <a routerLink="worry">{{ words.worry }}</a>
      </li>
    </ul>
    <h2>{{ words.goodToKnow }}</h2>
    <ul>
      @for (line of words.goodToKnowList; track line) {
        <li>{{ line }}</li>
      }
    </ul>
  `,
  styleUrl: './my-space.scss',
  host: { class: 'heard-page heard-young' },
})
export class MySpacePage {
  protected readonly words = HOME;
  private readonly me = loaded(inject(MySpaceApi).me());
  protected readonly name = computed(() => {
    const me = this.me();
    return me.state === 'ready' ? me.value.name : '';
  });
  protected readonly waiting = computed(() => {
    const me = this.me();
    return me.state === 'ready' ? me.value.waiting : null;
  });
}
