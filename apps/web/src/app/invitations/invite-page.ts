import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { INVITATION_CHANNEL_LABELS, InvitationChannel } from '@heard/domain';
import type {
  ActivityDayResponse,
  InvitationCreateRequest,
  InvitationSuggestionsResponse,
  ProblemDetails,
} from '@heard/domain';
import { PageHeader, ProblemAlert } from '@heard/ui';
import { finalize, forkJoin } from 'rxjs';
import { loadRecord } from '../core/load-record';
import { toProblem } from '../core/problem';
import { ActivitiesApi } from '../activities/activities-api';
import { InvitationsApi } from './invitations-api';
import { activityWhen } from '../activities/activity-format';
import { pageFocus } from '../core/focus';
import { HowOftenAskedText, howOftenAskedState } from '../evaluations/how-often-asked';

/** One young person's line in the wizard. */
export interface InviteChoice {
  youngPersonId: string;
  preferredName: string;
  selected: boolean;
  channel: InvitationChannel;
  /** The channels they agreed to, from the API's own rule (`agreedChannels`): the only ones offered. */
  channels: InvitationChannel[];
  viaTrustedAdult: { id: string; displayName: string } | null;
  /** The parent or carer on their record, who can be sent a copy. */
  parentCarer: { name: string; channel: 'email' | 'phone' } | null;
  alsoToParentCarer: boolean;
  /** Not suggested: inviting them needs the outside-cohort reason. */
  outside: boolean;
  /** Why they were not suggested, or the suggestion's note. */
  note: string | null;
  /** Already invited: shown, but cannot be chosen again. */
  locked: boolean;
}

/** Only the channels the young person agreed to, as the API judged them. */
export function channelsFor(choice: Pick<InviteChoice, 'channels'>): InvitationChannel[] {
  return choice.channels;
}

export function choicesFrom(suggestions: InvitationSuggestionsResponse): InviteChoice[] {
  return [
    ...suggestions.suggested.map((s) => ({
      youngPersonId: s.youngPerson.id,
      preferredName: s.youngPerson.preferredName,
      selected: true,
      channel: s.channel,
      channels: s.channels,
      viaTrustedAdult: s.viaTrustedAdult,
      parentCarer: s.parentCarer,
      alsoToParentCarer: false,
      outside: false,
      note: s.note,
      locked: false,
    })),
    ...suggestions.notSuggested.map((s) => ({
      youngPersonId: s.youngPerson.id,
      preferredName: s.youngPerson.preferredName,
      selected: false,
      channel: s.channels[0] ?? InvitationChannel.InPerson,
      channels: s.channels,
      viaTrustedAdult: s.viaTrustedAdult,
      parentCarer: s.parentCarer,
      alsoToParentCarer: false,
      outside: true,
      note: s.reason,
      // Nobody can reach them (only through a trusted adult, and none is linked): the reason says what to do.
      locked: /^already invited/i.test(s.reason) || s.channels.length === 0,
    })),
  ];
}

/**
 * The server's per-invitee errors ("invitees.2.channel") by young person, using the list that was
 * sent to know who index 2 was.
 */
export function inviteeErrors(
  problem: ProblemDetails | null,
  sent: readonly { youngPersonId: string }[],
): Record<string, string> {
  const result: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(problem?.errors ?? {})) {
    const match = /^invitees\.(\d+)(?:\.|$)/.exec(key);
    const person = match ? sent[Number(match[1])] : undefined;
    if (person) result[person.youngPersonId] = [...(result[person.youngPersonId] ?? []), ...messages];
  }
  return Object.fromEntries(Object.entries(result).map(([id, messages]) => [id, messages.join(' ')]));
}

const FIELD_WORDS: Readonly<Record<string, string>> = {
  channel: 'How to invite',
  viaTrustedAdultId: 'Trusted adult',
  alsoToParentCarer: 'Parent or carer',
  youngPersonId: 'Young person',
};

/** Invite young people to an activity day: choose who and how, check, then send. */
@Component({
  selector: 'heard-invite-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NgTemplateOutlet,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    PageHeader,
    ProblemAlert,
    HowOftenAskedText,
  ],
  templateUrl: './invite-page.html',
  styleUrl: './invite-page.scss',
  host: { class: 'heard-page' },
})
export default class InvitePage {
  private readonly api = inject(ActivitiesApi);
  private readonly invitationsApi = inject(InvitationsApi);
  private readonly router = inject(Router);
  private readonly focus = pageFocus();

  readonly id = input.required<string>();

