import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import type { PracticeToolResponse } from '@heard/domain';
import { FormActions, FormBody, FormPageShell, formPage } from '../core/form-page';
import { fieldLabelsFor } from '../core/form-errors';
import { PracticeToolsApi } from './practice-tools-api';
import {
  PRACTICE_TOOL_FIELD_LABELS,
  fillPracticeToolForm,
  practiceToolForm,
  toPracticeToolRequest,
} from './practice-tool-form';

/** Adds a tool to the catalogue (`/practice-tools/new`) or changes what it says (`/practice-tools/:id/edit`). */
@Component({
  selector: 'heard-practice-tool-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    FormPageShell,
    FormBody,
    FormActions,
  ],
  templateUrl: './practice-tool-form-page.html',
  host: { class: 'heard-page' },
})
export default class PracticeToolFormPage {
  private readonly api = inject(PracticeToolsApi);
  private readonly router = inject(Router);

  readonly id = input<string>();

  protected readonly page = formPage();
  protected readonly form = practiceToolForm();
  protected readonly tool = signal<PracticeToolResponse | null>(null);
  protected readonly editing = computed(() => Boolean(this.id()));
  protected readonly heading = computed(() => {
    if (!this.editing()) return 'New practice tool';
    const tool = this.tool();
    return tool ? `Edit ${tool.name}` : 'Edit practice tool';
  });
  protected readonly cancelLink = computed(() => {
    const id = this.id();
    return id ? ['/practice-tools', id] : ['/practice-tools'];
  });
  protected readonly fieldLabels = computed(() =>
    fieldLabelsFor(this.page.problem(), PRACTICE_TOOL_FIELD_LABELS),
  );

  constructor() {
    this.page
      .load(this.id, (id) => this.api.get(id))
      .pipe(takeUntilDestroyed())
      .subscribe((tool) => {
        this.tool.set(tool);
        fillPracticeToolForm(this.form, tool);
        this.page.loaded();
      });
  }

  protected save(): void {
    const id = this.id();
    this.page.save({
      form: this.form,
      request: () => {
        const request = toPracticeToolRequest(this.form);
        return id ? this.api.update(id, request) : this.api.create(request);
      },
      saved: (saved) => {
        const message = id
          ? 'Your changes are saved.'
          : `${saved.name} is in the catalogue, at Co-producing. Next, add its first version.`;
        void this.router.navigate(['/practice-tools', saved.id], { state: { status: message } });
      },
    });
  }
}
