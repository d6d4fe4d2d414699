import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { addDays, todayInLondon } from '@heard/domain';
import type { GroupResponse, GroupSessionResponse, PatternException, ProblemDetails } from '@heard/domain';
import { EmptyState, ProblemAlert } from '@heard/ui';
import { type Observable, Subject } from 'rxjs';
import { loadRecord } from '../core/load-record';
import { saveForm } from '../core/save-form';
import { londonDate, londonTime, longDate, minutesBetween, sessionWhen } from '../core/dates';
import { TIME } from './group-form';
import { GroupsApi } from './groups-api';
import { SCHEDULE_DAYS, describeException, describeGenerated, exceptionCandidates } from './schedule';
import { SessionsApi } from './sessions-api';
import { pageFocus } from '../core/focus';

type Panel = 'one-off' | 'exception';
type SessionAction = { id: string; kind: 'move' | 'cancel' };

@Component({
  selector: 'heard-group-schedule-tab',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
    EmptyState,
    ProblemAlert,
  ],
  templateUrl: './group-schedule-tab.html',
  styleUrl: './group-schedule-tab.scss',
})
export class GroupScheduleTab {
  private readonly groupsApi = inject(GroupsApi);
  private readonly sessionsApi = inject(SessionsApi);
  private readonly focus = pageFocus();
  private readonly reload$ = new Subject<void>();

  readonly group = input.required<GroupResponse>();
  /** Emitted when the group itself changed (an exception was added), so the page fetches it again. */
  readonly changed = output<void>();

  private readonly groupId = computed(() => this.group().id);
  protected readonly today = todayInLondon();
  protected readonly longDate = longDate;
  protected readonly when = sessionWhen;
  protected readonly describeException = describeException;

  protected readonly sessions = signal<GroupSessionResponse[]>([]);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly actionProblem = signal<ProblemDetails | null>(null);
  protected readonly status = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly panel = signal<Panel | null>(null);
  protected readonly action = signal<SessionAction | null>(null);

  protected readonly candidates = computed(() =>
    exceptionCandidates(this.group().pattern, this.group().exceptions, this.today),
  );

  protected readonly generateUntil = new FormControl('', { nonNullable: true });
  protected readonly generateForm = new FormGroup({ until: this.generateUntil });

