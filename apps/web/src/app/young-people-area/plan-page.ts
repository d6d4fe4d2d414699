import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { DecimalPipe } from '@angular/common';
import { RouterLink } from '@angular/router';
import { MAX_PLAN_COMMENT } from '@heard/domain';
import type { MyPlanComment, MyPlanSection, PlanSectionKey } from '@heard/domain';
import { PlanDocumentView } from '../plans/view/plan-document-view';
import { MySpaceApi, failureWords, loaded } from './my-space-api';
import { MySpaceDatePipe } from './my-space-date.pipe';
import { COMMON, HOME, OUR_PLAN } from './my-space-words';

/** One section's comment as it is being written, and how sending it went. */
interface Draft {
  words: string;
  sending: boolean;
  message: string | null;
  problem: string | null;
}

const EMPTY_DRAFT: Draft = { words: '', sending: false, message: null, problem: null };

/**
 * "Our plan" on a young expert's own pages (issue 14 §4, docs/plan.md): the child-friendly text of
 * the plan in scrutiny, section by section, each with a box for what they think, and their own
 * earlier comments with what was changed because of them. Beside each box, before they send: who
 * reads it (the participation team, never other young people) and that a worry goes to its own
 * page, where it reaches the safeguarding contacts at once (DOMAIN.md, Children's Code).
 */
@Component({
  selector: 'heard-my-plan-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, DecimalPipe, MySpaceDatePipe, PlanDocumentView],
  template: `
    <h1>{{ words.title }}</h1>
    @switch (plan().state) {
      @case ('loading') {
        <p role="status">{{ common.loading }}</p>
      }
      @case ('failed') {
        <p class="problem" role="alert">{{ failure() }}</p>
      }
      @case ('ready') {
        @if (version(); as v) {
          @for (line of words.intro; track line) {
            <p>{{ line }}</p>
          }
          <p>{{ words.runs }} {{ v.period.from | myDate }} {{ words.to }} {{ v.period.to | myDate }}.</p>
          @for (section of v.sections; track section.key) {
            @let draft = draftOf(section.key);
            <section class="card part" [attr.aria-labelledby]="'part-' + section.key">
              <h2 [id]="'part-' + section.key">{{ words.parts[section.key] }}</h2>
              <heard-plan-document
                [document]="section.childFriendly"
                [headingBase]="2"
                pictures="youngExpert"
              />

              <form class="say" (submit)="send($event, v.id, section.key)">
                <label [for]="'words-' + section.key">{{ words.label }}</label>
                <p [id]="'who-' + section.key">
                  @for (line of words.whoReads; track line) {
                    {{ line }}
                  }
                </p>
                <p>
                  {{ words.notForWorries }} <a routerLink="../worry">{{ home.worry }}</a
                  >.
                </p>
                <textarea
                  [id]="'words-' + section.key"
                  rows="4"
                  [attr.maxlength]="max"
                  [attr.aria-describedby]="'who-' + section.key + ' count-' + section.key"
                  [value]="draft.words"
                  (input)="write(section.key, $event)"
                ></textarea>
                <p class="count" [id]="'count-' + section.key">
                  {{ words.used }} {{ draft.words.length | number }} {{ words.of }} {{ max | number }}
                </p>
                <button type="submit" class="big primary" [disabled]="draft.sending">
                  {{ draft.sending ? common.sending : words.send }}
                </button>
                <p role="status">{{ draft.message ?? '' }}</p>
                @if (draft.problem) {
                  <p class="problem" role="alert">{{ draft.problem }}</p>
                }
              </form>

              @let said = commentsOf(section);
              @if (said.length > 0) {
                <h3>{{ words.yoursHeading }}</h3>
                <ul class="said">
                  @for (c of said; track c.id) {
                    <li>
                      <p>{{ words.youSaidOn }} {{ c.at | myDate }}:</p>
                      <p class="words">{{ c.words }}</p>
                      @if (c.reply; as reply) {
                        <p class="reply">
                          <strong>{{ words.whatWeChanged }}:</strong> {{ reply.words }}
                        </p>
                      } @else {
                        <p>{{ words.noAnswerYet }}</p>
                      }
                    </li>
                  }
                </ul>
              }
            </section>
          }
        } @else {
          @for (line of words.none; track line) {
            <p>{{ line }}</p>
          }
        }
      }
    }
    <a class="big" routerLink="..">{{ common.back }}</a>
  `,
  styleUrl: './my-space.scss',
  styles: `
    .part {
      margin: 0 0 24px;
    }
    .say {
      margin-top: 16px;
    }
    .say .count {
      font-size: 1rem;
    }
    .said {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 12px;
    }
    .said li {
      padding: 12px 16px;
      border-inline-start: 4px solid var(--mat-sys-primary);
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
    }
    .said .words {
      white-space: pre-line;
    }
  `,
  host: { class: 'heard-page heard-young' },
})
export default class PlanPage {
  private readonly api = inject(MySpaceApi);
  protected readonly words = OUR_PLAN;
  protected readonly common = COMMON;
  protected readonly home = HOME;
  protected readonly max = MAX_PLAN_COMMENT;
  protected readonly plan = loaded(this.api.plan());
  protected readonly version = computed(() => {
    const plan = this.plan();
    return plan.state === 'ready' ? plan.value.version : null;
  });
  protected readonly failure = computed(() => {
    const plan = this.plan();
    return plan.state === 'failed' ? plan.message : '';
  });

