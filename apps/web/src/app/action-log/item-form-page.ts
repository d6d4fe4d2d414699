import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
import { MAX_ITEM_QUOTES, MAX_ITEM_SPEAKERS, MAX_QUOTE_LENGTH, addDays, todayInLondon } from '@heard/domain';
import type {
  ActionLogListEntry,
  CreateItemRequest,
  GroupSessionResponse,
  GroupSummary,
  YoungPersonListItem,
} from '@heard/domain';
import { catchError, forkJoin, map, of, startWith, switchMap } from 'rxjs';
import { londonDate, londonTime, shortDate } from '../core/dates';
import { fieldLabelsFor } from '../core/form-errors';
import { FormActions, FormBody, FormPageShell, formPage } from '../core/form-page';
import { type PersonChoice, displayPerson } from '../core/person-choice';
import { searchAsYouType } from '../core/search-as-you-type';
import { GroupsApi } from '../groups/groups-api';
import { SessionsApi } from '../groups/sessions-api';
import { YoungPeopleApi } from '../young-people/young-people-api';
import { ActionLogApi } from './action-log-api';
import { ITEM_FIELD_LABELS, ItemFields, type ItemFieldsForm, itemFieldsForm } from './item-fields';

/** How far back the session list reaches: what a group said is recorded soon after. */
const SESSION_WEEKS_BACK = 12;

type QuoteRow = FormGroup<{ words: FormControl<string>; youngPersonId: FormControl<string> }>;

export interface Speaker {
  id: string;
  name: string;
}

/** The request from the form: empty choices become null, and quotes without words are left out. */
export function createRequest(
  fields: ReturnType<ItemFieldsForm['getRawValue']>,
  speakers: readonly Speaker[],
  groupId: string,
  sessionId: string,
  quotes: readonly { words: string; youngPersonId: string }[],
): CreateItemRequest {
  return {
    // The form is only sent once valid, so source and channel are chosen.
    source: fields.source as CreateItemRequest['source'],
    channel: fields.channel as CreateItemRequest['channel'],
    serviceId: fields.serviceId || null,
    themeId: fields.themeId || null,
    saidOn: fields.saidOn,
    summary: fields.summary.trim(),
    attributable: fields.attributable,
    youngPersonIds: speakers.map((s) => s.id),
    groupId: groupId || null,
    sessionId: sessionId || null,
    quotes: quotes
      .filter((q) => q.words.trim())
      .map((q) => ({ words: q.words.trim(), youngPersonId: q.youngPersonId || null })),
  };
}

/** Recording what was said (`/action-log/new`): what, by whom, where it was filed, and any quotes. */
@Component({
  selector: 'heard-item-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    FormPageShell,
    FormBody,
    FormActions,
    ItemFields,
  ],
  templateUrl: './item-form-page.html',
  styleUrl: './item-form-page.scss',
  host: { class: 'heard-page' },
})
export default class ItemFormPage {
  private readonly api = inject(ActionLogApi);
  private readonly router = inject(Router);
  private readonly sessionsApi = inject(SessionsApi);
  private readonly youngPeople = inject(YoungPeopleApi);

  protected readonly page = formPage();
  protected readonly fields = itemFieldsForm();
  protected readonly person = new FormControl<PersonChoice<YoungPersonListItem>>(null);
  protected readonly groupId = new FormControl('', { nonNullable: true });
  protected readonly sessionId = new FormControl('', { nonNullable: true });
  protected readonly quotes = new FormArray<QuoteRow>([]);
  protected readonly form = new FormGroup({
    fields: this.fields,
    groupId: this.groupId,
    sessionId: this.sessionId,
    quotes: this.quotes,
  });

  protected readonly speakers = signal<Speaker[]>([]);
  protected readonly speakerStatus = signal('');
  protected readonly services = signal<ActionLogListEntry[]>([]);
  protected readonly themes = signal<ActionLogListEntry[]>([]);
  protected readonly groups = signal<GroupSummary[]>([]);
  protected readonly listsProblem = signal<string | null>(null);
  protected readonly maxQuotes = MAX_ITEM_QUOTES;
  protected readonly quoteMax = MAX_QUOTE_LENGTH;
  protected readonly displayPerson = displayPerson;

