import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MAX_RATING_COMMENT, MyResponse, RATING_SCALE, Rating } from '@heard/domain';
import { MySpaceDatePipe } from './my-space-date.pipe';
import { MySpaceApi, failureWords, loaded } from './my-space-api';
import { COMMON, RESPONSES } from './my-space-words';

interface Draft {
  rating: Rating | null;
  comment: string;
  sending: boolean;
  message: string | null;
  problem: string | null;
}

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
              @let draft = draftOf(item);
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
                          [checked]="draft.rating === step.value"
                          (change)="choose(item.itemId, step.value)"
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
                    [value]="draft.comment"
                    (input)="write(item.itemId, $event)"
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
  /** Each item's answer as it is being given; starts from what they said before. */
  private readonly drafts = signal<Record<string, Draft>>({});
  /** Items as they were after their last send, so "You said" shows the new face at once. */
  private readonly updated = signal<Record<string, MyResponse>>({});

  protected list(): MyResponse[] {
    const r = this.responses();
    const changed = this.updated();
    return r.state === 'ready' ? r.value.map((i) => changed[i.itemId] ?? i) : [];
  }

  protected failure(): string {
    const r = this.responses();
    return r.state === 'failed' ? r.message : '';
  }

  protected draftOf(item: MyResponse): Draft {
    return (
      this.drafts()[item.itemId] ?? {
        rating: item.myRating?.face.value ?? null,
        comment: item.myRating?.comment ?? '',
        sending: false,
        message: null,
        problem: null,
      }
    );
  }

  protected choose(itemId: string, rating: Rating): void {
    this.change(itemId, { rating, message: null, problem: null });
  }

  protected write(itemId: string, event: Event): void {
    this.change(itemId, { comment: (event.target as HTMLTextAreaElement).value, message: null });
  }

  protected send(event: Event, item: MyResponse): void {
    event.preventDefault();
    const draft = this.draftOf(item);
    if (draft.rating === null) {
      this.change(item.itemId, { problem: this.words.chooseFace });
      return;
    }
    this.change(item.itemId, { sending: true, problem: null, message: null });
    this.api.rateResponse(item.itemId, { rating: draft.rating, comment: draft.comment }).subscribe({
      next: (saved) => {
        this.updated.update((u) => ({ ...u, [item.itemId]: saved }));
        this.change(item.itemId, { sending: false, message: this.words.saved });
      },
      error: (error: unknown) => this.change(item.itemId, { sending: false, problem: failureWords(error) }),
    });
  }

  private change(itemId: string, patch: Partial<Draft>): void {
    const item = this.list().find((i) => i.itemId === itemId);
    if (!item) return;
    this.drafts.update((d) => ({ ...d, [itemId]: { ...this.draftOf(item), ...patch } }));
  }
}
