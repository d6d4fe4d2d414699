import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { INVITATION_STATUS_LABELS, InvitationStatus, attendedInWords } from '@heard/domain';
import type { ActivityDayResponse, InvitationResponse, ProblemDetails } from '@heard/domain';
import { EmptyState, ProblemAlert } from '@heard/ui';
import { finalize } from 'rxjs';
import { loadRecord } from '../core/load-record';
import { toProblem } from '../core/problem';
import { longDate } from '../core/dates';
import { redAfterSubmit } from '../shared/error-state';
import { Outbox, isOffline } from '../offline/outbox';
import { type AttendanceMark, ActivitiesApi, activityAttendanceUrl } from './activities-api';
import { pageFocus } from '../core/focus';

/**
 * Who can be marked on the day: anyone invited who has not said no. Someone whose invitation was
 * still to deliver may turn up all the same.
 */
const MARKABLE: ReadonlySet<InvitationStatus> = new Set([
  InvitationStatus.Accepted,
  InvitationStatus.Waitlisted,
  InvitationStatus.ToDeliver,
  InvitationStatus.Sent,
  InvitationStatus.HandedOver,
  InvitationStatus.Attended,
  InvitationStatus.DidNotAttend,
]);

export type Mark = 'present' | 'absent' | null;

export function markOf(status: InvitationStatus): Mark {
  if (status === InvitationStatus.Attended) return 'present';
  if (status === InvitationStatus.DidNotAttend) return 'absent';
  return null;
}

/**
 * Whether a refusal to mark attendance can be overridden with a reason: a missing consent, or
 * someone who had not said yes. The API names it with a code or an `overrideReason` field error;
 * failing those, a 400 or 409 that talks about consent.
 */
export function isOverridable(problem: ProblemDetails): boolean {
  if (problem.status !== 400 && problem.status !== 409) return false;
  return (
    Boolean(problem.errors?.['overrideReason']?.length) ||
    /consent|override/i.test(problem.code ?? '') ||
    /consent/i.test(problem.detail)
  );
}

interface Refusal {
  youngPersonId: string;
  attended: boolean;
  problem: ProblemDetails;
  overridable: boolean;
}

/** On or after the day: who came. Each choice is saved at once. */
@Component({
  selector: 'heard-activity-attendance-tab',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    EmptyState,
    ProblemAlert,
  ],
  templateUrl: './activity-attendance-tab.html',
  styleUrl: './activity-tabs.scss',
})
export class ActivityAttendanceTab {
  private readonly api = inject(ActivitiesApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly focus = pageFocus();
  private readonly outbox = inject(Outbox);

  readonly activity = input.required<ActivityDayResponse>();
  readonly dayHasCome = input.required<boolean>();
  readonly changed = output<void>();

  protected readonly invitations = signal<InvitationResponse[]>([]);
  protected readonly marks = signal<Record<string, Mark>>({});
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly status = signal<string | null>(null);
  protected readonly saving = signal<string | null>(null);
  protected readonly refusal = signal<Refusal | null>(null);
  protected readonly overrideReason = new FormControl('', {
    nonNullable: true,
    updateOn: 'submit',
    validators: [Validators.required, Validators.minLength(5), Validators.maxLength(300)],
  });
  protected readonly overrideForm = new FormGroup({ overrideReason: this.overrideReason });
  protected readonly redAfterSubmit = redAfterSubmit;

  protected readonly statusLabels = INVITATION_STATUS_LABELS;
  protected readonly dateWords = computed(() => longDate(this.activity().date));
  protected readonly cancelled = computed(() => this.activity().status === 'cancelled');
  private readonly attendanceUrl = computed(() => activityAttendanceUrl(this.activity().id));
  /** Who has a mark kept on this device, not sent yet. */
  protected readonly notSent = computed(() => this.outbox.waitingAbout(this.attendanceUrl()));
  protected readonly rows = computed(() => this.invitations().filter((i) => MARKABLE.has(i.status)));
  protected readonly summary = computed(() => {
    const marks = this.marks();
    const rows = this.rows();
    const present = rows.filter((r) => marks[r.youngPerson.id] === 'present').length;
    const absent = rows.filter((r) => marks[r.youngPerson.id] === 'absent').length;
    const unmarked = rows.length - present - absent;
    return `${present} came, ${absent} did not come, ${unmarked} not marked yet.`;
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
        this.marks.set(Object.fromEntries(invitations.map((i) => [i.youngPerson.id, markOf(i.status)])));
        this.loading.set(false);
      });
  }

