import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  RELATIONSHIP_LABELS,
  SERVICE_EXPERIENCE_LABELS,
  ServiceExperienceKind,
  TrustedAdultRelationship,
} from '@heard/domain';
import type { KeptListEntry, ParticipationPreference, YoungPersonResponse } from '@heard/domain';
import { StaffPicker } from '../staff/staff-picker';
import { FormActions, FormBody, FormPageShell, formPage } from '../core/form-page';
import { fieldLabelsFor } from '../core/form-errors';
import { KeptListApi } from '../shared/kept-list-api';
import { CATEGORIES_URL, YoungPeopleApi } from './young-people-api';
import {
  PARTICIPATION_LABELS,
  YOUNG_PERSON_FIELD_LABELS,
  YOUNG_PERSON_ITEM_LABELS,
  fillForm,
  serviceExperienceGroup,
  tickCategory,
  toRequest,
  trustedAdultGroup,
  youngPersonForm,
} from './young-person-form';

/** Adds a young person (`/young-people/new`) or changes one (`/young-people/:id/edit`). */
@Component({
  selector: 'heard-young-person-form-page',
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
    StaffPicker,
  ],
  templateUrl: './young-person-form-page.html',
  styleUrl: './young-person-form-page.scss',
  host: { class: 'heard-page' },
})
export default class YoungPersonFormPage {
  private readonly api = inject(YoungPeopleApi);
  private readonly router = inject(Router);

  /** The record's id, from the route; absent when adding someone new. */
  readonly id = input<string>();

  protected readonly page = formPage();

  protected readonly form = youngPersonForm();
  protected readonly experiences = Object.values(ServiceExperienceKind).map((value) => ({
    value,
    label: SERVICE_EXPERIENCE_LABELS[value],
  }));
  protected readonly relationships = Object.values(TrustedAdultRelationship).map((value) => ({
    value,
    label: RELATIONSHIP_LABELS[value],
  }));
  protected readonly preferences = (Object.keys(PARTICIPATION_LABELS) as ParticipationPreference[]).map(
    (value) => ({ value, label: PARTICIPATION_LABELS[value] }),
  );

  protected readonly person = signal<YoungPersonResponse | null>(null);
  /** The team's whole list; null until it has loaded. */
  private readonly categoryList = signal<KeptListEntry[] | null>(null);
  /**
   * The categories offered: the current ones, and a retired one only where the record already
   * has it (the API keeps it until it is unticked, and refuses it otherwise).
   */
  protected readonly categories = computed(() => {
    const had = new Set((this.person()?.categories ?? []).map((category) => category.id));
    return (this.categoryList() ?? []).filter((category) => !category.retired || had.has(category.id));
  });
  protected readonly categoriesFailed = signal(false);
  protected readonly editing = computed(() => Boolean(this.id()));
  protected readonly heading = computed(() => {
    if (!this.editing()) return 'Add a young person';
    const person = this.person();
    return person ? `Edit details for ${person.preferredName}` : 'Edit details';
  });
  protected readonly fieldLabels = computed(() =>
    fieldLabelsFor(this.page.problem(), YOUNG_PERSON_FIELD_LABELS, YOUNG_PERSON_ITEM_LABELS),
  );
  /** Names of the trusted adults already linked, so the form shows names rather than ids. */
  protected readonly adultNames = computed(
    () => new Map((this.person()?.trustedAdults ?? []).map((adult) => [adult.userId, adult.displayName])),
  );

  constructor() {
    inject(KeptListApi)
      .list(CATEGORIES_URL)
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (list) => this.categoryList.set(list),
        error: () => this.categoriesFailed.set(true),
      });
    this.page
      .load(this.id, (id) => this.api.get(id))
      .pipe(takeUntilDestroyed())
      .subscribe((person) => {
        this.person.set(person);
        fillForm(this.form, person);
        this.page.loaded();
      });
  }

  protected ticked(id: string): boolean {
    return this.form.controls.categoryIds.value.includes(id);
  }

  protected tick(id: string, ticked: boolean): void {
    tickCategory(this.form, id, ticked);
  }

  protected get serviceExperiences() {
    return this.form.controls.serviceExperiences;
  }

  protected get trustedAdults() {
    return this.form.controls.trustedAdults;
  }

  protected addExperience(): void {
    this.serviceExperiences.push(serviceExperienceGroup());
    this.page.focus.later(`#experience-${this.serviceExperiences.length - 1}-kind`);
  }

  protected removeExperience(index: number): void {
    this.serviceExperiences.removeAt(index);
    this.page.focus.later('#add-experience');
  }

  protected addAdult(): void {
    this.trustedAdults.push(trustedAdultGroup());
    this.page.focus.later(`#adult-${this.trustedAdults.length - 1}-user`);
  }

  protected removeAdult(index: number): void {
    this.trustedAdults.removeAt(index);
    this.page.focus.later('#add-adult');
  }

  protected save(): void {
    const id = this.id();
    this.page.save({
      form: this.form,
      request: () => {
        const request = toRequest(this.form);
        return id ? this.api.update(id, request) : this.api.create(request);
      },
      saved: (saved) => {
        void this.router.navigate(['/young-people', saved.id], {
          state: { status: id ? 'Your changes are saved.' : `${saved.preferredName} is added.` },
        });
      },
    });
  }
}
