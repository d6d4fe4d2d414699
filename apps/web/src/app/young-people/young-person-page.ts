import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import {
  INVITATION_STATUS_LABELS,
  INVITATION_TARGET_LABELS,
  InvitationStatus,
  ONE_TO_ONE_STATUS_LABELS,
  RELATIONSHIP_LABELS,
  REVIEW_RECORDERS,
  Role,
  SERVICE_EXPERIENCE_LABELS,
} from '@heard/domain';
import type {
  InvitationResponse,
  MembershipRole,
  OneToOneResponse,
  Page,
  ProblemDetails,
  ServiceExperienceKind,
  TrustedAdultRelationship,
  YoungPersonAttendance,
  YoungPersonResponse,
} from '@heard/domain';
import { EmptyState, PageHeader, ProblemAlert } from '@heard/ui';
import { catchError, filter, finalize, forkJoin, map, of, switchMap, tap } from 'rxjs';
import { toProblem } from '../core/problem';
import { SessionService } from '../core/session.service';
import { ATTENDANCE_LABELS, formatRate } from '../groups/attendance-format';
import { londonDate, londonTime, shortDate } from '../core/dates';
import { MEMBERSHIP_ROLE_LABELS } from '../groups/group-labels';
import { YoungPeopleApi } from './young-people-api';
import { PARTICIPATION_LABELS } from './young-person-form';
import { pageFocus } from '../core/focus';
import { EnrolmentCodePanel } from '../enrolment/enrolment-code-panel';
import { ReviewMeetingsPanel } from './review-meetings-panel';

/** Activity days they are coming to, waiting for, or have been to: a yes, whatever came of it. */
const SAID_YES: ReadonlySet<InvitationStatus> = new Set([
  InvitationStatus.Accepted,
  InvitationStatus.Waitlisted,
  InvitationStatus.Attended,
  InvitationStatus.DidNotAttend,
]);

/**
 * A young person's profile: details, groups and attendance, and for officers (the only ones the
 * API lets see them) their invitations, activity days and one-to-ones.
 */
@Component({
  selector: 'heard-young-person-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    PageHeader,
    EmptyState,
    ProblemAlert,
    EnrolmentCodePanel,
    ReviewMeetingsPanel,
  ],
  templateUrl: './young-person-page.html',
  styleUrl: './young-person-page.scss',
  host: { class: 'heard-page' },
})
export default class YoungPersonPage {
  private readonly api = inject(YoungPeopleApi);
  private readonly session = inject(SessionService);
  private readonly focus = pageFocus();

  readonly id = input.required<string>();

  protected readonly canWrite = computed(() => this.session.user()?.role === Role.ParticipationOfficer);
  /** Officers and the practitioners linked to them (the API's own rule) see and record review meetings. */
  protected readonly canReview = computed(() => {
    const role = this.session.user()?.role;
    return role !== undefined && (REVIEW_RECORDERS as readonly Role[]).includes(role);
  });
  protected readonly person = signal<YoungPersonResponse | null>(null);
  protected readonly attendance = signal<YoungPersonAttendance | null>(null);
  protected readonly attendanceProblem = signal<ProblemDetails | null>(null);
  protected readonly involvement = signal<{
    invitations: Page<InvitationResponse>;
    oneToOnes: OneToOneResponse[];
  } | null>(null);
  protected readonly involvementProblem = signal<ProblemDetails | null>(null);
  protected readonly activityDays = computed(() =>
    (this.involvement()?.invitations.items ?? []).filter(
      (i) => i.target.kind === 'activity_day' && SAID_YES.has(i.status),
    ),
  );
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly status = signal<string | null>(
    (inject(Router).currentNavigation()?.extras.state?.['status'] as string | undefined) ?? null,
  );

