import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import { ATTENDANCE_STATUSES, todayInLondon } from '@heard/domain';
import type { AttendanceStatus, GroupSessionDetailResponse, ProblemDetails } from '@heard/domain';
import { EmptyState, PageHeader, ProblemAlert } from '@heard/ui';
import { type Observable, catchError, concat, filter, last, of, switchMap, tap } from 'rxjs';
import { toProblem } from '../core/problem';
import { saveForm } from '../core/save-form';
import { ATTENDANCE_LABELS } from './attendance-format';
import { sessionWhen } from '../core/dates';
import {
  type Marks,
  changedEntries,
  entriesToSave,
  markEveryone,
  marksChanged,
  marksFrom,
  registerSummary,
  rowErrors,
} from './register';
import { SessionsApi, sessionAttendanceUrl } from './sessions-api';
import { Outbox } from '../offline/outbox';
import { pageFocus } from '../core/focus';
import { HeardSessionToReadOut } from '../action-log/heard-session-to-read-out';
import { SessionYouSaid } from '../action-log/session-you-said';
import { OccasionRounds } from '../evaluations/occasion-rounds';
import type { DayToKeep } from '../offline/day-store';
import { GetReady } from '../offline/get-ready';

/** One session: its register (who came), agenda and notes. */
@Component({
  selector: 'heard-session-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    PageHeader,
    EmptyState,
    ProblemAlert,
    HeardSessionToReadOut,
    SessionYouSaid,
    GetReady,
    OccasionRounds,
  ],
  templateUrl: './session-page.html',
  styleUrl: './session-page.scss',
  host: { class: 'heard-page' },
})
export default class SessionPage {
  private readonly api = inject(SessionsApi);
  private readonly focus = pageFocus();
  private readonly outbox = inject(Outbox);

  readonly id = input.required<string>();

  protected readonly statuses = ATTENDANCE_STATUSES.map((value) => ({
    value,
    label: ATTENDANCE_LABELS[value],
  }));
  protected readonly session = signal<GroupSessionDetailResponse | null>(null);
  protected readonly marks = signal<Marks>({});
  protected readonly loading = signal(true);
  protected readonly loadProblem = signal<ProblemDetails | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly status = signal<string | null>(null);
  protected readonly saving = signal(false);
  /** The entries last sent, to match "entries.N" errors to people. */
  private readonly sent = signal<{ youngPersonId: string }[]>([]);

