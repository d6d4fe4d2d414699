import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import {
  INVITATION_CHANNEL_LABELS,
  INVITATION_STATUS_LABELS,
  INVITATION_TARGET_LABELS,
  InvitationStatus,
  dateInWords,
  instantInWords,
  todayInLondon,
} from '@heard/domain';
import type { HandoverListItem, ProblemDetails } from '@heard/domain';
import { EmptyState, PageHeader, ProblemAlert } from '@heard/ui';
import { finalize } from 'rxjs';
import { pageFocus } from '../core/focus';
import { toProblem } from '../core/problem';
import { saveForm } from '../core/save-form';
import { AnswerFields, answerRequestFrom, recordAnswerForm } from './answer-fields';
import { ANSWERABLE } from './invitation-words';
import { InvitationsApi } from './invitations-api';

/** Not yet in the young person's hands: these can be marked handed over. */
const WAITING: ReadonlySet<InvitationStatus> = new Set([
  InvitationStatus.Draft,
  InvitationStatus.ToDeliver,
  InvitationStatus.Sent,
]);

/**
 * A trusted adult's "to hand over" list: invitations for the young people they support that go by
 * letter or in person. They print the letter, pass it on, and mark it handed over.
 */
@Component({
  selector: 'heard-handover-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    AnswerFields,
    EmptyState,
    PageHeader,
    ProblemAlert,
  ],
  templateUrl: './handover-page.html',
  styleUrl: './handover-page.scss',
  host: { class: 'heard-page' },
})
export default class HandoverPage {
  private readonly api = inject(InvitationsApi);
  private readonly focus = pageFocus();
  private readonly today = todayInLondon();

  protected readonly items = signal<HandoverListItem[]>([]);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly status = signal<string | null>(null);
  protected readonly markingId = signal<string | null>(null);
  protected readonly markProblem = signal<{ id: string; problem: ProblemDetails } | null>(null);
  /** The invitation whose answer form is open. */
  protected readonly answering = signal<string | null>(null);
  protected readonly answerSaving = signal(false);
  protected readonly answerProblem = signal<ProblemDetails | null>(null);

  protected readonly answerForm = recordAnswerForm();

  protected readonly channelLabel = (item: HandoverListItem) =>
    INVITATION_CHANNEL_LABELS[item.channel] ?? item.channel;
  protected readonly statusLabel = (item: HandoverListItem) =>
    INVITATION_STATUS_LABELS[item.status] ?? item.status;
  protected readonly kindLabel = (item: HandoverListItem) =>
    INVITATION_TARGET_LABELS[item.target.kind] ?? item.target.kind;
  protected readonly dateWords = dateInWords;
  protected readonly instantWords = (at: string) => instantInWords(new Date(at));
  protected readonly canMark = (item: HandoverListItem) =>
    item.handedOverAt === null && WAITING.has(item.status);
  /** Until the day, they can pass on what the young person said, and change it if they change their mind. */
  protected readonly canAnswer = (item: HandoverListItem) =>
    ANSWERABLE.has(item.status) && item.target.date >= this.today;

  constructor() {
    this.api
      .handoverList()
      .pipe(
        finalize(() => this.loading.set(false)),
        takeUntilDestroyed(),
      )
      .subscribe({
        next: (items) => this.items.set(items),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  protected markHandedOver(item: HandoverListItem): void {
    if (this.markingId()) return;
    this.markingId.set(item.invitationId);
    this.markProblem.set(null);
    this.api
      .markHandedOver(item.invitationId)
      .pipe(finalize(() => this.markingId.set(null)))
      .subscribe({
        next: (invitation) => {
          const handedOverAt = invitation.handedOverAt ?? new Date().toISOString();
          this.items.update((items) =>
            items.map((one) =>
              one.invitationId === item.invitationId
                ? { ...one, status: invitation.status, handedOverAt }
                : one,
            ),
          );
          this.status.set(
            `Marked as handed over to ${item.youngPerson.preferredName}. They can now answer it themselves.`,
          );
        },
        error: (error: unknown) => this.markProblem.set({ id: item.invitationId, problem: toProblem(error) }),
      });
  }

  protected toggleAnswer(item: HandoverListItem): void {
    this.answerProblem.set(null);
    if (this.answering() === item.invitationId) {
      this.answering.set(null);
      return;
    }
    this.answerForm.reset({ answer: null, reason: '' });
    this.answering.set(item.invitationId);
    this.focus.later(`#answer-${item.invitationId} mat-radio-button input`);
  }

  protected saveAnswer(item: HandoverListItem): void {
    saveForm({
      form: this.answerForm,
      focus: this.focus,
      within: `#answer-${item.invitationId}`,
      saving: this.answerSaving,
      problem: this.answerProblem,
      request: () => {
        this.status.set(null);
        return this.api.answer(item.invitationId, answerRequestFrom(this.answerForm));
      },
      saved: (invitation) => {
        this.items.update((items) =>
          items.map((one) =>
            one.invitationId === item.invitationId
              ? {
                  ...one,
                  status: invitation.status,
                  handedOverAt: invitation.handedOverAt ?? one.handedOverAt,
                }
              : one,
          ),
        );
        this.answering.set(null);
        this.status.set(
          `Saved ${item.youngPerson.preferredName}'s answer. Status: ${INVITATION_STATUS_LABELS[invitation.status]}.`,
        );
        this.focus.later(`#item-${item.invitationId}`);
      },
    });
  }
}
