import { ChangeDetectionStrategy, Component, ViewEncapsulation, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { PublishedPlanListResponse } from '@heard/domain';
import { catchError, map, of, startWith } from 'rxjs';
import { OurPlanApi } from './our-plan-api';
import { publishedWords, versionWords, yearHeading } from './our-plan-reader';
import { PUBLISHED_PLAN } from './our-plan-words';

type Plans = { state: 'loading' } | { state: 'ready'; list: PublishedPlanListResponse } | { state: 'failed' };

/**
 * The published voice plans (`/our-plan`), for everyone, no sign-in: each year's plan as it is now,
 * and its older versions, newest year first. Each links to its own page.
 */
@Component({
  selector: 'heard-our-plan-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [RouterLink],
  template: `
    <div class="heard-our-plan">
      <h1>{{ words.title }}</h1>
      <p class="intro">{{ words.intro }}</p>
      <p>{{ words.twoWays }}</p>
      @switch (plans().state) {
        @case ('loading') {
          <p role="status">{{ words.loading }}</p>
        }
        @case ('failed') {
          <p role="alert">{{ words.failed }}</p>
        }
        @case ('ready') {
          @for (plan of list(); track plan.year) {
            <section class="plan-year" [attr.aria-labelledby]="'plan-' + plan.year">
              <h2 [id]="'plan-' + plan.year">{{ heading(plan.period) }}</h2>
              @if (plan.current; as current) {
                <p>
                  <a class="read" [routerLink]="['/our-plan', current.id]"
                    >{{ words.read }}<span class="cdk-visually-hidden">: {{ heading(plan.period) }}</span></a
                  >
                </p>
                <p class="when">{{ version(current.number) }}. {{ published(current.publishedAt) }}.</p>
                @if (current.whatChanged) {
                  <p>
                    <strong>{{ words.whatChanged }}:</strong> {{ current.whatChanged }}
                  </p>
                }
              }
              @if (plan.past.length > 0) {
                <h3>{{ words.olderVersions }}</h3>
                <ul class="versions">
                  @for (past of plan.past; track past.id) {
                    <li>
                      <a [routerLink]="['/our-plan', past.id]"
                        >{{ version(past.number)
                        }}<span class="cdk-visually-hidden">: {{ heading(plan.period) }}</span></a
                      >
                      <span class="when"> {{ published(past.publishedAt) }}.</span>
                      @if (past.whatChanged) {
                        <span> {{ words.whatChanged }}: {{ past.whatChanged }}</span>
                      }
                    </li>
                  }
                </ul>
              }
            </section>
          } @empty {
            <p>{{ words.none }}</p>
          }
        }
      }
    </div>
  `,
  styleUrl: './our-plan.scss',
})
export default class OurPlanPage {
  private readonly api = inject(OurPlanApi);
  protected readonly words = PUBLISHED_PLAN;

  protected readonly plans = toSignal(
    this.api.list().pipe(
      map((list): Plans => ({ state: 'ready', list })),
      catchError(() => of<Plans>({ state: 'failed' })),
      startWith<Plans>({ state: 'loading' }),
    ),
    { initialValue: { state: 'loading' } as Plans },
  );

  protected list(): PublishedPlanListResponse['plans'] {
    const p = this.plans();
    return p.state === 'ready' ? p.list.plans : [];
  }

  protected readonly heading = yearHeading;
  protected readonly version = versionWords;
  protected readonly published = publishedWords;
}
