import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import {
  INVITATION_CHANNEL_LABELS,
  INVITATION_STATUS_LABELS,
  InvitationChannel,
  InvitationStatus,
  todayInLondon,
} from '@heard/domain';
import type { ActivityDayResponse, InvitationResponse, ProblemDetails } from '@heard/domain';
import { EmptyState, ProblemAlert } from '@heard/ui';
import type { Observable } from 'rxjs';
import { loadRecord } from '../core/load-record';
import { saveForm } from '../core/save-form';
import { ActivitiesApi } from './activities-api';
import { AnswerFields, answerRequestFrom, recordAnswerForm } from '../invitations/answer-fields';
import { ANSWERABLE, channelHowTo, invitationSummary } from '../invitations/invitation-words';
import { InvitationsApi, letterUrl } from '../invitations/invitations-api';
import { pageFocus } from '../core/focus';

/** Sending and recording a delivery have nothing to fill in. */
const NO_FIELDS = new FormGroup({});

type RowAction = { id: string; kind: 'answer' | 'withdraw' };

/** Everyone invited to an activity day, how their invitation reached them, and what they said. */
@Component({
  selector: 'heard-activity-invitations-tab',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    AnswerFields,
    EmptyState,
    ProblemAlert,
  ],
  templateUrl: './activity-invitations-tab.html',
  styleUrl: './activity-tabs.scss',
})
export class ActivityInvitationsTab {
  private readonly api = inject(ActivitiesApi);
  private readonly invitationsApi = inject(InvitationsApi);
  private readonly focus = pageFocus();

  readonly activity = input.required<ActivityDayResponse>();
  readonly changed = output<void>();

  protected readonly invitations = signal<InvitationResponse[]>([]);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly status = signal<string | null>(null);
  protected readonly action = signal<RowAction | null>(null);
  protected readonly actionProblem = signal<ProblemDetails | null>(null);
  protected readonly busy = signal(false);
  /** The row the last action was on, so a problem shows next to it. */
  protected readonly failedRow = signal<string | null>(null);

  protected readonly channelLabels = INVITATION_CHANNEL_LABELS;
  protected readonly statusLabels = INVITATION_STATUS_LABELS;
  protected readonly letterUrl = letterUrl;
  protected readonly summary = computed(() => invitationSummary(this.invitations()));
  protected readonly dayPassed = computed(() => todayInLondon() > this.activity().date);
  protected readonly cancelled = computed(() => this.activity().status === 'cancelled');

  protected readonly answerForm = recordAnswerForm();
  protected readonly withdrawForm = new FormGroup({
    reason: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(300)] }),
  });

  constructor() {
    // Keyed on the id, so the page handing in a fresh copy of the same day does not load it again.
    loadRecord(
      computed(() => this.activity().id),
      (id) => this.api.invitations(id),
      { loading: this.loading, problem: this.problem },
    )
      .pipe(takeUntilDestroyed())
      .subscribe((invitations) => {
        this.invitations.set(invitations);
        this.loading.set(false);
      });
  }

  protected isLetter(invitation: InvitationResponse): boolean {
    return invitation.channel === InvitationChannel.Letter;
  }

  protected isDraft(invitation: InvitationResponse): boolean {
    return invitation.status === InvitationStatus.Draft;
  }

  /** Recorded as reaching them by phone, WhatsApp, voice note or in person: someone says it did. */
  protected isToDeliver(invitation: InvitationResponse): boolean {
    return invitation.status === InvitationStatus.ToDeliver;
  }

  protected canAnswer(invitation: InvitationResponse): boolean {
    return !this.dayPassed() && !this.cancelled() && ANSWERABLE.has(invitation.status);
  }

  protected canWithdraw(invitation: InvitationResponse): boolean {
    return (
      !this.dayPassed() &&
      !this.cancelled() &&
      (ANSWERABLE.has(invitation.status) || invitation.status === InvitationStatus.Draft)
    );
  }

  protected isOpen(invitation: InvitationResponse, kind: RowAction['kind']): boolean {
    const action = this.action();
    return action?.id === invitation.id && action.kind === kind;
  }

  protected toggle(invitation: InvitationResponse, kind: RowAction['kind']): void {
    this.actionProblem.set(null);
    if (this.isOpen(invitation, kind)) {
      this.action.set(null);
      return;
    }
    this.answerForm.reset({ answer: null, reason: '' });
    this.withdrawForm.reset({ reason: '' });
    this.action.set({ id: invitation.id, kind });
    this.focus.later(`#${kind}-${invitation.id} mat-radio-button input, #${kind}-${invitation.id} textarea`);
  }

  protected send(invitation: InvitationResponse): void {
    this.run(
      invitation,
      NO_FIELDS,
      () => this.invitationsApi.send(invitation.id),
      (sent) =>
        sent.channel === InvitationChannel.Email
          ? `${sent.youngPerson.preferredName}'s invitation is on its way by email.`
          : `${sent.youngPerson.preferredName}'s invitation is ready: ${channelHowTo(sent)}`,
    );
  }

  protected delivered(invitation: InvitationResponse): void {
    this.run(
      invitation,
      NO_FIELDS,
      () => this.invitationsApi.markDelivered(invitation.id),
      (saved) => `${saved.youngPerson.preferredName}'s invitation reached them. It now counts as invited.`,
    );
  }

  protected saveAnswer(invitation: InvitationResponse): void {
    this.run(
      invitation,
      this.answerForm,
      () => this.invitationsApi.answer(invitation.id, answerRequestFrom(this.answerForm)),
      (saved) => `${saved.youngPerson.preferredName}: ${INVITATION_STATUS_LABELS[saved.status]}.`,
    );
  }

  protected withdraw(invitation: InvitationResponse): void {
    this.run(
      invitation,
      this.withdrawForm,
      () =>
        this.invitationsApi.withdraw(invitation.id, this.withdrawForm.getRawValue().reason.trim() || null),
      (saved) =>
        `${saved.youngPerson.preferredName}'s invitation is withdrawn. If they had a place, the next person on the waiting list is offered it.`,
    );
  }

  /** Every row action saves like a form, with its problem and focus kept to the row. */
  private run(
    invitation: InvitationResponse,
    form: FormGroup,
    request: () => Observable<InvitationResponse>,
    message: (saved: InvitationResponse) => string,
  ): void {
    saveForm({
      form,
      focus: this.focus,
      within: `#row-${invitation.id}`,
      saving: this.busy,
      problem: this.actionProblem,
      request: () => {
        this.failedRow.set(invitation.id);
        this.status.set(null);
        return request();
      },
      saved: (saved) => {
        this.invitations.update((list) => list.map((i) => (i.id === saved.id ? saved : i)));
        this.action.set(null);
        this.status.set(message(saved));
        this.changed.emit();
      },
    });
  }
}
