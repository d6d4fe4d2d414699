import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { MyChoices, MyChoicesRequest } from '@heard/domain';
import { MySpaceApi, failureWords } from './my-space-api';
import { CHOICES, COMMON } from './my-space-words';

/**
 * Their choices: whether their words may be quoted (consent, their own decision) and whether
 * with their name. Yes and no are equally easy; nothing is chosen for them (both start at no).
 */
@Component({
  selector: 'heard-my-choices-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <h1>{{ words.title }}</h1>
    @if (loadFailed()) {
      <p class="problem" role="alert">{{ common.failed }}</p>
    } @else if (!choices()) {
      <p role="status">{{ common.loading }}</p>
    } @else {
      <p>{{ words.intro }}</p>
      <fieldset>
        <legend>{{ words.quotesHeading }}</legend>
        @for (line of words.quotesExplain; track line) {
          <p>{{ line }}</p>
        }
        <p class="note">{{ choices()?.quoteConsent?.given ? words.quotesNowYes : words.quotesNowNo }}</p>
        @if (!choices()?.quoteConsent?.mayDecide && !choices()?.quoteConsent?.given) {
          <p class="note">{{ words.quotesAskAnAdult }}</p>
        }
        <label class="choice">
          <input
            type="radio"
            name="quotes"
            [checked]="quotes() === true"
            [disabled]="!choices()?.quoteConsent?.mayDecide && !choices()?.quoteConsent?.given"
            (change)="quotes.set(true)"
          />
          {{ words.quotesYes }}
        </label>
        <label class="choice">
          <input type="radio" name="quotes" [checked]="quotes() === false" (change)="quotes.set(false)" />
          {{ words.quotesNo }}
        </label>
      </fieldset>
      <fieldset>
        <legend>{{ words.nameHeading }}</legend>
        <p>{{ words.nameExplain }}</p>
        <label class="choice">
          <input type="radio" name="named" [checked]="named() === true" (change)="named.set(true)" />
          {{ words.nameYes }}
        </label>
        <label class="choice">
          <input type="radio" name="named" [checked]="named() === false" (change)="named.set(false)" />
          {{ words.nameNo }}
        </label>
      </fieldset>
      @if (problem()) {
        <p class="problem" role="alert">{{ problem() }}</p>
      }
      @if (saved()) {
        <p role="status">{{ words.saved }}</p>
      }
      <div class="actions">
        <button type="button" class="big primary" [disabled]="sending()" (click)="save()">
          {{ sending() ? common.sending : words.save }}
        </button>
      </div>
    }
    <a class="big" routerLink="..">{{ common.back }}</a>
  `,
  styleUrl: './my-space.scss',
  host: { class: 'heard-page heard-young' },
})
export default class ChoicesPage {
  private readonly api = inject(MySpaceApi);
  protected readonly words = CHOICES;
  protected readonly common = COMMON;
  protected readonly choices = signal<MyChoices | null>(null);
  protected readonly loadFailed = signal(false);
  protected readonly quotes = signal(false);
  protected readonly named = signal(false);
  protected readonly sending = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly saved = signal(false);

  constructor() {
    this.api.choices().subscribe({
      next: (c) => this.show(c),
      error: () => this.loadFailed.set(true),
    });
  }

  protected save(): void {
    const now = this.choices();
    if (!now) return;
    const change: MyChoicesRequest = {};
    if (this.quotes() !== now.quoteConsent.given) change.quoteConsent = this.quotes();
    if (this.named() !== now.quotesNamed) change.quotesNamed = this.named();
    this.problem.set(null);
    this.saved.set(false);
    if (change.quoteConsent === undefined && change.quotesNamed === undefined) {
      this.saved.set(true);
      return;
    }
    this.sending.set(true);
    this.api.changeChoices(change).subscribe({
      next: (c) => {
        this.show(c);
        this.saved.set(true);
        this.sending.set(false);
      },
      error: (error: unknown) => {
        this.problem.set(failureWords(error));
        this.sending.set(false);
      },
    });
  }

  private show(c: MyChoices): void {
    this.choices.set(c);
    this.quotes.set(c.quoteConsent.given);
    this.named.set(c.quotesNamed);
  }
}
