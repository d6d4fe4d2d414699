import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import type { AuditEventResponse } from '@heard/domain';
import {
  BOUNDED_PAGINATOR_PROVIDERS,
  EmptyState,
  ListEmpty,
  ListResults,
  ListTable,
  PageHeader,
  totalWords,
} from '@heard/ui';
import { listPage } from '../../core/list-page';
import { AuditApi, type AuditFilters } from './audit-api';
import {
  AUDIT_ACTIONS,
  type AuditActionValue,
  auditActionLabel,
  detailText,
  endOfDay,
  entityTypeLabel,
  startOfDay,
} from './audit-labels';
import { pageFocus } from '../../core/focus';

export type AuditFilterForm = FormGroup<{
  action: FormControl<AuditActionValue | ''>;
  entityType: FormControl<string>;
  actorUserId: FormControl<string>;
  from: FormControl<string>;
  to: FormControl<string>;
}>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ENTITY_TYPE = /^[a-z_]{1,40}$/;

@Component({
  selector: 'heard-audit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    PageHeader,
    EmptyState,
    ListResults,
    ListTable,
    ListEmpty,
  ],
  templateUrl: './audit-page.html',
  providers: BOUNDED_PAGINATOR_PROVIDERS,
  styleUrl: './audit-page.scss',
  host: { class: 'heard-page' },
})
export default class AuditPage {
  private readonly api = inject(AuditApi);
  private readonly focus = pageFocus();

  protected readonly actions = AUDIT_ACTIONS.map((value) => ({ value, label: auditActionLabel(value) }));
  protected readonly entityTypeLabel = entityTypeLabel;
  protected readonly detailText = detailText;
  protected readonly columns = ['at', 'action', 'record', 'actor', 'detail'];
  protected readonly pageSizes = [25, 50, 100, 200];

  protected readonly form: AuditFilterForm = new FormGroup({
    action: new FormControl<AuditActionValue | ''>('', { nonNullable: true }),
    entityType: new FormControl('', { nonNullable: true, validators: [Validators.pattern(ENTITY_TYPE)] }),
    actorUserId: new FormControl('', { nonNullable: true, validators: [Validators.pattern(UUID)] }),
    from: new FormControl('', { nonNullable: true }),
    to: new FormControl('', { nonNullable: true }),
  });

  protected readonly filters = signal<AuditFilters>({});
  protected readonly page = signal(1);
  protected readonly pageSize = signal(50);
  protected readonly totalWords = totalWords;
  protected readonly list = listPage({
    query: computed(() => ({ filters: this.filters(), page: this.page(), pageSize: this.pageSize() })),
    load: ({ filters, page, pageSize }) => this.api.list(filters, page, pageSize),
  });

  constructor() {
    this.list.reload();
  }

  protected actionLabel(event: AuditEventResponse): string {
    return auditActionLabel(event.action);
  }

  protected apply(): void {
    const { action, entityType, actorUserId, from, to } = this.form.getRawValue();
    if (from && to && from > to) {
      this.form.controls.to.setErrors({ order: true });
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focus.firstInvalid();
      return;
    }
    this.filters.set({
      action: action || undefined,
      entityType: entityType.trim() || undefined,
      actorUserId: actorUserId.trim() || undefined,
      from: from ? startOfDay(from) : undefined,
      to: to ? endOfDay(to) : undefined,
    });
    this.page.set(1);
    this.list.reload();
  }

  protected clear(): void {
    this.form.reset();
    this.filters.set({});
    this.page.set(1);
    this.list.reload();
  }

  protected onPage(event: PageEvent): void {
    this.page.set(event.pageIndex + 1);
    this.pageSize.set(event.pageSize);
    this.list.reload();
  }
}
