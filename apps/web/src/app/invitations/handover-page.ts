import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import {
  INVITATION_CHANNEL_LABELS,
  INVITATION_STATUS_LABELS,
  INVITATION_TARGET_LABELS,
  InvitationStatus,
  dateInWords,
  instantInWords,
} from '@heard/domain';
import type { HandoverListItem, ProblemDetails } from '@heard/domain';
import { EmptyState, PageHeader, ProblemAlert } from '@heard/ui';
import { finalize } from 'rxjs';
import { toProblem } from '../core/problem';
import { InvitationsApi } from './invitations-api';

/** Not yet in the young person's hands: these can be marked handed over. */
const WAITING: ReadonlySet<InvitationStatus> = new Set([InvitationStatus.Draft, InvitationStatus.Sent]);

/**
 * A trusted adult's "to hand over" list: invitations for the young people they support that go by
 * letter or in person. They print the letter, pass it on, and mark it handed over.
 */
@Component({
  selector: 'heard-handover-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, EmptyState, PageHeader, ProblemAlert],
  templateUrl: './handover-page.html',
  styleUrl: './handover-page.scss',
  host: { class: 'heard-page' },
})
export default class HandoverPage {
  private readonly api = inject(InvitationsApi);

  protected readonly items = signal<HandoverListItem[]>([]);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly status = signal<string | null>(null);
  protected readonly markingId = signal<string | null>(null);
  protected readonly markProblem = signal<{ id: string; problem: ProblemDetails } | null>(null);

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
}