  protected readonly archiving = signal(false);
  protected readonly archiveOpen = signal(false);
  protected readonly archiveProblem = signal<ProblemDetails | null>(null);
  protected readonly archiveForm = new FormGroup({
    reason: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(300)] }),
  });

  protected readonly formatRate = formatRate;
  protected readonly shortDate = shortDate;
  protected readonly experienceLabel = (kind: ServiceExperienceKind) =>
    SERVICE_EXPERIENCE_LABELS[kind] ?? kind;
  protected readonly relationshipLabel = (r: TrustedAdultRelationship) => RELATIONSHIP_LABELS[r] ?? r;
  protected readonly roleLabel = (role: MembershipRole) => MEMBERSHIP_ROLE_LABELS[role] ?? role;
  protected readonly statusLabel = (status: keyof typeof ATTENDANCE_LABELS) => ATTENDANCE_LABELS[status];
  protected readonly invitationStatus = (status: InvitationStatus) => INVITATION_STATUS_LABELS[status];
  protected readonly targetLabel = (invitation: InvitationResponse) =>
    INVITATION_TARGET_LABELS[invitation.target.kind];
  protected readonly oneToOneStatus = (o: OneToOneResponse) => ONE_TO_ONE_STATUS_LABELS[o.status];
  protected readonly dayOf = (instant: string) => shortDate(londonDate(instant));
  protected readonly sessionDate = (startsAt: string) =>
    `${shortDate(londonDate(startsAt))}, ${londonTime(startsAt)}`;

  protected readonly preference = computed(() => {
    const person = this.person();
    return person ? PARTICIPATION_LABELS[person.participationPreference] : '';
  });
  protected readonly contactChannels = computed(() => {
    const contact = this.person()?.contact;
    if (!contact) return [];
    const channels: { label: string; value: string }[] = [];
    if (contact.email) channels.push({ label: 'Email', value: contact.email });
    if (contact.phone) channels.push({ label: 'Phone', value: contact.phone });
    if (contact.whatsapp) channels.push({ label: 'WhatsApp', value: contact.whatsapp });
    if (contact.letter) {
      channels.push({
        label: 'Letter',
        value: [...contact.letter.addressLines, contact.letter.postcode].join(', '),
      });
    }
    return channels;
  });

  constructor() {
    toObservable(this.id)
      .pipe(
        filter(Boolean),
        tap(() => {
          this.loading.set(true);
          this.problem.set(null);
          this.attendanceProblem.set(null);
        }),
        switchMap((id) =>
          forkJoin({
            person: this.api.get(id),
            // The profile is still useful without attendance, so its failure is shown on its own.
            attendance: this.api.attendance(id).pipe(
              catchError((error: unknown) => {
                const problem = toProblem(error);
                this.attendanceProblem.set({
                  ...problem,
                  detail: `We could not load their attendance. ${problem.detail}`,
                });
                return of(null);
              }),
            ),
          }).pipe(
            catchError((error: unknown) => {
              this.problem.set(toProblem(error));
              return of(null);
            }),
          ),
        ),
        map((result) => result ?? { person: null, attendance: null }),
        takeUntilDestroyed(),
      )
      .subscribe(({ person, attendance }) => {
        this.person.set(person);
        this.attendance.set(attendance);
        this.loading.set(false);
      });

    // Loaded on its own, so the profile shows at once and a failure here is shown only here.
    toObservable(this.id)
      .pipe(
        filter((id) => Boolean(id) && this.canWrite()),
        tap(() => {
          this.involvement.set(null);
          this.involvementProblem.set(null);
        }),
        switchMap((id) =>
          forkJoin({ invitations: this.api.invitations(id), oneToOnes: this.api.oneToOnes(id) }).pipe(
            catchError((error: unknown) => {
              const problem = toProblem(error);
              this.involvementProblem.set({
                ...problem,
                detail: `We could not load their invitations and one-to-ones. ${problem.detail}`,
              });
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((involvement) => this.involvement.set(involvement));
  }

  protected toggleArchive(): void {
    this.archiveOpen.update((open) => !open);
    this.archiveProblem.set(null);
    if (this.archiveOpen()) {
      this.focus.later('#archive-reason');
    }
  }

  protected archive(): void {
    const person = this.person();
    if (!person || this.archiving()) return;
    if (this.archiveForm.invalid) {
      this.archiveForm.markAllAsTouched();
      return;
    }
    this.archiving.set(true);
    this.archiveProblem.set(null);
    this.api
      .archive(person.id, this.archiveForm.controls.reason.value.trim() || null)
      .pipe(finalize(() => this.archiving.set(false)))
      .subscribe({
        next: (archived) => {
          this.person.set(archived);
          this.archiveOpen.set(false);
          this.status.set(`${archived.preferredName}’s record is archived. It no longer shows in lists.`);
        },
        error: (error: unknown) => this.archiveProblem.set(toProblem(error)),
      });
  }
}
