import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { RATING_SCALE } from '@heard/domain';
import type { Rating } from '@heard/domain';
import { switchMap } from 'rxjs';
import { MySpaceDatePipe } from './my-space-date.pipe';
import { MySpaceApi, loaded } from './my-space-api';
import { COMMON, EVALUATIONS } from './my-space-words';

/** One of their evaluations: each question beside what they said, a face with its words. */
@Component({
  selector: 'heard-my-evaluation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MySpaceDatePipe],
  template: `
    @switch (evaluation().state) {
      @case ('loading') {
        <p role="status">{{ common.loading }}</p>
      }
      @case ('failed') {
        <h1>{{ words.title }}</h1>
        <p class="problem" role="alert">{{ words.notFound }}</p>
      }
      @case ('ready') {
        @if (value(); as e) {
          <h1>{{ e.toolName }}</h1>
          <p>{{ words.on }} {{ e.answeredOn | myDate }}.</p>
          @if (e.pictureMode) {
            <p>{{ words.pictures }}</p>
          }
          <dl>
            @for (a of e.answers; track a.questionKey) {
              <dt>{{ a.prompt }}</dt>
              <dd>
                @if (a.rating) {
                  <span aria-hidden="true">{{ face(a.rating) }}</span> {{ ratingWords(a.rating) }}
                } @else {
                  {{ a.text }}
                }
              </dd>
            }
          </dl>
        }
      }
    }
    <div class="actions">
      <a class="big" routerLink="..">{{ words.allOfThem }}</a>
      <a class="big" routerLink="../..">{{ common.back }}</a>
    </div>
  `,
  styleUrl: './my-space.scss',
  host: { class: 'heard-page heard-young' },
})
export default class EvaluationPage {
  private readonly api = inject(MySpaceApi);
  readonly evaluationId = input.required<string>();

  protected readonly words = EVALUATIONS;
  protected readonly common = COMMON;
  protected readonly evaluation = loaded(
    toObservable(this.evaluationId).pipe(switchMap((id) => this.api.evaluation(id))),
  );
  protected readonly value = computed(() => {
    const e = this.evaluation();
    return e.state === 'ready' ? e.value : null;
  });
  protected face = (rating: Rating) => RATING_SCALE[rating - 1].face;
  protected ratingWords = (rating: Rating) => RATING_SCALE[rating - 1].words;
}
