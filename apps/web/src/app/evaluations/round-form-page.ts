import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import type {
  CalendarOccasion,
  EvaluationRoundCreated,
  GroupSummary,
  PracticeToolResponse,
  QuestionKind,
  YoungPersonListItem,
} from '@heard/domain';
import {
  DEFAULT_QUESTIONS,
  MAX_QUESTIONS,
  QUESTION_KINDS,
  ROUND_AUDIENCES,
  addDays,
  todayInLondon,
} from '@heard/domain';
import { FormActions, FormBody, FormPageShell, formPage } from '../core/form-page';
import { fieldLabelsFor } from '../core/form-errors';
import { shortDate, londonDate } from '../core/dates';
import { GroupsApi } from '../groups/groups-api';
import { CalendarApi } from '../groups/sessions-api';
import { PracticeToolsApi } from '../practice-tools/practice-tools-api';
import { YoungPeopleApi } from '../young-people/young-people-api';
import { EvaluationRoundsApi } from './evaluation-rounds-api';
import { HowOftenAskedText, howOftenAskedState } from './how-often-asked';
import {
  AUDIENCE_LABELS,
  OCCASION_KIND_LABELS,
  ONLINE,
  QUESTION_KIND_LABELS,
  ROUND_FIELD_LABELS,
  newQuestionKey,
  occasionValue,
  questionForm,
  roundForm,
  roundOccasions,
  toRoundRequest,
} from './round-form';

/**
 * Setting up a round of one tool version (`/practice-tools/:id/versions/:versionId/rounds/new`):
 * its questions (the usual five to start), where it is held, its days and who it is for. A link
 * round's link is shown once, here, because only its hash is kept.
 */
@Component({
  selector: 'heard-round-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    FormPageShell,
    FormBody,
    FormActions,
    HowOftenAskedText,
  ],
  templateUrl: './round-form-page.html',
  styleUrl: './round-form-page.scss',
  host: { class: 'heard-page' },
})
export default class RoundFormPage {
  private readonly tools = inject(PracticeToolsApi);
  private readonly rounds = inject(EvaluationRoundsApi);
  private readonly people = inject(YoungPeopleApi);
  private readonly router = inject(Router);

  /** The tool, from the route. */
  readonly id = input.required<string>();
  readonly versionId = input.required<string>();

  protected readonly page = formPage();
  protected readonly form = roundForm();
  protected readonly tool = signal<PracticeToolResponse | null>(null);
  protected readonly version = computed(
    () => this.tool()?.versions.find((v) => v.id === this.versionId()) ?? null,
  );
  protected readonly heading = computed(() => {
    const tool = this.tool();
    const version = this.version();
    return tool && version ? `Set up a round of ${tool.name}, ${version.label}` : 'Set up a round';
  });
  protected readonly fieldLabels = computed(() => fieldLabelsFor(this.page.problem(), ROUND_FIELD_LABELS));

  protected readonly kinds = QUESTION_KINDS;
  protected readonly kindLabels = QUESTION_KIND_LABELS;
  protected readonly audiences = ROUND_AUDIENCES;
  protected readonly audienceLabels = AUDIENCE_LABELS;
  protected readonly online = ONLINE;
  protected readonly maxQuestions = MAX_QUESTIONS;

  protected readonly occasions = signal<CalendarOccasion[]>([]);
  protected readonly groups = signal<GroupSummary[]>([]);
  protected readonly audience = signal(this.form.controls.audience.value);

  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly found = signal<YoungPersonListItem[] | null>(null);
  /** How often each one found was asked lately, so the quieter voices are easy to find (issue 11 §8). */
  protected readonly asked = howOftenAskedState();
  protected readonly foundInOrder = computed(() => {
    const found = this.found();
    return found ? this.asked.order(found, (p) => p.id) : null;
  });
  protected readonly chosen = signal<{ id: string; preferredName: string }[]>([]);
  protected readonly namedProblem = signal<string | null>(null);