  private readonly drafts = signal<Partial<Record<PlanSectionKey, Draft>>>({});
  /** Comments sent from this page, shown with the earlier ones without reading the plan again. */
  private readonly sent = signal<MyPlanComment[]>([]);

  protected draftOf(key: PlanSectionKey): Draft {
    return this.drafts()[key] ?? EMPTY_DRAFT;
  }

  protected commentsOf(section: MyPlanSection): MyPlanComment[] {
    const earlier = new Set(section.comments.map((c) => c.id));
    return [
      ...section.comments,
      ...this.sent().filter((c) => c.section === section.key && !earlier.has(c.id)),
    ];
  }

  protected write(key: PlanSectionKey, event: Event): void {
    this.change(key, { words: (event.target as HTMLTextAreaElement).value, message: null });
  }

  protected send(event: Event, versionId: string, key: PlanSectionKey): void {
    event.preventDefault();
    const typed = this.draftOf(key).words;
    const words = typed.trim();
    const problem = !words ? OUR_PLAN.writeFirst : words.length > MAX_PLAN_COMMENT ? OUR_PLAN.tooLong : null;
    if (problem) {
      this.change(key, { problem, message: null });
      return;
    }
    this.change(key, { sending: true, problem: null, message: null });
    this.api.commentOnPlan({ versionId, section: key, words }).subscribe({
      next: (comment) => {
        this.sent.update((all) => [...all, comment]);
        this.change(key, { words: '', sending: false, message: OUR_PLAN.sent });
      },
      // Their words stay in the box whatever went wrong, so nothing they wrote is lost.
      error: (error: unknown) => this.change(key, { sending: false, problem: problemWords(error, typed) }),
    });
  }

  private change(key: PlanSectionKey, patch: Partial<Draft>): void {
    this.drafts.update((all) => ({ ...all, [key]: { ...(all[key] ?? EMPTY_DRAFT), ...patch } }));
  }
}

/**
 * Plain words for a refused comment. The server's own words for a 400 name the field ("Please
 * check this field: words."), which is for developers, so each refusal has measured words here.
 */
function problemWords(error: unknown, typed: string): string {
  if (error instanceof HttpErrorResponse) {
    if (error.status === 409) return OUR_PLAN.closed;
    if (error.status === 400) {
      const fields = (error.error as { errors?: Record<string, unknown> } | null)?.errors ?? {};
      if ('words' in fields) return typed.trim() ? OUR_PLAN.tooLong : OUR_PLAN.writeFirst;
      return OUR_PLAN.changed;
    }
  }
  return failureWords(error);
}
