import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MAX_PLAN_REPLY, WORRY_WORDS_MAX } from '@heard/domain';
import type { PlanCommentView, PlanCommentsResponse, ProblemDetails } from '@heard/domain';
import { ProblemAlert } from '@heard/ui';
import { instantWords } from '../action-log/action-log-words';
import { pageFocus } from '../core/focus';
import { saveForm } from '../core/save-form';
import { PlansApi } from './plans-api';

/**
 * Young experts' comments on one section's child-friendly text, from "a young expert" (never
 * named), each with the officer's reply saying what was changed because of it. Words that may show
 * a young person is unsafe are pointed out, as on the evaluations pages: only the officer decides.
 */
@Component({
  selector: 'heard-plan-section-comments',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './plans.scss',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, ProblemAlert],
  template: `
    <section class="plan-comments" [attr.aria-labelledby]="headingId()">
      <h3 [id]="headingId()">Young experts’ comments</h3>
      @if (comments().length === 0) {
        <p class="meta">No comments on this part yet.</p>
      } @else {
        <ul class="heard-records">
          @for (c of comments(); track c.id) {
            <li class="heard-record" [attr.data-comment]="c.id">
              <p class="meta">A young expert, {{ when(c.at) }}</p>
              <blockquote class="words">{{ c.words }}</blockquote>
              @if (c.wordsToCheck.length > 0) {
                <p class="heard-read-again">
                  Please read this again: it uses
                  @for (word of c.wordsToCheck; track word; let last = $last) {
                    <q>{{ word }}</q
                    >{{ last ? '.' : ', ' }}
                  }
                  Only you can decide whether to raise a worry.
                </p>
              }
              @if (c.reply; as reply) {
                <p class="reply">
                  <strong>What we changed:</strong> {{ reply.words }}
                  <span class="meta">({{ reply.by.displayName }}, {{ when(reply.at) }})</span>
                </p>
              }
              @if (mayRaiseWorry()) {
                @if (worryFor() === c.id) {
                  <form [formGroup]="worry" (ngSubmit)="sendWorry(c)" class="reply-form" novalidate>
                    @if (worryProblem(); as problem) {
                      <heard-problem-alert [problem]="problem" />
                    }
                    <p class="meta">
                      It goes to the safeguarding contacts at once, with the name of the young person who
                      wrote it.
                    </p>
                    <mat-form-field>
                      <mat-label
                        >The worry, in your words (leave empty to send the comment as it is)</mat-label
                      >
                      <textarea matInput formControlName="words" rows="3" [id]="'worry-' + c.id"></textarea>
                      <mat-error>
                        @if (worry.controls.words.getError('server'); as message) {
                          {{ message }}
                        } @else {
                          Keep this under {{ maxWorry }} characters.
                        }
                      </mat-error>
                    </mat-form-field>
                    <div class="heard-buttons">
                      <button mat-flat-button type="submit" [attr.aria-disabled]="saving()">
                        {{ saving() ? 'Sending…' : 'Send to the safeguarding contacts' }}
                      </button>
                      <button mat-button type="button" (click)="worryFor.set(null)">Cancel</button>
                    </div>
                  </form>
                } @else {
                  <button mat-stroked-button type="button" (click)="openWorry(c)">Raise a worry</button>
                }
              }
              @if (worrySent()[c.id]; as sent) {
                <p class="heard-status" role="status">{{ sent }}</p>
              }
              @if (mayReply()) {
                @if (replying() === c.id) {
                  <form [formGroup]="form" (ngSubmit)="send(c)" class="reply-form" novalidate>
                    @if (problem(); as problem) {
                      <heard-problem-alert [problem]="problem" />
                    }
                    <mat-form-field>
                      <mat-label>What was changed because of this comment</mat-label>
                      <textarea matInput formControlName="words" rows="3" [id]="'reply-' + c.id"></textarea>
                      <mat-error>
                        @if (form.controls.words.getError('server'); as message) {
                          {{ message }}
                        } @else if (form.controls.words.hasError('maxlength')) {
                          Keep this under {{ maxReply }} characters.
                        } @else {
                          Say what was changed because of this comment, or why nothing was.
                        }
                      </mat-error>
                    </mat-form-field>
                    <div class="heard-buttons">
                      <button mat-flat-button type="submit" [attr.aria-disabled]="saving()">
                        {{ saving() ? 'Saving…' : 'Save the reply' }}
                      </button>
                      <button mat-button type="button" (click)="replying.set(null)">Cancel</button>
                    </div>
                  </form>
                } @else {
                  <button mat-stroked-button type="button" (click)="open(c)">
                    {{ c.reply ? 'Change the reply' : 'Reply' }}
                  </button>
                }
              }
            </li>
          }
        </ul>
      }
    </section>
  `,
})
export class PlanSectionComments {
  private readonly api = inject(PlansApi);
  private readonly focus = pageFocus();

  readonly versionId = input.required<string>();
  readonly sectionKey = input.required<string>();
  readonly comments = input.required<PlanCommentView[]>();
  readonly mayReply = input.required<boolean>();
  /** Officers raise a worry from a comment at every stage of the plan: a worry does not wait. */
  readonly mayRaiseWorry = input(false);
  /** Every comment on the version as the API has them after a reply. */
  readonly replied = output<PlanCommentsResponse>();

  protected readonly replying = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly maxReply = MAX_PLAN_REPLY;
  protected readonly when = instantWords;
  protected readonly form = new FormGroup({
    words: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(MAX_PLAN_REPLY)],
    }),
  });

  protected readonly worryFor = signal<string | null>(null);
  protected readonly worryProblem = signal<ProblemDetails | null>(null);
  protected readonly worrySent = signal<Readonly<Record<string, string>>>({});
  protected readonly maxWorry = WORRY_WORDS_MAX;
  protected readonly worry = new FormGroup({
    words: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(WORRY_WORDS_MAX)] }),
  });

  protected openWorry(c: PlanCommentView): void {
    this.worryProblem.set(null);
    this.worry.reset({ words: '' });
    this.worryFor.set(c.id);
    this.focus.later(`#worry-${c.id}`);
  }

  protected sendWorry(c: PlanCommentView): void {
    saveForm({
      form: this.worry,
      focus: this.focus,
      saving: this.saving,
      problem: this.worryProblem,
      within: `[data-comment="${c.id}"]`,
      request: () =>
        this.api.raiseWorry(this.versionId(), c.id, this.worry.getRawValue().words.trim() || null),
      saved: (raised) => {
        this.worryFor.set(null);
        this.worrySent.update((sent) => ({ ...sent, [c.id]: raised.message }));
      },
    });
  }

  protected headingId(): string {
    return `plan-comments-${this.sectionKey()}`;
  }

  protected open(c: PlanCommentView): void {
    this.problem.set(null);
    this.form.reset({ words: c.reply?.words ?? '' });
    this.replying.set(c.id);
    this.focus.later(`#reply-${c.id}`);
  }

  protected send(c: PlanCommentView): void {
    saveForm({
      form: this.form,
      focus: this.focus,
      saving: this.saving,
      problem: this.problem,
      within: `[data-comment="${c.id}"]`,
      request: () => this.api.reply(this.versionId(), c.id, this.form.getRawValue()),
      saved: (response) => {
        this.replying.set(null);
        this.replied.emit(response);
      },
    });
  }
}