  /** After a link round is made: its link, shown this once. */
  protected readonly created = signal<EvaluationRoundCreated | null>(null);
  protected readonly copied = signal(false);
  protected readonly linkUrl = computed(() => {
    const path = this.created()?.link?.path;
    return path ? `${location.origin}${path}` : '';
  });

  constructor() {
    this.page
      .load(this.id, (id) => this.tools.get(id))
      .pipe(takeUntilDestroyed())
      .subscribe((tool) => {
        this.tool.set(tool);
        this.page.loaded();
      });
    const today = todayInLondon();
    inject(CalendarApi)
      .week({ from: addDays(today, -7), to: addDays(today, 34) })
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (list) => this.occasions.set(roundOccasions(list)),
        error: () => this.occasions.set([]),
      });
    inject(GroupsApi)
      .list('', 1, 100)
      .pipe(takeUntilDestroyed())
      .subscribe({ next: (page) => this.groups.set(page.items), error: () => this.groups.set([]) });
    this.form.controls.audience.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((a) => this.audience.set(a));
  }

  protected occasionOption(o: CalendarOccasion): { value: string; label: string } {
    const kind = OCCASION_KIND_LABELS[o.kind as keyof typeof OCCASION_KIND_LABELS];
    return { value: occasionValue(o), label: `${kind}: ${o.title}, ${shortDate(londonDate(o.startsAt))}` };
  }

  protected get questions() {
    return this.form.controls.questions;
  }

  protected addQuestion(kind: QuestionKind = 'open'): void {
    if (this.questions.length >= MAX_QUESTIONS) return;
    const key = newQuestionKey(this.questions.controls.map((q) => q.controls.key.value));
    this.questions.push(questionForm({ key, kind, prompt: '' }));
    this.page.focus.later(`#prompt-${this.questions.length - 1}`);
  }

  protected removeQuestion(at: number): void {
    this.questions.removeAt(at);
    this.page.focus.later('#questions-heading');
  }

  protected moveQuestion(at: number, by: -1 | 1): void {
    const to = at + by;
    if (to < 0 || to >= this.questions.length) return;
    const q = this.questions.at(at);
    this.questions.removeAt(at);
    this.questions.insert(to, q);
    this.page.focus.later(`#${by < 0 ? 'up' : 'down'}-${to}`);
  }

  protected startAgain(): void {
    this.questions.clear();
    for (const q of DEFAULT_QUESTIONS) this.questions.push(questionForm(q));
  }

  protected find(): void {
    const q = this.search.value.trim();
    if (!q) return;
    this.people.search(q).subscribe({
      next: (page) => {
        this.found.set(page.items);
        this.asked.load(page.items.map((p) => p.id));
      },
      error: () => this.found.set([]),
    });
  }

  protected choose(person: YoungPersonListItem): void {
    if (!this.chosen().some((p) => p.id === person.id))
      this.chosen.update((list) => [...list, { id: person.id, preferredName: person.preferredName }]);
    this.namedProblem.set(null);
  }

  protected unchoose(id: string): void {
    this.chosen.update((list) => list.filter((p) => p.id !== id));
  }

  protected isChosen(id: string): boolean {
    return this.chosen().some((p) => p.id === id);
  }

  protected save(): void {
    if (this.audience() === 'named' && this.chosen().length === 0) {
      this.namedProblem.set('Choose at least one young person.');
      this.page.focus.later('#find-young-people');
      return;
    }
    this.page.save({
      form: this.form,
      request: () =>
        this.rounds.create(
          toRoundRequest(
            this.form,
            this.versionId(),
            this.chosen().map((p) => p.id),
          ),
        ),
      saved: (round) => {
        if (round.link) {
          this.created.set(round);
          this.page.focus.later('#link-heading');
          return;
        }
        void this.router.navigate(['/practice-tools/rounds', round.id], {
          state: { status: `The round "${round.title}" is set up.` },
        });
      },
    });
  }

  protected selectAll(event: FocusEvent): void {
    (event.target as HTMLInputElement).select();
  }

  protected async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.linkUrl());
      this.copied.set(true);
    } catch {
      // No clipboard (an old browser, or permission refused): the link stays on screen to copy by hand.
      this.copied.set(false);
    }
  }
}
