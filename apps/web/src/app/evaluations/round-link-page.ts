import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import type { EvaluationAnswerInput, EvaluationLinkView } from '@heard/domain';
import { ROUND_STATE_MESSAGES, WORRY_BEFORE_YOU_SEND, WORRY_WORDS_MAX } from '@heard/domain';
import { pageFocus } from '../core/focus';
import { AnswerForm } from './answer-form/answer-form';
import * as W from './answer-form/answer-words';
import { EvaluationLinkApi } from './evaluation-link-api';
import { IdempotencyKeys } from '../core/idempotency-keys';

/** Why the page cannot take answers. A closed round still takes a worry (docs/worries.md). */
type Stopped = 'unknown' | 'not_open_yet' | 'closed' | 'offline';

const STOPPED_WORDS: Readonly<Record<Stopped, readonly string[]>> = {
  unknown: W.UNKNOWN_LINK,
  not_open_yet: W.ROUND_NOT_OPEN_YET,
  closed: W.ROUND_CLOSED,
  offline: W.LINK_OFFLINE,
};

function stoppedBy(error: unknown): Stopped {
  if (!(error instanceof HttpErrorResponse)) return 'offline';
  if (error.status === 404) return 'unknown';
  if (error.status === 409) {
    const detail = (error.error as { detail?: unknown } | null)?.detail;
    return detail === ROUND_STATE_MESSAGES.not_open_yet ? 'not_open_yet' : 'closed';
  }
  return 'offline';
}

/**
 * A round's page for anyone with its link, on a phone first: the questions (with picture mode
 * and read aloud), a few plain words before sending, and "I'm worried about something", which
 * goes straight to the safeguarding contacts. Nothing here asks or keeps who they are.
 */
@Component({
  selector: 'heard-round-link-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AnswerForm],
  templateUrl: './round-link-page.html',
  styleUrl: './round-link-page.scss',
  host: { class: 'heard-page heard-young' },
})
export default class RoundLinkPage {
  private readonly api = inject(EvaluationLinkApi);
  private readonly focus = pageFocus();

  /** The token from `/evaluate/<token>`; empty when the link was cut short. */
  readonly token = input('');

  protected readonly W = W;
  protected readonly worryWords = WORRY_BEFORE_YOU_SEND;
  /** Said again after a worry is sent: what to do if they are in danger now. */
  protected readonly inDanger = WORRY_BEFORE_YOU_SEND.filter((line) => /999|Childline/.test(line));
  protected readonly worryMax = WORRY_WORDS_MAX;

  protected readonly view = signal<EvaluationLinkView | null>(null);
  protected readonly stopped = signal<Stopped | null>(null);
  protected readonly pictureMode = signal(false);
  protected readonly answers = signal<EvaluationAnswerInput[]>([]);
  protected readonly sending = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly sent = signal(false);

  protected readonly worrying = signal(false);
  protected readonly worryText = signal('');
  protected readonly worryProblem = signal<string | null>(null);
  protected readonly worrySending = signal(false);
  protected readonly worrySent = signal(false);

  /** One key per set of answers, kept until the server has them, so a resend lands once. */
  private readonly keys = new IdempotencyKeys();

  constructor() {
    effect((onCleanup) => {
      const token = this.token();
      this.view.set(null);
      this.stopped.set(null);
      if (!token) {
        this.stopped.set('unknown');
        return;
      }
      const sub = this.api.view(token).subscribe({
        next: (view) => this.view.set(view),
        error: (error: unknown) => this.stopped.set(stoppedBy(error)),
      });
      onCleanup(() => sub.unsubscribe());
    });
  }

  protected togglePictureMode(): void {
    this.pictureMode.update((on) => !on);
  }

  protected send(): void {
    if (this.sending()) return;
    const answers = this.answers();
    if (answers.length === 0) {
      this.problem.set(W.ANSWER_ONE_FIRST);
      this.focus.later('#link-problem');
      return;
    }
    this.problem.set(null);
    this.sending.set(true);
    const body = { pictureMode: this.pictureMode(), answers };
    this.api.answer(this.token(), this.keys.for(body), body).subscribe({
      next: () => {
        this.sending.set(false);
        this.keys.done();
        this.sent.set(true);
        this.focus.later('#link-thanks');
      },
      error: (error: unknown) => {
        this.sending.set(false);
        const stopped = stoppedBy(error);
        if (stopped === 'closed' || stopped === 'unknown') {
          this.stopped.set(stopped);
          this.view.set(null);
          return;
        }
        this.problem.set(W.SEND_FAILED);
        this.focus.later('#link-problem');
      },
    });
  }

  protected startWorry(): void {
    this.worrying.set(true);
    this.worrySent.set(false);
    this.focus.later('#worry-heading');
  }

  protected stopWorry(): void {
    this.worrying.set(false);
    this.worryProblem.set(null);
  }

  protected writeWorry(event: Event): void {
    this.worryText.set((event.target as HTMLTextAreaElement).value);
  }

  protected sendWorry(): void {
    if (this.worrySending()) return;
    const words = this.worryText().trim();
    if (!words) {
      this.worryProblem.set(W.WORRY_EMPTY);
      this.focus.later('#worry-problem');
      return;
    }
    this.worryProblem.set(null);
    this.worrySending.set(true);
    this.api.worry(this.token(), words).subscribe({
      next: () => {
        this.worrySending.set(false);
        this.worrying.set(false);
        this.worryText.set('');
        this.worrySent.set(true);
        this.focus.later('#worry-thanks');
      },
      error: () => {
        this.worrySending.set(false);
        this.worryProblem.set(W.WORRY_SEND_FAILED);
        this.focus.later('#worry-problem');
      },
    });
  }

  protected stoppedWords(stopped: Stopped): readonly string[] {
    return STOPPED_WORDS[stopped];
  }

  /** Another set of answers on the same device (a shared tablet at an activity day). */
  protected answerAgain(): void {
    this.sent.set(false);
    this.answers.set([]);
  }
}
