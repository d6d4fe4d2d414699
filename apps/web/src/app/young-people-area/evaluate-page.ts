import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { EvaluationAnswerInput, MyEvaluation } from '@heard/domain';
import { AnswerForm } from '../evaluations/answer-form/answer-form';
import { MySpaceApi, loaded } from './my-space-api';
import { COMMON, EVALUATE } from './my-space-words';
import { sender } from './sender';
import { IdempotencyKeys } from '../core/idempotency-keys';

/**
 * Answering one round on their own pages, with the shared answer form (picture mode, read aloud).
 * The Idempotency-Key is kept while the answers are the same, so a resend after a dropped
 * connection is stored once, and is new when they change (the server refuses an old key with new
 * answers).
 */
@Component({
  selector: 'heard-my-evaluate-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, AnswerForm],
  template: `
    @switch (round().state) {
      @case ('loading') {
        <p role="status">{{ common.loading }}</p>
      }
      @case ('failed') {
        <p class="problem" role="alert">{{ common.failed }}</p>
      }
      @case ('ready') {
        @if (!current()) {
          <h1>{{ common.back }}</h1>
          <p class="problem" role="alert">{{ words.notFound }}</p>
        } @else if (post.sent(); as sent) {
          <h1>{{ words.thanks[0] }}</h1>
          <p role="status">{{ words.thanks[1] }}</p>
          <a class="big primary" [routerLink]="['../../said', sent.id]">{{ words.seeWhatYouSaid }}</a>
        } @else {
          <h1>{{ current()?.toolName }}</h1>
          <p>{{ current()?.title }}</p>
          <label class="choice">
            <input type="checkbox" [checked]="pictureMode()" (change)="pictureMode.set(!pictureMode())" />
            {{ words.pictureMode }}
          </label>
          <heard-answer-form
            [questions]="current()?.questions ?? []"
            [pictureMode]="pictureMode()"
            (answersChange)="answers.set($event)"
          />
          <h2>{{ words.beforeYouSendHeading }}</h2>
          @for (line of words.beforeYouSend; track line) {
            <p>{{ line }}</p>
          }
          @if (post.problem()) {
            <p class="problem" role="alert">{{ post.problem() }}</p>
          }
          <div class="actions">
            <button type="button" class="big primary" [disabled]="post.sending()" (click)="send()">
              {{ post.sending() ? common.sending : words.send }}
            </button>
          </div>
        }
      }
    }
    <a class="big" routerLink="../..">{{ common.back }}</a>
  `,
  styleUrl: './my-space.scss',
  host: { class: 'heard-page heard-young' },
})
export default class EvaluatePage {
  private readonly api = inject(MySpaceApi);
  readonly roundId = input.required<string>();

  protected readonly words = EVALUATE;
  protected readonly common = COMMON;
  protected readonly round = loaded(this.api.rounds());
  protected readonly current = computed(() => {
    const r = this.round();
    return r.state === 'ready' ? (r.value.find((x) => x.id === this.roundId()) ?? null) : null;
  });
  protected readonly pictureMode = signal(false);
  protected readonly answers = signal<EvaluationAnswerInput[]>([]);
  protected readonly post = sender<MyEvaluation>();
  private readonly keys = new IdempotencyKeys();

  protected send(): void {
    if (this.answers().length === 0) {
      this.post.problem.set(this.words.answerOneFirst);
      return;
    }
    const body = { pictureMode: this.pictureMode(), answers: this.answers() };
    this.post.send(this.api.answer(this.roundId(), this.keys.for(body), body), (evaluation) => evaluation);
  }
}
