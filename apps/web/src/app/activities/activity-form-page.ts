import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  ATTENDANCE_CONSENT_PURPOSES,
  CONSENT_PURPOSE_LABELS,
  PHOTO_PLAN_LABELS,
  PhotoPlan,
  SERVICE_EXPERIENCE_LABELS,
  ServiceExperienceKind,
} from '@heard/domain';
import type { ActivityDayResponse } from '@heard/domain';
import { FormActions, FormBody, FormPageShell, formPage } from '../core/form-page';
import { toProblem } from '../core/problem';
import { GroupsApi } from '../groups/groups-api';
import { fieldLabelsFor } from '../core/form-errors';
import { ActivitiesApi } from './activities-api';
import {
  ACTIVITY_FIELD_ALIASES,
  ACTIVITY_FIELD_LABELS,
  activityForm,
  fillActivityForm,
  toActivityRequest,
} from './activity-form';

/** Plans an activity day (`/activities/new`) or changes one (`/activities/:id/edit`). */
@Component({
  selector: 'heard-activity-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    FormPageShell,
    FormBody,
    FormActions,
  ],
  templateUrl: './activity-form-page.html',
  styleUrl: './activity-form-page.scss',
  host: { class: 'heard-page' },
})
export default class ActivityFormPage {
  private readonly api = inject(ActivitiesApi);
  private readonly router = inject(Router);

  readonly id = input<string>();

  protected readonly page = formPage();

  protected readonly form = activityForm();
  protected readonly photoPlans = Object.values(PhotoPlan).map((value) => ({
    value,
    label: PHOTO_PLAN_LABELS[value],
  }));
  protected readonly experiences = Object.values(ServiceExperienceKind).map((value) => ({
    value,
    label: SERVICE_EXPERIENCE_LABELS[value],
  }));
  // Only what may stop someone coming is offered: photos and quotes are the young person's choice.
  protected readonly consents = ATTENDANCE_CONSENT_PURPOSES.map((value) => ({
    value,
    label: CONSENT_PURPOSE_LABELS[value],
  }));

  protected readonly activity = signal<ActivityDayResponse | null>(null);
  protected readonly groups = signal<{ id: string; name: string }[]>([]);
  protected readonly groupsProblem = signal<string | null>(null);
  protected readonly editing = computed(() => Boolean(this.id()));
  protected readonly heading = computed(() => {
    if (!this.editing()) return 'Plan an activity day';
    const activity = this.activity();
    return activity ? `Edit ${activity.title}` : 'Edit activity day';
  });
  protected readonly fieldLabels = computed(() => fieldLabelsFor(this.page.problem(), ACTIVITY_FIELD_LABELS));

  constructor() {
    this.page
      .load(this.id, (id) => this.api.get(id))
      .pipe(takeUntilDestroyed())
      .subscribe((activity) => {
        this.activity.set(activity);
        fillActivityForm(this.form, activity);
        // The date and times change through "Move", which tells everyone expecting to come.
        for (const name of ['date', 'startTime', 'endTime'] as const) this.form.controls[name].disable();
        this.page.loaded();
      });

    inject(GroupsApi)
      .list('', 1, 100)
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (page) => this.groups.set(page.items.map(({ id, name }) => ({ id, name }))),
        error: (error: unknown) =>
          this.groupsProblem.set(
            `We could not load the groups, so you cannot choose any just now. ${toProblem(error).detail}`,
          ),
      });
  }

  protected get cohort() {
    return this.form.controls.cohort.controls;
  }

  protected save(): void {
    const id = this.id();
    this.page.save({
      form: this.form,
      aliases: ACTIVITY_FIELD_ALIASES,
      request: () => {
        const request = toActivityRequest(this.form);
        return id ? this.api.update(id, request) : this.api.create(request);
      },
      saved: (saved) => {
        const message = id
          ? 'Your changes are saved.'
          : `${saved.title} is planned. Next, invite young people: Heard suggests who fits.`;
        void this.router.navigate(['/activities', saved.id], { state: { status: message } });
      },
    });
  }
}
