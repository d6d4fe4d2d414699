import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { SERVICE_EXPERIENCE_LABELS, ServiceExperienceKind } from '@heard/domain';
import type { GroupResponse } from '@heard/domain';
import { map, startWith } from 'rxjs';
import { FormActions, FormBody, FormPageShell, formPage } from '../core/form-page';
import { fieldLabelsFor } from '../core/form-errors';
import { longDate } from '../core/dates';
import {
  GROUP_FIELD_LABELS,
  GROUP_ITEM_LABELS,
  facilitatorControl,
  fillGroupForm,
  groupForm,
  patternFrom,
  previewPattern,
  toGroupRequest,
  wirePattern,
} from './group-form';
import { GroupsApi } from './groups-api';
import { PRESETS, WEEKDAYS, WEEKS_OF_MONTH, describeRrule } from './rrule-presets';

/** Creates a group (`/groups/new`) or changes one (`/groups/:id/edit`), with its meeting pattern. */
@Component({
  selector: 'heard-group-form-page',
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
  templateUrl: './group-form-page.html',
  styleUrl: './group-form-page.scss',
  host: { class: 'heard-page' },
})
export default class GroupFormPage {
  private readonly api = inject(GroupsApi);
  private readonly router = inject(Router);

  readonly id = input<string>();

  protected readonly page = formPage();

  protected readonly form = groupForm();
  protected readonly experiences = Object.values(ServiceExperienceKind).map((value) => ({
    value,
    label: SERVICE_EXPERIENCE_LABELS[value],
  }));
  protected readonly presets = PRESETS;
  protected readonly weekdays = WEEKDAYS;
  protected readonly weeks = WEEKS_OF_MONTH;
  protected readonly longDate = longDate;

  protected readonly group = signal<GroupResponse | null>(null);
  protected readonly editing = computed(() => Boolean(this.id()));
  protected readonly heading = computed(() => {
    if (!this.editing()) return 'New group';
    const group = this.group();
    return group ? `Edit ${group.name}` : 'Edit group';
  });
  protected readonly fieldLabels = computed(() =>
    fieldLabelsFor(this.page.problem(), GROUP_FIELD_LABELS, GROUP_ITEM_LABELS),
  );
  protected readonly facilitatorNames = computed(
    () => new Map((this.group()?.facilitators ?? []).map((f) => [f.id, f.displayName])),
  );

  /** The form's current pattern, redrawn as it changes. */
  private readonly pattern = toSignal(
    this.form.valueChanges.pipe(
      startWith(null),
      map(() => patternFrom(this.form)),
    ),
    { initialValue: null },
  );
  protected readonly preview = computed(() => previewPattern(this.pattern()));
  protected readonly patternWords = computed(() => {
    const pattern = this.pattern();
    return pattern?.rrule ? describeRrule(pattern.rrule) : '';
  });

  constructor() {
    const wiring = wirePattern(this.form);
    inject(DestroyRef).onDestroy(() => wiring.unsubscribe());

    this.page
      .load(this.id, (id) => this.api.get(id))
      .pipe(takeUntilDestroyed())
      .subscribe((group) => {
        this.group.set(group);
        fillGroupForm(this.form, group);
        this.page.loaded();
      });
  }

  protected get facilitators() {
    return this.form.controls.facilitatorIds;
  }

  protected get patternControls() {
    return this.form.controls.pattern.controls;
  }

  protected addFacilitator(): void {
    this.facilitators.push(facilitatorControl());
    this.page.focus.later(`#facilitator-${this.facilitators.length - 1}`);
  }

  protected removeFacilitator(index: number): void {
    this.facilitators.removeAt(index);
    this.page.focus.later('#add-facilitator');
  }

  protected save(): void {
    const id = this.id();
    this.page.save({
      form: this.form,
      request: () => {
        const request = toGroupRequest(this.form);
        return id ? this.api.update(id, request) : this.api.create(request);
      },
      saved: (saved) => {
        const message = id
          ? 'Your changes are saved. If you changed the meeting pattern, generate sessions again to update the schedule.'
          : `${saved.name} is set up. Next, add members and generate its sessions.`;
        void this.router.navigate(['/groups', saved.id], { state: { status: message } });
      },
    });
  }
}
