import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { MyInvitation } from '@heard/domain';
import { MySpaceApi, failureWords, loaded } from './my-space-api';
import { COMMON, INVITATIONS } from './my-space-words';

/** Their invitations, answered from here as from their personal link: yes and no equally easy. */
@Component({
  selector: 'heard-my-invitations-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
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
          <ul class="cards">
            @for (item of items(); track item.id) {
              @let i = answered()[item.id] ?? item;
              <li class="card">
                <h2>{{ i.title }}</h2>
                <dl>
                  <dt>{{ words.when }}</dt>
                  <dd>
                    {{ i.dateWords }}
                    @if (i.timeWords) {
                      , {{ i.timeWords }}
                    }
                  </dd>
                  @if (i.venue) {
                    <dt>{{ words.where }}</dt>
                    <dd>{{ i.venue }}</dd>
                  }
                  <dt>{{ words.yourAnswer }}</dt>
                  <dd>{{ i.answer === null ? words.notAnsweredYet : i.statusWords }}</dd>
                </dl>
                @if (saved() === i.id) {
                  <p role="status">{{ words.saved }}</p>
                }
                @if (problem()?.id === i.id) {
                  <p class="problem" role="alert">{{ problem()?.message }}</p>
                }
                @if (i.canStillChange) {
                  <fieldset>
                    <legend>{{ words.question }}</legend>
                    <div class="actions">
                      <button
                        type="button"
                        class="big"
                        [attr.aria-pressed]="i.answer === 'yes'"
                        (click)="answer(i, 'yes')"
                      >
                        {{ words.yes }}
                      </button>
                      <button
                        type="button"
                        class="big"
                        [attr.aria-pressed]="i.answer === 'no'"
                        (click)="answer(i, 'no')"
                      >
                        {{ words.no }}
                      </button>
                    </div>
                    <p>{{ words.canChange }}</p>
                  </fieldset>
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
  host: { class: 'heard-page heard-young' },
})
export default class InvitationsPage {
  private readonly api = inject(MySpaceApi);
  protected readonly words = INVITATIONS;
  protected readonly common = COMMON;
  protected readonly list = loaded(this.api.invitations());
  protected readonly answered = signal<Partial<Record<string, MyInvitation>>>({});
  protected readonly saved = signal<string | null>(null);
  protected readonly problem = signal<{ id: string; message: string } | null>(null);

  protected items(): MyInvitation[] {
    const l = this.list();
    return l.state === 'ready' ? l.value : [];
  }

  protected answer(invitation: MyInvitation, answer: 'yes' | 'no'): void {
    this.problem.set(null);
    this.saved.set(null);
    this.api.answerInvitation(invitation.id, { answer }).subscribe({
      next: (updated) => {
        this.answered.update((a) => ({ ...a, [updated.id]: updated }));
        this.saved.set(updated.id);
      },
      error: (error: unknown) => this.problem.set({ id: invitation.id, message: failureWords(error) }),
    });
  }
}
