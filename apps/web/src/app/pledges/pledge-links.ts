import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { NgTemplateOutlet } from '@angular/common';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { Role } from '@heard/domain';
import type {
  ActionResponse,
  ItemSummary,
  PledgeLinkRequest,
  PledgeResponse,
  ProblemDetails,
} from '@heard/domain';
import { ProblemAlert } from '@heard/ui';
import {
  type Observable,
  catchError,
  distinctUntilChanged,
  finalize,
  forkJoin,
  map,
  of,
  switchMap,
  tap,
} from 'rxjs';
import { ActionLogApi } from '../action-log/action-log-api';
import { ActionLogLoopApi } from '../action-log/action-log-loop-api';
import { shortDate } from '../core/dates';
import { pageFocus } from '../core/focus';
import { toProblem } from '../core/problem';
import { saveForm } from '../core/save-form';
import { searchAsYouType } from '../core/search-as-you-type';
import { SessionService } from '../core/session.service';
import { PledgesApi } from './pledges-api';

/** How many of the matching You said items the search offers. */
const ITEMS_OFFERED = 10;

/** A linked item as the page shows it: null when the reader may not open it. */
interface LinkedItem {
  id: string;
  item: ItemSummary | null;
  /** Its actions this pledge is linked to. */
  actions: ActionResponse[];
}

/**
 * What in the action log a pledge is linked to, each with a link to its You said item, and
 * linking one more: a You said item found by its words, and optionally one of its actions. The
 * API keeps a link to an action by the action alone, so the item comes along with it (linked
 * first, when it is not yet), and the action is shown under its item.
 */
@Component({
  selector: 'heard-pledge-links',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NgTemplateOutlet,
    ReactiveFormsModule,
    RouterLink,
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ProblemAlert,
  ],
  templateUrl: './pledge-links.html',
  styleUrl: './pledges.scss',
})
export class PledgeLinks {
  private readonly api = inject(PledgesApi);
  private readonly items = inject(ActionLogApi);
  private readonly loop = inject(ActionLogLoopApi);
  private readonly session = inject(SessionService);
  private readonly focus = pageFocus();

  readonly pledge = input.required<PledgeResponse>();
  /** The pledge as the API now has it, after a link was added. */
  readonly changed = output<PledgeResponse>();

