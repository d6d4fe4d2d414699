import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import {
  ACTION_STATUS_RULES,
  ITEM_STAGE_LABELS,
  LOOP_CHANNEL_LABELS,
  MAX_LOOP_MESSAGE,
  instantInWords,
} from '@heard/domain';
import type { LoopActionState, LoopChannel, LoopView, ProblemDetails } from '@heard/domain';
import { ProblemAlert } from '@heard/ui';
import { finalize } from 'rxjs';
import { toProblem } from '../core/problem';
import { ActionLogLoopApi } from './action-log-loop-api';

/**
 * Closing the loop on one You said item: who spoke and how each hears, Heard's draft to edit and
 * send, who has heard each action's current answer, and closing (or reopening) the item.
 */
@Component({
  selector: 'heard-item-loop',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ProblemAlert,
  ],
  templateUrl: './heard-item-loop.html',
})
export class HeardItemLoop {
  private readonly api = inject(ActionLogLoopApi);

  readonly itemId = input.required<string>();
  /** Bumped by the page when the item's answers change: who must hear what, and the draft, change with them. */
  readonly answersRevision = input(0);
  /** The item's stage or tellings changed: the page around it reloads what it shows. */
  readonly changed = output<void>();

  protected readonly loop = signal<LoopView | null>(null);
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly status = signal<string | null>(null);
  protected readonly maxMessage = MAX_LOOP_MESSAGE;
  protected readonly message = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(MAX_LOOP_MESSAGE)],
  });

  protected readonly stageLabel = computed(() => {
    const loop = this.loop();
    return loop ? ITEM_STAGE_LABELS[loop.stage] : '';
  });
  protected readonly channelLabel = (channel: string) =>
    LOOP_CHANNEL_LABELS[channel as LoopChannel] ?? 'On the public board';
  protected readonly statusLabel = (state: LoopActionState) => ACTION_STATUS_RULES[state.status].label;
  protected readonly when = (at: string) => instantInWords(new Date(at));
  /** The names of those told, from the speakers (the API gives ids). */
  protected readonly toldNames = (state: LoopActionState) =>
    (this.loop()?.speakers ?? [])
      .filter((s) => state.toldYoungPersonIds.includes(s.youngPersonId))
      .map((s) => s.preferredName)
      .join(', ');

  constructor() {
    effect(() => {
      this.answersRevision();
      this.load(this.itemId());
    });
  }

  private load(itemId: string): void {
    this.loading.set(true);
    this.api
      .loop(itemId)
      .pipe(finalize(() => this.loading.set(false)))
      .subscribe({
        next: (loop) => this.show(loop),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  private show(loop: LoopView): void {
    this.loop.set(loop);
    this.message.reset(loop.draft ?? '');
  }

  protected send(): void {
    if (this.busy()) return;
    if (this.message.invalid) {
      this.message.markAsTouched();
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    this.status.set(null);
    this.api
      .tell(this.itemId(), this.message.value)
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (result) => {
          this.show(result.loop);
          this.status.set(
            `Sent. Emailed: ${result.emailed}. For a trusted adult to pass on: ${result.toPassOn}. To read out at a session: ${result.toReadOut}. To tell in person: ${result.inPerson}.`,
          );
          this.changed.emit();
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  protected close(): void {
    this.act(() => this.api.close(this.itemId()), 'The loop is closed.');
  }

  protected reopen(): void {
    this.act(() => this.api.reopen(this.itemId()), 'The item is open again.');
  }

  private act(request: () => ReturnType<ActionLogLoopApi['close']>, done: string): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.status.set(null);
    request()
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (loop) => {
          this.show(loop);
          this.status.set(done);
          this.changed.emit();
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
