import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { BoardItem, monthInWords } from '@heard/domain';
import { BOARD } from './board-words';

/** One pair on the board: what young people said, and each answer to it. */
@Component({
  selector: 'heard-board-item-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    @let it = item();
    <article class="board-item" [attr.aria-labelledby]="'said-' + it.itemId">
      @if (it.theme) {
        <p class="theme">{{ it.theme.name }}</p>
      }
      <h2 [id]="'said-' + it.itemId">
        <span class="tag">{{ words.youSaid }}</span> {{ it.youSaid }}
      </h2>
      <p class="when">{{ words.said }} {{ month(it.month) }}</p>
      @if (it.quotes.length > 0) {
        <div class="quotes" [attr.aria-label]="words.theyAlsoSaid" role="group">
          @for (quote of it.quotes; track $index) {
            <blockquote>“{{ quote }}”</blockquote>
          }
        </div>
      }
      @for (answer of it.answers; track $index) {
        <section class="answer" [class]="answer.answer">
          <h3>{{ answer.label }}</h3>
          <p>{{ answer.words }}</p>
          @if (answer.because) {
            <p>{{ answer.because }}</p>
          }
          @if (answer.month) {
            <p class="when">
              {{ answer.answer === 'we_did' ? words.done : words.by }} {{ month(answer.month) }}
            </p>
          }
        </section>
      }
      @if (linked()) {
        <a class="no-print item-link" [routerLink]="['/board', it.itemId]">
          {{ words.link }}<span class="cdk-visually-hidden">: {{ it.youSaid }}</span>
        </a>
      }
    </article>
  `,
})
export class BoardItemCard {
  readonly item = input.required<BoardItem>();
  /** On the list, each item links to its own page; on that page it does not link to itself. */
  readonly linked = input(true);
  protected readonly words = BOARD;
  protected readonly month = monthInWords;
}
