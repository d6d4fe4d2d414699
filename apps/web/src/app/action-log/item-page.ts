import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { MAX_QUOTE_LENGTH, Role } from '@heard/domain';
import type {
  ActionLogListEntry,
  ItemDetail,
  ItemQuote,
  ProblemDetails,
  UpdateItemRequest,
} from '@heard/domain';
import { PageHeader, ProblemAlert } from '@heard/ui';
import { Subject, forkJoin } from 'rxjs';
import { londonDate, sessionWhen, shortDate } from '../core/dates';
import { pageFocus } from '../core/focus';
import { loadRecord } from '../core/load-record';
import { toProblem } from '../core/problem';
import { saveForm } from '../core/save-form';
import { SessionService } from '../core/session.service';
import { ActionLogApi } from './action-log-api';
import {
  channelWords,
  instantWords,
  overdueWords,
  sourceWords,
  stageWords,
  timelineWords,
} from './action-log-words';
import { mayRecord } from './action-log.routes';
import { HeardItemActions } from './heard-item-actions';
import { HeardItemLoop } from './heard-item-loop';
import { ItemPublication } from './item-publication';
import { ItemRatings } from './item-ratings';
import { ITEM_FIELD_LABELS, ItemFields, itemFieldsForm, itemFieldsFrom } from './item-fields';

/** What an officer changed in the form, and nothing else: the API records each change on the timeline. */
export function itemChanges(item: ItemDetail, value: ReturnType<typeof itemFieldsFrom>): UpdateItemRequest {
  const before = itemFieldsFrom(item);
  const change: UpdateItemRequest = { expectedUpdatedAt: item.updatedAt };
  if (value.source && value.source !== before.source) change.source = value.source;
  if (value.channel && value.channel !== before.channel) change.channel = value.channel;
  if (value.serviceId !== undefined && value.serviceId !== before.serviceId)
    change.serviceId = value.serviceId || null;
  if (value.themeId !== undefined && value.themeId !== before.themeId) change.themeId = value.themeId || null;
  if (value.saidOn && value.saidOn !== before.saidOn) change.saidOn = value.saidOn;
  if (value.summary !== undefined && value.summary.trim() !== before.summary)
    change.summary = value.summary.trim();
  if (value.attributable !== undefined && value.attributable !== before.attributable)
    change.attributable = value.attributable;
  return change;
}

/**
 * One "You said" item: what was said and by whom, its quotes, its timeline, and taking it on.
 * The actions that answer it, closing the loop, the young experts' ratings and publishing are
 * added below the details by their own components.
 */
@Component({
  selector: 'heard-item-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    PageHeader,
    ProblemAlert,
    ItemFields,
    HeardItemActions,
    HeardItemLoop,
    ItemPublication,
    ItemRatings,
  ],
  templateUrl: './item-page.html',
  styleUrl: './item-page.scss',
  host: { class: 'heard-page' },
})
export default class ItemPage {
  private readonly api = inject(ActionLogApi);
  private readonly session = inject(SessionService);
  private readonly focus = pageFocus();
  private readonly reloads = new Subject<void>();
  /** Counts changes to the item's answers, for the loop below them (it stays on the page as the item reloads). */
  protected readonly answersRevision = signal(0);

  readonly id = input.required<string>();

  protected readonly item = signal<ItemDetail | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadProblem = signal<ProblemDetails | null>(null);
  protected readonly status = signal<string | null>(null);
  protected readonly canRecord = computed(() => mayRecord(this.session.user()?.role));
  /** The young experts' ratings: officers and senior leaders (the API's rule; others are refused). */
  protected readonly canSeeRatings = computed(() => {
    const role = this.session.user()?.role;
    return role === Role.ParticipationOfficer || role === Role.SeniorLeader;
  });
  protected readonly toAcknowledge = computed(() => {
    const item = this.item();
    return Boolean(item && !item.acknowledgedAt && !item.closedAt && this.canRecord());
  });

  protected readonly stageWords = stageWords;
  protected readonly overdueWords = overdueWords;
  protected readonly sourceWords = sourceWords;
  protected readonly channelWords = channelWords;
  protected readonly instantWords = instantWords;
  protected readonly timelineWords = timelineWords;
  protected readonly shortDate = shortDate;
  protected readonly londonDate = londonDate;
  protected readonly sessionWhen = sessionWhen;

  protected readonly acknowledging = signal(false);
  protected readonly acknowledgeProblem = signal<ProblemDetails | null>(null);

  protected readonly editing = signal(false);
  protected readonly saving = signal(false);
  protected readonly editProblem = signal<ProblemDetails | null>(null);
  /** Set when someone else changed the item while this person was editing it. */
  protected readonly conflict = signal<string | null>(null);
  protected readonly editForm = itemFieldsForm();
  protected readonly fieldLabels = ITEM_FIELD_LABELS;
  protected readonly services = signal<ActionLogListEntry[]>([]);
  protected readonly themes = signal<ActionLogListEntry[]>([]);