  protected readonly details = new FormGroup({
    agenda: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(4000)] }),
    notes: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(10_000)] }),
  });

  protected readonly register = computed(() => this.session()?.register ?? []);
  protected readonly cancelled = computed(() => this.session()?.status === 'cancelled');
  protected readonly summary = computed(() => registerSummary(this.register(), this.marks()));
  protected readonly errors = computed(() => rowErrors(this.problem(), this.sent()));
  /** Whose mark is kept on this device, not sent yet. */
  protected readonly notSent = computed(() => {
    const session = this.session();
    return this.outbox.waitingAbout(session ? sessionAttendanceUrl(session.id) : '');
  });
  /** What "Get ready for the day" keeps: this session, by its date in London. */
  protected readonly dayToKeep = computed<DayToKeep>(() => {
    const session = this.session();
    return {
      kind: 'group_session',
      id: session?.id ?? '',
      title: this.heading(),
      day: session ? todayInLondon(new Date(session.startsAt)) : '',
    };
  });
  protected readonly heading = computed(() => {
    const session = this.session();
    return session ? `${session.groupName} session` : 'Session';
  });
  protected readonly subtitle = computed(() => {
    const session = this.session();
    if (!session) return '';
    return session.venue ? `${sessionWhen(session)}, at ${session.venue}` : sessionWhen(session);
  });
  protected readonly fieldLabels = computed(() => {
    const names = new Map(this.register().map((row) => [row.youngPersonId, row.preferredName]));
    const labels: Record<string, string> = { agenda: 'Agenda', notes: 'Notes', entries: 'Register' };
    this.sent().forEach((entry, i) => {
      labels[`entries.${i}.youngPersonId`] = names.get(entry.youngPersonId) ?? `Person ${i + 1}`;
      labels[`entries.${i}.status`] = names.get(entry.youngPersonId) ?? `Person ${i + 1}`;
    });
    return labels;
  });

  constructor() {
    toObservable(this.id)
      .pipe(
        filter(Boolean),
        tap(() => {
          this.loading.set(true);
          this.loadProblem.set(null);
        }),
        switchMap((id) =>
          this.api.get(id).pipe(
            catchError((error: unknown) => {
              this.loadProblem.set(toProblem(error));
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((session) => {
        if (session) this.show(session);
        this.loading.set(false);
      });
  }

  private show(session: GroupSessionDetailResponse): void {
    this.session.set(session);
    this.marks.set(marksFrom(session.register));
    this.details.reset({ agenda: session.agenda ?? '', notes: session.notes ?? '' });
  }

  protected mark(youngPersonId: string, status: AttendanceStatus): void {
    this.marks.update((marks) => ({ ...marks, [youngPersonId]: status }));
  }

  protected markEveryonePresent(): void {
    this.marks.set(markEveryone(this.register(), 'present'));
    this.status.set(`Everyone is marked present. ${this.saveReminder}`);
  }

  private readonly saveReminder = 'Change anyone who was not there, then choose Save.';

  protected labelFor(status: AttendanceStatus): string {
    return ATTENDANCE_LABELS[status];
  }

  protected save(): void {
    const session = this.session();
    if (!session || this.saving()) return;
    const entries = this.cancelled() ? [] : entriesToSave(session.register, this.marks());
    const saveMarks = entries.length > 0 && marksChanged(session.register, this.marks());
    const saveDetails = this.details.dirty;
    if (!saveMarks && !saveDetails && this.details.valid) {
      this.problem.set(null);
      this.status.set(
        entries.length === 0 && !this.cancelled()
          ? 'Nothing to save yet. Mark who came, or change the agenda or notes, then choose Save.'
          : 'Everything is already saved.',
      );
      return;
    }

    // Without signal, or behind marks for this session still waiting on the device: keep them in order.
    if (saveMarks && this.outbox.keeps(sessionAttendanceUrl(session.id))) {
      this.keepMarks(session, saveDetails);
      return;
    }

    let marksSaved = false;
    saveForm({
      form: this.details,
      focus: this.focus,
      saving: this.saving,
      problem: this.problem,
      // The register and the details are saved one after the other; the answer to the last counts.
      request: () => {
        this.status.set(null);
        const steps: Observable<GroupSessionDetailResponse>[] = [];
        if (saveMarks) {
          this.sent.set(entries);
          steps.push(
            this.api.recordAttendance(session.id, entries).pipe(
              tap((saved) => {
                marksSaved = true;
                this.session.set({ ...saved, agenda: session.agenda, notes: session.notes });
              }),
            ),
          );
        }
        if (saveDetails) {
          const { agenda, notes } = this.details.getRawValue();
          steps.push(
            this.api
              .updateDetails(session.id, { agenda: agenda.trim() || null, notes: notes.trim() || null })
              .pipe(tap(() => this.details.markAsPristine())),
          );
        }
        return concat(...steps).pipe(last());
      },
      // No network for the register: the marks go into the outbox instead of being lost.
      refused: (problem) => {
        if (problem.status !== 0 || !saveMarks || marksSaved || !this.outbox.available) return false;
        this.problem.set(null);
        this.keepMarks(session, saveDetails);
        return true;
      },
      saved: (saved) => {
        this.session.set(saved);
        this.marks.set(marksFrom(saved.register));
        this.details.reset({ agenda: saved.agenda ?? '', notes: saved.notes ?? '' });
        this.sent.set([]);
        this.status.set(
          saveMarks ? `Saved. ${registerSummary(saved.register, marksFrom(saved.register))}.` : 'Saved.',
        );
      },
    });
  }

  /**
   * Keeps each changed mark in the outbox as its own change (one entry each, as the server requires
   * of a register sent offline), in register order, and shows the register as marked.
   */
  private keepMarks(session: GroupSessionDetailResponse, detailsToo: boolean): void {
    const changed = changedEntries(session.register, this.marks());
    const names = new Map(session.register.map((row) => [row.youngPersonId, row.preferredName]));
    const url = sessionAttendanceUrl(session.id);
    const keepAll = async () => {
      for (const entry of changed)
        await this.outbox.add({
          method: 'PUT',
          url,
          body: { entries: [entry] },
          label: `${names.get(entry.youngPersonId) ?? 'Someone'}: ${ATTENDANCE_LABELS[entry.status]}`,
          about: entry.youngPersonId,
        });
    };
    this.saving.set(true);
    this.status.set(null);
    keepAll()
      .then(
        () => {
          const marks = this.marks();
          this.session.update((s) =>
            s
              ? {
                  ...s,
                  register: s.register.map((row) => ({
                    ...row,
                    status: marks[row.youngPersonId] ?? row.status,
                  })),
                }
              : s,
          );
          const count = changed.length === 1 ? '1 mark is' : `${changed.length} marks are`;
          this.status.set(
            `Not sent yet: ${count} kept on this device and sent when there is signal.${
              detailsToo ? ' The agenda and notes need signal: save them again when you are online.' : ''
            }`,
          );
        },
        (error: unknown) => {
          this.problem.set(toProblem(error));
          this.focus.problemLater();
        },
      )
      .finally(() => this.saving.set(false));
  }
}
