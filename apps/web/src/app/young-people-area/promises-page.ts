import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MAX_VERDICT_WORDS, PLEDGE_VERDICTS, PLEDGE_VERDICT_LABELS } from '@heard/domain';
import type { MyPledge, PledgeVerdict } from '@heard/domain';
import { MySpaceDatePipe } from './my-space-date.pipe';
import { cardAnswers } from './card-answers';
import { MySpaceApi, loaded } from './my-space-api';
import { COMMON, PROMISES } from './my-space-words';

/**
 * Leaders' pledges on a young expert's own pages (/api/me/pledges): each promise made to them, and
 * "Did they keep it?" as three plain choices with their own words. Sending again replaces their
 * answer; the leader sees it as "a young expert", never by name.
 */
@Component({
  selector: 'heard-my-promises-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MySpaceDatePipe],
  template: `
    <h1>{{ words.title }}</h1>
    @switch (pledges().state) {
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
            @for (pledge of list(); track pledge.id) {
              @let draft = answers.answerOf(pledge);
              <li class="card">
                <h2 [id]="'promise-' + pledge.id">
                  <span class="count"
                    >{{ pledge.madeBy }}, {{ pledge.role }}, {{ words.at }} {{ pledge.forum }} ({{
                      pledge.madeOn | myDate
                    }}):</span
                  >
                  {{ pledge.words }}
                </h2>
                <p>{{ words.doneBy }} {{ pledge.targetDate | myDate }}.</p>
                @if (pledge.latestUpdate; as latest) {
                  <h3>{{ words.latest }} ({{ latest.notedOn | myDate }})</h3>
                  <p>{{ latest.words }}</p>
                }
                <form (submit)="send($event, pledge)">
                  <fieldset class="choices">
                    <legend>{{ words.question }}</legend>
                    @for (verdict of verdicts; track verdict) {
                      <label class="choice">
                        <input
                          type="radio"
                          [name]="'verdict-' + pledge.id"
                          [value]="verdict"
                          [checked]="draft.choice === verdict"
                          (change)="answers.choose(pledge, verdict)"
                        />
                        <span>{{ labels[verdict] }}</span>
                      </label>
                    }
                  </fieldset>
                  <label class="words-label" [for]="'words-' + pledge.id">{{ words.words }}</label>
                  <textarea
                    [id]="'words-' + pledge.id"
                    rows="3"
                    [attr.maxlength]="maxWords"
                    [value]="draft.words"
                    (input)="answers.write(pledge, $event)"
                  ></textarea>
                  <button type="submit" class="big primary" [disabled]="draft.sending">
                    {{ draft.sending ? common.sending : words.save }}
                  </button>
                  <p role="status">{{ draft.message ?? '' }}</p>
                  @if (draft.problem) {
                    <p class="problem" role="alert">{{ draft.problem }}</p>
                  }
                </form>
                @if (pledge.myVerdict; as mine) {
                  <p>{{ words.yours }} {{ mine.label }}. {{ words.change }}</p>
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
    .choices {
      display: flex;
      flex-direction: column;
      gap: 8px;
      margin: 16px 0;
      padding: 0;
      border: 0;
    }
    .choices legend {
      font-weight: 600;
      margin-bottom: 8px;
    }
    .choice {
      display: flex;
      align-items: center;
      gap: 8px;
      min-height: 48px;
      padding: 0 12px;
      border: 2px solid var(--mat-sys-outline);
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      cursor: pointer;
    }
    .choice:has(input:checked) {
      border-color: var(--mat-sys-primary);
      outline: 2px solid var(--mat-sys-primary);
    }
    .choice:has(input:focus-visible) {
      outline: 3px solid var(--mat-sys-tertiary);
      outline-offset: 2px;
    }
    .words-label {
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
export default class PromisesPage {
  private readonly api = inject(MySpaceApi);
  protected readonly words = PROMISES;
  protected readonly common = COMMON;
  protected readonly verdicts = PLEDGE_VERDICTS;
  protected readonly labels = PLEDGE_VERDICT_LABELS;
  protected readonly maxWords = MAX_VERDICT_WORDS;
  protected readonly pledges = loaded(this.api.pledges());
  protected readonly answers = cardAnswers<MyPledge, PledgeVerdict>({
    cards: this.pledges,
    id: (pledge) => pledge.id,
    before: (pledge) =>
      pledge.myVerdict ? { choice: pledge.myVerdict.verdict, words: pledge.myVerdict.words } : null,
    words: { chooseFirst: PROMISES.chooseOne, saved: PROMISES.saved },
  });
  protected readonly list = this.answers.list;
  protected readonly failure = this.answers.failure;

  protected send(event: Event, pledge: MyPledge): void {
    event.preventDefault();
    this.answers.send(pledge, (verdict, words) =>
      this.api.ratePledge(pledge.id, { verdict, words: words.trim() || null }),
    );
  }
}