  protected readonly quoteMax = MAX_QUOTE_LENGTH;
  protected readonly addingQuote = signal(false);
  protected readonly quoteProblem = signal<ProblemDetails | null>(null);
  protected readonly quoteForm = new FormGroup({
    words: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(MAX_QUOTE_LENGTH)],
    }),
    youngPersonId: new FormControl('', { nonNullable: true }),
  });

  constructor() {
    loadRecord(
      this.id,
      (id) => this.api.get(id),
      { loading: this.loading, problem: this.loadProblem },
      { when: this.reloads, showLoading: false },
    )
      .pipe(takeUntilDestroyed())
      .subscribe((item) => {
        this.item.set(item);
        this.loading.set(false);
      });
  }

  /** Loads the item again, quietly: for the components below the details after they change it. */
  reload(): void {
    this.reloads.next();
  }

  /** An answer was added or moved: the loop shows who must now be told, with a new draft. */
  protected answersChanged(): void {
    this.answersRevision.update((n) => n + 1);
    this.reload();
  }

  protected speakerName(quote: ItemQuote): string {
    if (!quote.youngPersonId) return 'No one named';
    return (
      this.item()?.speakers.find((s) => s.youngPersonId === quote.youngPersonId)?.name ?? 'A young person'
    );
  }

  protected acknowledge(): void {
    const item = this.item();
    if (!item || this.acknowledging()) return;
    this.acknowledging.set(true);
    this.acknowledgeProblem.set(null);
    this.status.set(null);
    this.api.acknowledge(item.id).subscribe({
      next: (saved) => {
        this.item.set(saved);
        this.acknowledging.set(false);
        this.status.set('Acknowledged. You have taken this item on; it is now to answer.');
        this.focus.later('.status-region p');
      },
      error: (error: unknown) => {
        this.acknowledging.set(false);
        this.acknowledgeProblem.set(toProblem(error));
        this.focus.problemLater('.acknowledge');
        this.reload();
      },
    });
  }

  protected startEditing(): void {
    const item = this.item();
    if (!item) return;
    this.editForm.reset(itemFieldsFrom(item));
    // An evaluation's source and channel are set by the evaluation it came from.
    const fromEvaluation = item.source === 'evaluation';
    for (const control of [this.editForm.controls.source, this.editForm.controls.channel]) {
      if (fromEvaluation) control.disable();
      else control.enable();
    }
    this.editProblem.set(null);
    this.conflict.set(null);
    this.status.set(null);
    this.editing.set(true);
    this.focus.later('#edit-heading');
    forkJoin([this.api.listEntries('services'), this.api.listEntries('themes')]).subscribe({
      next: ([services, themes]) => {
        this.services.set(services);
        this.themes.set(themes);
      },
      error: (error: unknown) => this.editProblem.set(toProblem(error)),
    });
  }

  protected cancelEditing(): void {
    this.editing.set(false);
    this.conflict.set(null);
    this.focus.later('#change-button');
  }

  protected save(): void {
    const item = this.item();
    if (!item) return;
    const change = itemChanges(item, this.editForm.value);
    if (Object.keys(change).length === 1 && this.editForm.valid) {
      this.conflict.set(null);
      this.editProblem.set(null);
      this.status.set('Nothing has changed, so there is nothing to save.');
      this.focus.later('.status-region p');
      return;
    }
    saveForm({
      form: this.editForm,
      focus: this.focus,
      within: '.edit',
      saving: this.saving,
      problem: this.editProblem,
      request: () => {
        this.conflict.set(null);
        return this.api.update(item.id, change);
      },
      saved: (saved) => {
        this.item.set(saved);
        this.editing.set(false);
        this.status.set('Saved. The change is on the timeline.');
        this.focus.later('.status-region p');
      },
      // Someone else saved first: show their version, keep what this person typed, and let them try again.
      refused: (problem) => {
        if (problem.status !== 409) return false;
        this.editProblem.set(null);
        this.api.get(item.id).subscribe({
          next: (fresh) => {
            this.item.set(fresh);
            this.conflict.set(
              'Someone else changed this item while you were editing it. The details above now show their ' +
                'changes. Your changes are still in the form: check them against the details, then save again.',
            );
            this.focus.later('.conflict');
          },
          error: (error: unknown) => {
            this.editProblem.set(toProblem(error));
            this.focus.problemLater('.edit');
          },
        });
        return true;
      },
    });
  }

  protected addQuote(): void {
    const item = this.item();
    if (!item) return;
    saveForm({
      form: this.quoteForm,
      focus: this.focus,
      within: '.add-quote',
      saving: this.addingQuote,
      problem: this.quoteProblem,
      request: () => {
        this.status.set(null);
        const { words, youngPersonId } = this.quoteForm.getRawValue();
        return this.api.addQuote(item.id, { words: words.trim(), youngPersonId: youngPersonId || null });
      },
      saved: (saved) => {
        this.item.set(saved);
        this.quoteForm.reset({ words: '', youngPersonId: '' });
        this.status.set('Quote added.');
        this.focus.later('.status-region p');
      },
    });
  }
}