  protected choose(invitation: InvitationResponse, mark: 'present' | 'absent'): void {
    this.refusal.set(null);
    this.overrideReason.reset('');
    this.save(invitation, mark === 'present');
  }

  protected override(invitation: InvitationResponse): void {
    const refusal = this.refusal();
    if (!refusal) return;
    this.overrideReason.markAsTouched();
    if (this.overrideReason.invalid) {
      this.host.nativeElement.querySelector<HTMLElement>('#override-reason')?.focus();
      return;
    }
    this.save(invitation, refusal.attended, this.overrideReason.value.trim());
  }

  protected refusalFor(invitation: InvitationResponse): Refusal | null {
    const refusal = this.refusal();
    return refusal?.youngPersonId === invitation.youngPerson.id ? refusal : null;
  }

  private save(invitation: InvitationResponse, attended: boolean, overrideReason?: string): void {
    const id = invitation.youngPerson.id;
    const before = this.marks()[id] ?? null;
    this.marks.update((marks) => ({ ...marks, [id]: attended ? 'present' : 'absent' }));
    this.status.set(null);
    const mark: AttendanceMark = {
      youngPersonId: id,
      attended,
      ...(overrideReason ? { overrideReason } : {}),
    };
    // Without signal, or behind marks for this day still waiting on the device: keep it in order.
    if (this.outbox.keeps(this.attendanceUrl())) {
      this.keep(invitation, mark, before);
      return;
    }
    this.saving.set(id);
    this.api
      .markAttendance(this.activity().id, mark)
      .pipe(finalize(() => this.saving.set(null)))
      .subscribe({
        next: (saved) => {
          this.invitations.update((list) => list.map((i) => (i.id === saved.id ? saved : i)));
          this.marks.update((marks) => ({ ...marks, [id]: markOf(saved.status) }));
          this.refusal.set(null);
          this.status.set(
            `${saved.youngPerson.preferredName} is marked as ${attended ? 'came' : 'did not come'}.${
              overrideReason ? ' Your reason is recorded.' : ''
            }`,
          );
          this.changed.emit();
        },
        error: (error: unknown) => {
          if (this.outbox.available && isOffline(error)) {
            this.keep(invitation, mark, before);
            return;
          }
          const problem = toProblem(error);
          this.marks.update((marks) => ({ ...marks, [id]: before }));
          const overridable = Boolean(overrideReason) || isOverridable(problem);
          this.refusal.set({ youngPersonId: id, attended, problem, overridable });
          if (overrideReason && problem.errors?.['overrideReason']?.length) {
            this.overrideReason.setErrors({ server: problem.errors['overrideReason'].join(' ') });
          }
          this.focus.later(overridable ? '#override-reason' : `#mark-${id}`);
        },
      });
  }

  /** Keeps the mark in the outbox, to be sent when there is signal; the row says it is not sent yet. */
  private keep(invitation: InvitationResponse, mark: AttendanceMark, before: Mark): void {
    const name = invitation.youngPerson.preferredName;
    const id = invitation.youngPerson.id;
    this.outbox
      .add({
        method: 'POST',
        url: this.attendanceUrl(),
        body: mark,
        label: `${name}: ${attendedInWords(mark.attended)}`,
        about: id,
      })
      .then(
        () => {
          this.refusal.set(null);
          this.status.set(
            `${name} is marked as ${attendedInWords(mark.attended)}. Not sent yet: it is kept on this device and sent when there is signal.`,
          );
        },
        (error: unknown) => {
          this.marks.update((marks) => ({ ...marks, [id]: before }));
          this.refusal.set({
            youngPersonId: id,
            attended: mark.attended,
            problem: toProblem(error),
            overridable: false,
          });
          this.focus.later(`#mark-${id}`);
        },
      );
  }
}