  protected readonly activity = signal<ActivityDayResponse | null>(null);
  protected readonly suggestions = signal<InvitationSuggestionsResponse | null>(null);
  protected readonly choices = signal<InviteChoice[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadProblem = signal<ProblemDetails | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly stepProblem = signal<string | null>(null);
  protected readonly step = signal<1 | 2>(1);
  protected readonly sending = signal(false);
  /** The invitees last sent, to match "invitees.N" errors to people. */
  private readonly sent = signal<{ youngPersonId: string }[]>([]);

  protected readonly outsideReason = new FormControl('', {
    nonNullable: true,
    validators: [Validators.maxLength(300)],
  });

  protected readonly channelLabels = INVITATION_CHANNEL_LABELS;
  protected readonly channelsFor = channelsFor;
  /** How often each was asked for their views (survey fatigue), and the quieter-voices-first order. */
  protected readonly asked = howOftenAskedState();
  protected readonly suggested = computed(() =>
    this.asked.order(
      this.choices().filter((c) => !c.outside),
      (c) => c.youngPersonId,
    ),
  );
  protected readonly notSuggested = computed(() => this.choices().filter((c) => c.outside));
  protected readonly chosen = computed(() => this.choices().filter((c) => c.selected));
  protected readonly anyOutside = computed(() => this.chosen().some((c) => c.outside));
  protected readonly errors = computed(() => inviteeErrors(this.problem(), this.sent()));
  protected readonly heading = computed(() => {
    const activity = this.activity();
    return activity ? `Invite young people to ${activity.title}` : 'Invite young people';
  });
  protected readonly subtitle = computed(() => {
    const activity = this.activity();
    return activity ? activityWhen(activity) : '';
  });
  protected readonly fieldLabels = computed(() => {
    const labels: Record<string, string> = {
      outsideCohortReason: 'Reason for inviting someone outside who the day is for',
      invitees: 'Young people',
    };
    const names = new Map(this.choices().map((c) => [c.youngPersonId, c.preferredName]));
    for (const key of Object.keys(this.problem()?.errors ?? {})) {
      const match = /^invitees\.(\d+)(?:\.(.+))?$/.exec(key);
      const person = match ? this.sent()[Number(match[1])] : undefined;
      if (match && person) {
        const name = names.get(person.youngPersonId) ?? `Young person ${Number(match[1]) + 1}`;
        labels[key] = match[2] && FIELD_WORDS[match[2]] ? `${name}: ${FIELD_WORDS[match[2]]}` : name;
      }
    }
    return labels;
  });

  constructor() {
    loadRecord(
      this.id,
      (id) => forkJoin({ activity: this.api.get(id), suggestions: this.api.suggestions(id) }),
      { loading: this.loading, problem: this.loadProblem },
    )
      .pipe(takeUntilDestroyed())
      .subscribe(({ activity, suggestions }) => {
        this.activity.set(activity);
        this.suggestions.set(suggestions);
        this.choices.set(choicesFrom(suggestions));
        this.asked.load(this.choices().map((c) => c.youngPersonId));
        this.loading.set(false);
      });
  }

  protected toggle(youngPersonId: string, selected: boolean): void {
    this.update(youngPersonId, { selected });
    this.stepProblem.set(null);
  }

  protected setChannel(youngPersonId: string, channel: string): void {
    this.update(youngPersonId, { channel: channel as InvitationChannel });
  }

  protected setAlsoToParentCarer(youngPersonId: string, alsoToParentCarer: boolean): void {
    this.update(youngPersonId, { alsoToParentCarer });
  }

  private update(youngPersonId: string, change: Partial<InviteChoice>): void {
    this.choices.update((list) =>
      list.map((c) => (c.youngPersonId === youngPersonId ? { ...c, ...change } : c)),
    );
  }

  protected review(): void {
    if (this.chosen().length === 0) {
      this.stepProblem.set('Choose at least one young person to invite.');
      this.focus.later('#step-problem');
      return;
    }
    if (this.anyOutside()) {
      const reason = this.outsideReason.value.trim();
      if (reason.length < 5 || this.outsideReason.invalid) {
        this.outsideReason.setErrors({ required: true });
        this.outsideReason.markAsTouched();
        this.focus.later('#outside-reason');
        return;
      }
    }
    this.stepProblem.set(null);
    this.step.set(2);
    this.focus.later('#review-heading');
  }

  protected back(): void {
    this.step.set(1);
    this.focus.later('#choose-heading');
  }

  protected send(): void {
    const activity = this.activity();
    if (!activity || this.sending()) return;
    const invitees = this.chosen().map((c) => ({
      youngPersonId: c.youngPersonId,
      channel: c.channel,
      viaTrustedAdultId: c.viaTrustedAdult?.id ?? null,
      alsoToParentCarer: c.alsoToParentCarer,
    }));
    const request: InvitationCreateRequest = {
      target: { kind: 'activity_day', id: activity.id },
      invitees,
      ...(this.anyOutside() ? { outsideCohortReason: this.outsideReason.value.trim() } : {}),
      send: true,
    };
    this.sent.set(invitees);
    this.sending.set(true);
    this.problem.set(null);
    this.invitationsApi
      .invite(request)
      .pipe(finalize(() => this.sending.set(false)))
      .subscribe({
        next: ({ created }) => {
          const count = created.length;
          const emails = created.filter((i) => i.channel === InvitationChannel.Email).length;
          const letters = created.filter((i) => i.channel === InvitationChannel.Letter).length;
          const parts = [`${count} ${count === 1 ? 'invitation is' : 'invitations are'} made.`];
          if (emails > 0)
            parts.push(`${emails} by email ${emails === 1 ? 'goes' : 'go'} out in the next few minutes.`);
          if (letters > 0)
            parts.push(`Print the ${letters === 1 ? 'letter' : 'letters'} from the list below.`);
          if (count - emails - letters > 0)
            parts.push('Invite the others by phone, WhatsApp, voice note or in person, as chosen.');
          void this.router.navigate(['/activities', activity.id], { state: { status: parts.join(' ') } });
        },
        error: (error: unknown) => {
          const problem = toProblem(error);
          this.problem.set(problem);
          const reasonErrors = problem.errors?.['outsideCohortReason'];
          if (reasonErrors?.length) {
            this.outsideReason.setErrors({ server: reasonErrors.join(' ') });
            this.outsideReason.markAsTouched();
          }
          // Back to the choices, where each person's problem shows next to them.
          this.step.set(1);
          this.focus.problemLater();
        },
      });
  }
}
