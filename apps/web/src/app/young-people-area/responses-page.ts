import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MAX_RATING_COMMENT, MyResponse, RATING_SCALE, Rating } from '@heard/domain';
import { MySpaceDatePipe } from './my-space-date.pipe';
import { cardAnswers } from './card-answers';
import { MySpaceApi, loaded } from './my-space-api';
import { COMMON, RESPONSES } from './my-space-words';

/**
 * The Young Experts' review: what their groups said, what we did, and "How well did we do?" as
 * faces with words (radio buttons, so a screen reader reads each face's words). No one is named.
 */
@Component({
  selector: 'heard-my-responses-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MySpaceDatePipe],
  template: `
    <h1>{{ words.title }}</h1>
    @switch (responses().state) {
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
          <p>{{ words.noNames }}</p>
          <ul class="cards">
            @for (item of list(); track item.itemId) {
              @let draft = answers.answerOf(item);
              <li class="card">
                <h2 [id]="'said-' + item.itemId">
                  <span class="count"
                    >{{ words.youSaid }} ({{ item.groupName }}, {{ item.saidOn | myDate }}):</span
                  >
                  {{ item.youSaid }}
                </h2>
                @for (answer of item.answers; track $index) {
                  <h3>{{ answer.label }}</h3>
                  <p>{{ answer.words }}</p>
                  @if (answer.because) {
                    <p>{{ answer.because }}</p>
                  }
                }
                <form (submit)="send($event, item)">
                  <fieldset class="faces">
                    <legend>{{ words.question }}</legend>
                    @for (step of scale; track step.value) {
                      <label class="face">
                        <input
                          type="radio"
                          [name]="'rating-' + item.itemId"
                          [value]="step.value"
                          [checked]="draft.choice === step.value"
                          (change)="answers.choose(item, step.value)"
                        />
                        <span class="glyph" aria-hidden="true">{{ step.face }}</span>
                        <span>{{ step.words }}</span>
                      </label>
                    }
                  </fieldset>
                  <label class="comment-label" [for]="'comment-' + item.itemId">{{ words.comment }}</label>
                  <textarea
                    [id]="'comment-' + item.itemId"
                    rows="3"
                    [attr.maxlength]="maxComment"
                    [value]="draft.words"
                    (input)="answers.write(item, $event)"
                  ></textarea>
                  <button type="submit" class="big primary" [disabled]="draft.sending">
                    {{ draft.sending ? common.sending : words.save }}
                  </button>
                  <p role="status">{{ draft.message ?? '' }}</p>
                  @if (draft.problem) {
                    <p class="problem" role="alert">{{ draft.problem }}</p>
                  }
                </form>
                @if (item.myRating) {
                  <p>{{ words.yourRating }} {{ item.myRating.face.words }}. {{ words.change }}</p>
                }
              </li>
            }
          </ul>
        }
      }
    }
    <a class="big" routerLink="..">{{ common.back }}</a>
  `,
  styleUrl: './my-space.scss',
  styles: `
    .faces {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 16px 0;
      padding: 0;
      border: 0;
    }
    .faces legend {
      font-weight: 600;
      margin-bottom: 8px;
    }
    .face {
      display: flex;
      flex-direction: column;
      align-items: center;
      min-width: 64px;
      padding: 8px;
      border: 2px solid var(--mat-sys-outline);
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      font-size: 0.9em;
      cursor: pointer;
    }
    .face:has(input:checked) {
      border-color: var(--mat-sys-primary);
      outline: 2px solid var(--mat-sys-primary);
    }
    .face:has(input:focus-visible) {
      outline: 3px solid var(--mat-sys-tertiary);
      outline-offset: 2px;
    }
    .glyph {
      font-size: 2em;
      line-height: 1.2;
    }
    .comment-label {
      display: block;
      font-weight: 600;
    }
    textarea {
      box-sizing: border-box;
      width: 100%;
      margin: 4px 0 12px;
      font: inherit;
    }
  `,
  host: { class: 'heard-page heard-young' },
})
export default class ResponsesPage {
  private readonly api = inject(MySpaceApi);
  protected readonly words = RESPONSES;
  protected readonly common = COMMON;
  protected readonly scale = RATING_SCALE;
  protected readonly maxComment = MAX_RATING_COMMENT;
  protected readonly responses = loaded(this.api.responses());
  protected readonly answers = cardAnswers<MyResponse, Rating>({
    cards: this.responses,
    id: (item) => item.itemId,
    before: (item) =>
      item.myRating ? { choice: item.myRating.face.value, words: item.myRating.comment ?? null } : null,
    words: { chooseFirst: RESPONSES.chooseFace, saved: RESPONSES.saved },
  });
  protected readonly list = this.answers.list;
  protected readonly failure = this.answers.failure;

  protected send(event: Event, item: MyResponse): void {
    event.preventDefault();
    this.answers.send(item, (rating, comment) => this.api.rateResponse(item.itemId, { rating, comment }));
  }
}
