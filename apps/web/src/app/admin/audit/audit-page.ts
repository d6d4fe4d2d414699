import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import type { AuditEventResponse, Page, ProblemDetails } from '@heard/domain';
import {
  BOUNDED_PAGINATOR_PROVIDERS,
  BoundedPaginatorIntl,
  EmptyState,
  PageHeader,
  ProblemAlert,
  totalWords,
} from '@heard/ui';
import { Subject, catchError, of, switchMap, tap } from 'rxjs';
import { focusFirstInvalid, toProblem } from '../../core/problem';
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
    MatPaginatorModule,
    MatProgressBarModule,
    PageHeader,
    EmptyState,
    ProblemAlert,
  ],
  templateUrl: './audit-page.html',
  providers: BOUNDED_PAGINATOR_PROVIDERS,
  styleUrl: './audit-page.scss',
  host: { class: 'heard-page' },
})
export default class AuditPage {
  private readonly api = inject(AuditApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly reload$ = new Subject<void>();

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
  private readonly paginatorWords = inject(BoundedPaginatorIntl);
  protected readonly totalWords = totalWords;
  protected readonly result = signal<Page<AuditEventResponse> | null>(null);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);

  constructor() {
    this.reload$
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.problem.set(null);
        }),
        switchMap(() =>
          this.api.list(this.filters(), this.page(), this.pageSize()).pipe(
            catchError((error: unknown) => {
              this.problem.set(toProblem(error));
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.result.set(result);
        if (result) this.paginatorWords.showing(result);
        this.loading.set(false);
      });
    this.reload$.next();
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
      focusFirstInvalid(this.host.nativeElement);
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
    this.reload$.next();
  }

  protected clear(): void {
    this.form.reset();
    this.filters.set({});
    this.page.set(1);
    this.reload$.next();
  }

  protected onPage(event: PageEvent): void {
    this.page.set(event.pageIndex + 1);
    this.pageSize.set(event.pageSize);
    this.reload$.next();
  }
}