  protected readonly suggestions = searchAsYouType(this.person.valueChanges, (text) =>
    this.youngPeople.search(text).pipe(map((page) => page.items)),
  );

  /** The chosen group's sessions of the last few weeks, newest first. */
  protected readonly sessions = toSignal(
    this.groupId.valueChanges.pipe(
      startWith(''),
      switchMap((groupId) => {
        if (!groupId) return of([] as GroupSessionResponse[]);
        const today = todayInLondon();
        return this.sessionsApi
          .list({ from: addDays(today, -7 * SESSION_WEEKS_BACK), to: today, groupId })
          .pipe(
            map((sessions) => sessions.filter((s) => s.status === 'scheduled').reverse()),
            catchError(() => of([] as GroupSessionResponse[])),
          );
      }),
    ),
    { initialValue: [] as GroupSessionResponse[] },
  );

  protected readonly fieldLabels = computed(() =>
    fieldLabelsFor(this.page.problem(), ITEM_FIELD_LABELS, {
      quotes: 'Quote',
      youngPersonIds: 'Young person',
    }),
  );

  constructor() {
    forkJoin([
      this.api.listEntries('services'),
      this.api.listEntries('themes'),
      inject(GroupsApi).list('', 1, 100),
    ])
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: ([services, themes, groups]) => {
          this.services.set(services);
          this.themes.set(themes);
          this.groups.set(groups.items);
        },
        error: () =>
          this.listsProblem.set(
            'We could not load the services, themes and groups just now. You can still record it, and file it later.',
          ),
      });
    this.groupId.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.sessionId.setValue(''));
  }

  protected sessionLabel(session: GroupSessionResponse): string {
    return `${shortDate(londonDate(session.startsAt))}, ${londonTime(session.startsAt)}`;
  }

  protected choose(event: MatAutocompleteSelectedEvent): void {
    const person = event.option.value as YoungPersonListItem;
    this.person.setValue(null);
    this.suggestions.clear();
    if (this.speakers().some((s) => s.id === person.id)) {
      this.speakerStatus.set(`${person.preferredName} is already listed.`);
      return;
    }
    if (this.speakers().length >= MAX_ITEM_SPEAKERS) {
      this.speakerStatus.set(`You can name at most ${MAX_ITEM_SPEAKERS} young people.`);
      return;
    }
    this.speakers.update((list) => [...list, { id: person.id, name: person.preferredName }]);
    this.speakerStatus.set(`Added ${person.preferredName}.`);
  }

  protected removeSpeaker(speaker: Speaker): void {
    this.speakers.update((list) => list.filter((s) => s.id !== speaker.id));
    for (const row of this.quotes.controls) {
      if (row.controls.youngPersonId.value === speaker.id) row.controls.youngPersonId.setValue('');
    }
    this.speakerStatus.set(`Removed ${speaker.name}.`);
    this.page.focus.later('#speaker-search');
  }

  protected addQuote(): void {
    if (this.quotes.length >= MAX_ITEM_QUOTES) return;
    this.quotes.push(
      new FormGroup({
        words: new FormControl('', {
          nonNullable: true,
          validators: [Validators.required, Validators.maxLength(MAX_QUOTE_LENGTH)],
        }),
        youngPersonId: new FormControl('', { nonNullable: true }),
      }),
    );
    this.page.focus.later(`#quote-${this.quotes.length - 1}`);
  }

  protected removeQuote(index: number): void {
    this.quotes.removeAt(index);
    this.page.focus.later('#add-quote');
  }

  protected save(): void {
    this.page.save({
      form: this.form,
      aliases: {
        source: 'fields.source',
        serviceId: 'fields.serviceId',
        themeId: 'fields.themeId',
        saidOn: 'fields.saidOn',
        channel: 'fields.channel',
        summary: 'fields.summary',
        attributable: 'fields.attributable',
      },
      request: () =>
        this.api.create(
          createRequest(
            this.fields.getRawValue(),
            this.speakers(),
            this.groupId.value,
            this.sessionId.value,
            this.quotes.getRawValue(),
          ),
        ),
      saved: (item) => void this.router.navigate(['/action-log/items', item.id]),
    });
  }
}
