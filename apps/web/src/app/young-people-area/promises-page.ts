import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MAX_VERDICT_WORDS, PLEDGE_VERDICTS, PLEDGE_VERDICT_LABELS } from '@heard/domain';
import type { MyPledge, PledgeVerdict } from '@heard/domain';
import { MySpaceDatePipe } from './my-space-date.pipe';
import { MySpaceApi, failureWords, loaded } from './my-space-api';
import { COMMON, PROMISES } from './my-space-words';

interface Draft {
  verdict: PledgeVerdict | null;
  words: string;
  sending: boolean;
  message: string | null;
  problem: string | null;
}

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
              @let draft = draftOf(pledge);
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
                          [checked]="draft.verdict === verdict"
                          (change)="choose(pledge.id, verdict)"
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
                    (input)="write(pledge.id, $event)"
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
  /** Each pledge's answer as it is being given; starts from what they said before. */
  private readonly drafts = signal<Record<string, Draft>>({});
  /** Pledges as they were after their last send, so "You said" shows the new answer at once. */
  private readonly updated = signal<Record<string, MyPledge>>({});

  protected list(): MyPledge[] {
    const p = this.pledges();
    const changed = this.updated();
    return p.state === 'ready' ? p.value.map((one) => changed[one.id] ?? one) : [];
  }

  protected failure(): string {
    const p = this.pledges();
    return p.state === 'failed' ? p.message : '';
  }

  protected draftOf(pledge: MyPledge): Draft {
    return (
      this.drafts()[pledge.id] ?? {
        verdict: pledge.myVerdict?.verdict ?? null,
        words: pledge.myVerdict?.words ?? '',
        sending: false,
        message: null,
        problem: null,
      }
    );
  }

  protected choose(pledgeId: string, verdict: PledgeVerdict): void {
    this.change(pledgeId, { verdict, message: null, problem: null });
  }

  protected write(pledgeId: string, event: Event): void {
    this.change(pledgeId, { words: (event.target as HTMLTextAreaElement).value, message: null });
  }

  protected send(event: Event, pledge: MyPledge): void {
    event.preventDefault();
    const draft = this.draftOf(pledge);
    if (draft.verdict === null) {
      this.change(pledge.id, { problem: this.words.chooseOne });
      return;
    }
    this.change(pledge.id, { sending: true, problem: null, message: null });
    this.api.ratePledge(pledge.id, { verdict: draft.verdict, words: draft.words.trim() || null }).subscribe({
      next: (saved) => {
        this.updated.update((u) => ({ ...u, [pledge.id]: saved }));
        this.change(pledge.id, { sending: false, message: this.words.saved });
      },
      error: (error: unknown) => this.change(pledge.id, { sending: false, problem: failureWords(error) }),
    });
  }

  private change(pledgeId: string, patch: Partial<Draft>): void {
    const pledge = this.list().find((p) => p.id === pledgeId);
    if (!pledge) return;
    this.drafts.update((d) => ({ ...d, [pledgeId]: { ...this.draftOf(pledge), ...patch } }));
  }
}