  protected readonly oneOffForm = new FormGroup({
    date: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    startTime: new FormControl('17:00', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(TIME)],
    }),
    durationMinutes: new FormControl<number | null>(90, {
      validators: [Validators.required, Validators.min(15), Validators.max(720)],
    }),
    venue: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(200)] }),
    agenda: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(4000)] }),
  });

  protected readonly exceptionForm = new FormGroup({
    date: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    kind: new FormControl<'cancelled' | 'moved'>('cancelled', { nonNullable: true }),
    movedDate: new FormControl('', { nonNullable: true }),
    movedTime: new FormControl('', { nonNullable: true, validators: [Validators.pattern(TIME)] }),
    reason: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(200)] }),
  });

  protected readonly moveForm = new FormGroup({
    date: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    startTime: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(TIME)],
    }),
    durationMinutes: new FormControl<number | null>(null, {
      validators: [Validators.required, Validators.min(15), Validators.max(720)],
    }),
    venue: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(200)] }),
  });

  protected readonly cancelReason = new FormControl('', {
    nonNullable: true,
    validators: [Validators.maxLength(200)],
  });
  protected readonly cancelForm = new FormGroup({ reason: this.cancelReason });

  constructor() {
    loadRecord(
      this.groupId,
      (groupId) =>
        this.sessionsApi.list({ from: this.today, to: addDays(this.today, SCHEDULE_DAYS), groupId }),
      { loading: this.loading, problem: this.problem },
      { when: this.reload$, showLoading: true },
    )
      .pipe(takeUntilDestroyed())
      .subscribe((sessions) => {
        this.sessions.set(sessions);
        this.loading.set(false);
      });
  }

  protected time(session: GroupSessionResponse): string {
    return londonTime(session.startsAt);
  }

  protected togglePanel(panel: Panel): void {
    this.actionProblem.set(null);
    if (this.panel() === panel) {
      this.panel.set(null);
      return;
    }
    this.panel.set(panel);
    this.action.set(null);
    const pattern = this.group().pattern;
    if (panel === 'one-off') {
      this.oneOffForm.reset({
        date: '',
        startTime: pattern?.startTime ?? '17:00',
        durationMinutes: pattern?.durationMinutes ?? 90,
        venue: this.group().venue ?? '',
        agenda: '',
      });
      this.focus.later('#one-off-date');
    } else {
      this.exceptionForm.reset({
        date: '',
        kind: 'cancelled',
        movedDate: '',
        movedTime: pattern?.startTime ?? '',
        reason: '',
      });
      this.focus.later('#exception-date');
    }
  }

  protected toggleAction(session: GroupSessionResponse, kind: SessionAction['kind']): void {
    this.actionProblem.set(null);
    const current = this.action();
    if (current?.id === session.id && current.kind === kind) {
      this.action.set(null);
      return;
    }
    this.action.set({ id: session.id, kind });
    this.panel.set(null);
    if (kind === 'move') {
      this.moveForm.reset({
        date: londonDate(session.startsAt),
        startTime: londonTime(session.startsAt),
        durationMinutes: minutesBetween(session.startsAt, session.endsAt),
        venue: session.venue ?? '',
      });
      this.focus.later(`#move-date-${session.id}`);
    } else {
      this.cancelReason.reset('');
      this.focus.later(`#cancel-reason-${session.id}`);
    }
  }

  protected isOpen(session: GroupSessionResponse, kind: SessionAction['kind']): boolean {
    const action = this.action();
    return action?.id === session.id && action.kind === kind;
  }

  protected generate(): void {
    this.run(
      '.generate',
      this.generateForm,
      () => this.groupsApi.generateSessions(this.groupId(), this.generateUntil.value || undefined),
      (result) => {
        this.reload$.next();
        return describeGenerated(result);
      },
    );
  }

  protected addOneOff(): void {
    this.run(
      '.panel',
      this.oneOffForm,
      () => {
        const value = this.oneOffForm.getRawValue();
        return this.groupsApi.addOneOff(this.groupId(), {
          date: value.date,
          startTime: value.startTime,
          durationMinutes: Number(value.durationMinutes),
          venue: value.venue.trim() || null,
          agenda: value.agenda.trim() || null,
        });
      },
      (session) => {
        this.panel.set(null);
        this.reload$.next();
        return `A session is added on ${sessionWhen(session)}.`;
      },
    );
  }

  protected addException(): void {
    const value = this.exceptionForm.getRawValue();
    const moved = value.kind === 'moved';
    this.exceptionForm.controls.movedDate.setErrors(moved && !value.movedDate ? { required: true } : null);
    this.exceptionForm.controls.movedTime.setErrors(
      moved && !TIME.test(value.movedTime) ? { required: true } : null,
    );
    const exception: PatternException = {
      date: value.date,
      kind: value.kind,
      ...(moved ? { movedTo: { date: value.movedDate, startTime: value.movedTime } } : {}),
      ...(value.reason.trim() ? { reason: value.reason.trim() } : {}),
    };
    this.run(
      '.panel',
      this.exceptionForm,
      () => this.groupsApi.addException(this.groupId(), exception),
      () => {
        this.panel.set(null);
        this.reload$.next();
        this.changed.emit();
        return `${describeException(exception)}. The schedule is updated.`;
      },
      { movedTo: 'movedDate', 'movedTo.date': 'movedDate', 'movedTo.startTime': 'movedTime' },
    );
  }

  protected move(session: GroupSessionResponse): void {
    this.run(
      'form.inline',
      this.moveForm,
      () => {
        const value = this.moveForm.getRawValue();
        return this.sessionsApi.move(session.id, {
          date: value.date,
          startTime: value.startTime,
          durationMinutes: Number(value.durationMinutes),
          venue: value.venue.trim() || null,
        });
      },
      (moved) => {
        this.action.set(null);
        this.reload$.next();
        return `The session is moved to ${sessionWhen(moved)}.`;
      },
    );
  }

  protected cancel(session: GroupSessionResponse): void {
    this.run(
      'form.inline',
      this.cancelForm,
      () => this.sessionsApi.cancel(session.id, this.cancelReason.value.trim() || null),
      (cancelled) => {
        this.action.set(null);
        this.reload$.next();
        return `The session on ${sessionWhen(cancelled)} is cancelled.`;
      },
    );
  }

  /** Saves one change, showing its outcome in the status region or its problem in the alert. */
  private run<T>(
    within: string,
    form: FormGroup,
    request: () => Observable<T>,
    done: (result: T) => string,
    aliases: Readonly<Record<string, string>> = {},
  ): void {
    saveForm({
      form,
      focus: this.focus,
      within,
      saving: this.busy,
      problem: this.actionProblem,
      aliases,
      request: () => {
        this.status.set(null);
        return request();
      },
      saved: (result) => this.status.set(done(result)),
    });
  }
}
