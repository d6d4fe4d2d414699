import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormGroup } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { INVITATION_CHANNEL_LABELS, INVITATION_TARGET_LABELS, dateInWords } from '@heard/domain';
import type { ByHandListResponse, InvitationResponse, ProblemDetails } from '@heard/domain';
import { EmptyState, PageHeader, ProblemAlert } from '@heard/ui';
import { finalize } from 'rxjs';
import type { Observable } from 'rxjs';
import { pageFocus } from '../core/focus';
import { toProblem } from '../core/problem';
import { saveForm } from '../core/save-form';
import { InvitationsApi } from './invitations-api';

/** Delivered and Told have nothing to fill in. */
const NO_FIELDS = new FormGroup({});

type ToTell = NonNullable<InvitationResponse['toTell']>;

/** One of the page's two lists, with the words that go with it. */
interface ByHandSection {
  key: 'deliver' | 'tell';
  heading: string;
  help: string;
  emptyHeading: string;
  emptyMessage: string;
  items: InvitationResponse[];
}

/** What changed, in words, for someone who has to pass it on (to a young person, or their parent or carer). */
export function changeInWords(
  invitation: InvitationResponse,
  news: ToTell | null = invitation.toTell,
): string {
  const day = dateInWords(invitation.target.date);
  const words: Record<ToTell, string> = {
    moved: `It has moved. It is now on ${day}.`,
    cancelled: `It is cancelled. It was on ${day}.`,
    place_free: `A place came free. They have a place now, on ${day}.`,
  };
  return news ? words[news] : '';
}

/**
 * The officers' "to do by hand" list: invitations that go by phone, WhatsApp, voice note or in
 * person and have not yet reached the young person, changes someone has to pass on by hand, and
 * parents or carers who asked for a phone call about invitations.
 * Each row goes once it is done.
 */
@Component({
  selector: 'heard-by-hand-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, EmptyState, PageHeader, ProblemAlert],
  templateUrl: './by-hand-page.html',
  styleUrl: './by-hand-page.scss',
  host: { class: 'heard-page' },
})
export default class ByHandPage {
  private readonly api = inject(InvitationsApi);
  private readonly focus = pageFocus();

  protected readonly toDeliver = signal<InvitationResponse[]>([]);
  protected readonly toTell = signal<InvitationResponse[]>([]);
  protected readonly numbers = signal<ByHandListResponse['numbers']>({});
  protected readonly parentCarers = signal<ByHandListResponse['parentCarersToTell']>([]);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly status = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly rowProblem = signal<ProblemDetails | null>(null);
  /** The row the last action was on, so its problem shows next to it. */
  protected readonly actingOn = signal<string | null>(null);

  protected readonly sections = computed<ByHandSection[]>(() => [
    {
      key: 'deliver',
      heading: 'To deliver',
      help: 'Once the young person has the invitation, press Delivered. Then it counts as invited.',
      emptyHeading: 'Nothing to deliver',
      emptyMessage:
        'When someone is invited by phone, WhatsApp, voice note or in person, they show here until you record that the invitation reached them.',
      items: this.toDeliver(),
    },
    {
      key: 'tell',
      heading: 'To tell about a change',
      help: 'Tell the young person what changed, then press Told.',
      emptyHeading: 'No one to tell',
      emptyMessage:
        'When something moves or is cancelled, or a place comes free, young people who were invited by hand show here.',
      items: this.toTell(),
    },
  ]);

  protected readonly channelLabels = INVITATION_CHANNEL_LABELS;
  protected readonly kindLabels = INVITATION_TARGET_LABELS;
  protected readonly dateWords = dateInWords;
  protected readonly changeWords = changeInWords;

  constructor() {
    this.api
      .byHand()
      .pipe(
        finalize(() => this.loading.set(false)),
        takeUntilDestroyed(),
      )
      .subscribe({
        next: (list) => {
          this.toDeliver.set(list.toDeliver);
          this.toTell.set(list.toTell);
          this.numbers.set(list.numbers);
          this.parentCarers.set(list.parentCarersToTell);
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  protected delivered(invitation: InvitationResponse): void {
    this.act(
      invitation,
      () => this.api.markDelivered(invitation.id),
      () => {
        this.toDeliver.update((list) => list.filter((one) => one.id !== invitation.id));
        this.focus.later('#deliver-heading');
        return `Done: ${invitation.youngPerson.preferredName} has their invitation to ${invitation.target.title}. It now counts as invited.`;
      },
    );
  }

  protected told(invitation: InvitationResponse): void {
    this.act(
      invitation,
      () => this.api.markTold(invitation.id),
      () => {
        this.toTell.update((list) => list.filter((one) => one.id !== invitation.id));
        this.focus.later('#tell-heading');
        return `Done: ${invitation.youngPerson.preferredName} knows about the change to ${invitation.target.title}.`;
      },
    );
  }

  protected parentCarerTold(item: ByHandListResponse['parentCarersToTell'][number]): void {
    const invitation = item.invitation;
    this.act(
      invitation,
      () => this.api.markParentCarerTold(invitation.id),
      () => {
        this.parentCarers.update((list) => list.filter((one) => one.invitation.id !== invitation.id));
        this.focus.later('#parent-carers-heading');
        return `Done: ${item.parentCarer.name} knows ${invitation.youngPerson.preferredName} is invited to ${invitation.target.title}.`;
      },
    );
  }

  /** Each button saves like a form with nothing to fill in; a refusal shows on its own row. */
  private act(
    invitation: InvitationResponse,
    request: () => Observable<InvitationResponse>,
    done: () => string,
  ): void {
    saveForm({
      form: NO_FIELDS,
      focus: this.focus,
      within: `#row-${invitation.id}`,
      saving: this.busy,
      problem: this.rowProblem,
      request: () => {
        this.actingOn.set(invitation.id);
        this.status.set(null);
        return request();
      },
      saved: () => {
        this.actingOn.set(null);
        this.status.set(done());
      },
    });
  }
}