  protected readonly saving = signal(false);
  protected readonly status = signal<string | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);
  /** Why taking a link away was refused, shown above the list. */
  protected readonly unlinkProblem = signal<ProblemDetails | null>(null);
  protected readonly shortDate = shortDate;

  /** An officer links any pledge; a leader their own (the API checks the item is one they may see). */
  protected readonly mayLink = computed(() => {
    const user = this.session.user();
    return user?.role === Role.ParticipationOfficer || user?.id === this.pledge().madeBy.id;
  });

  /** The linked items with their linked actions, and how many linked actions are under no linked item. */
  protected readonly linked = toSignal(
    toObservable(computed(() => this.pledge().links)).pipe(
      distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
      switchMap((links) => this.resolve(links)),
    ),
    { initialValue: null },
  );

  private readonly chosen = signal<ItemSummary | null>(null);
  protected readonly form = new FormGroup({
    itemId: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, (c: AbstractControl) => this.chosenItem(c)],
    }),
    actionId: new FormControl('', { nonNullable: true }),
  });

  protected readonly suggestions = searchAsYouType(
    this.form.controls.itemId.valueChanges.pipe(map((value) => (this.isOffered(value) ? null : value))),
    (text) => this.items.list({ q: text, limit: ITEMS_OFFERED }).pipe(map((page) => page.items)),
  );

  /** The chosen item's actions; none until an item is chosen, or should they fail to load. */
  protected readonly actions = signal<ActionResponse[]>([]);

  protected readonly itemLabel = (id: string): string => {
    const item = this.suggestions.items().find((i) => i.id === id) ?? this.chosen();
    return item?.id === id ? item.summary : id;
  };

  constructor() {
    // Typing again forgets the chosen item and its actions.
    this.form.controls.itemId.valueChanges.pipe(takeUntilDestroyed()).subscribe((value) => {
      if (value === this.chosen()?.id) return;
      this.chosen.set(null);
      this.actions.set([]);
      this.form.controls.actionId.setValue('');
    });
  }

  protected choose(id: string): void {
    const item = this.suggestions.items().find((i) => i.id === id) ?? null;
    this.chosen.set(item);
    this.form.controls.itemId.updateValueAndValidity();
    if (!item) return;
    this.loop
      .actionsFor(item.id)
      .pipe(catchError(() => of([] as ActionResponse[])))
      .subscribe((actions) => this.actions.set(actions));
  }

  protected link(): void {
    const { itemId, actionId } = this.form.getRawValue();
    const pledge = this.pledge();
    this.status.set(null);
    saveForm({
      form: this.form,
      within: '#pledge-link',
      focus: this.focus,
      saving: this.saving,
      problem: this.problem,
      request: () => this.request(pledge, itemId, actionId),
      saved: (after) => {
        this.status.set(
          actionId ? 'The pledge is linked to the action.' : 'The pledge is linked to the You said item.',
        );
        this.changed.emit(after);
        this.form.reset({ itemId: '', actionId: '' });
        this.suggestions.clear();
      },
    });
  }

  /** Takes away a link made by mistake; the pledge's history keeps that it was there. */
  protected unlink(link: PledgeLinkRequest): void {
    if (this.saving()) return;
    this.saving.set(true);
    this.status.set(null);
    this.unlinkProblem.set(null);
    this.api
      .unlink(this.pledge().id, link)
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (after) => {
          this.status.set(
            link.actionId
              ? 'The link to the action is taken away.'
              : 'The link to the You said item is taken away.',
          );
          this.changed.emit(after);
          this.focus.later('.pledge-link-status p');
        },
        error: (error: unknown) => {
          this.unlinkProblem.set(toProblem(error));
          this.focus.problemLater('#pledge-unlink');
        },
      });
  }

  /** The item first when an action of an item not yet linked is chosen: each link is kept on its own. */
  private request(pledge: PledgeResponse, itemId: string, actionId: string): Observable<PledgeResponse> {
    if (!actionId) return this.api.link(pledge.id, { itemId });
    if (pledge.links.itemIds.includes(itemId)) return this.api.link(pledge.id, { actionId });
    return this.api.link(pledge.id, { itemId }).pipe(
      // Should the action then be refused, the page still shows the item it is now linked to.
      tap((withItem) => this.changed.emit(withItem)),
      switchMap(() => this.api.link(pledge.id, { actionId })),
    );
  }

  private chosenItem(control: AbstractControl): ValidationErrors | null {
    const value = control.value as string;
    return !value || value === this.chosen()?.id ? null : { choose: true };
  }

  private isOffered(value: string): boolean {
    return this.suggestions.items().some((i) => i.id === value);
  }

  private resolve(links: PledgeResponse['links']): Observable<{ items: LinkedItem[]; loose: number }> {
    if (links.itemIds.length === 0 && links.actionIds.length === 0) return of({ items: [], loose: 0 });
    const one = (id: string): Observable<LinkedItem> =>
      forkJoin([
        this.items.get(id).pipe(catchError(() => of(null))),
        this.loop.actionsFor(id).pipe(catchError(() => of([] as ActionResponse[]))),
      ]).pipe(
        map(([item, actions]) => ({
          id,
          item,
          actions: actions.filter((a) => links.actionIds.includes(a.id)),
        })),
      );
    return (links.itemIds.length ? forkJoin(links.itemIds.map(one)) : of([])).pipe(
      map((items) => {
        const shown = new Set(items.flatMap((i) => i.actions.map((a) => a.id)));
        return { items, loose: links.actionIds.filter((id) => !shown.has(id)).length };
      }),
    );
  }
}
