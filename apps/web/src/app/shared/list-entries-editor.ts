import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MAX_LIST_NAME_LENGTH } from '@heard/domain';
import type { KeptListEntry, ProblemDetails } from '@heard/domain';
import { ProblemAlert } from '@heard/ui';
import { Subject } from 'rxjs';
import { pageFocus } from '../core/focus';
import { loadRecord } from '../core/load-record';
import { saveForm } from '../core/save-form';
import { toProblem } from '../core/problem';
import { KeptListApi } from './kept-list-api';

/** What the editor calls its list, in the words of the page it is on. */
export interface KeptListWords {
  /** "service": New service, Add service. */
  one: string;
  heading: string;
  help: string;
}

/**
 * A list administrators keep (shared/kept-lists in libs/domain), at its API URL: add, rename,
 * retire and bring back. `key` names the section, its heading and its entries in the page.
 */
@Component({
  selector: 'heard-list-entries-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ProblemAlert,
  ],
  template: `
    <section [class]="'list-' + kind()" [attr.aria-labelledby]="kind() + '-heading'">
      <h2 [id]="kind() + '-heading'">{{ words().heading }}</h2>
      <p class="help">{{ words().help }}</p>
      <div role="status">
        @if (status(); as status) {
          <p class="heard-status">{{ status }}</p>
        }
      </div>
      @if (problem(); as problem) {
        <heard-problem-alert [problem]="problem" [fieldLabels]="{ name: 'Name' }" />
      }
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'Loading ' + kind()" />
      }
      <ul class="entries">
        @for (entry of entries(); track entry.id) {
          <li [id]="kind() + '-' + entry.id">
            @if (renamingId() === entry.id) {
              <form class="rename" [formGroup]="renameForm" (ngSubmit)="rename(entry)" novalidate>
                <mat-form-field subscriptSizing="dynamic">
                  <mat-label>New name for {{ entry.name }}</mat-label>
                  <input
                    matInput
                    [id]="kind() + '-rename'"
                    formControlName="name"
                    [attr.maxlength]="nameMax"
                  />
                  <mat-error>{{
                    renameForm.controls.name.getError('server') ?? 'Give it a name.'
                  }}</mat-error>
                </mat-form-field>
                <button mat-flat-button type="submit">Save name</button>
                <button mat-button type="button" (click)="renamingId.set(null)">Cancel</button>
              </form>
            } @else {
              <span class="name">{{ entry.name }}</span>
              @if (entry.retired) {
                {{ ' ' }}<span class="retired">(retired)</span>
              }
              <button mat-button type="button" (click)="startRenaming(entry)">
                Rename<span class="cdk-visually-hidden"> {{ entry.name }}</span>
              </button>
              <button mat-button type="button" (click)="setRetired(entry, !entry.retired)">
                {{ entry.retired ? 'Bring back' : 'Retire'
                }}<span class="cdk-visually-hidden"> {{ entry.name }}</span>
              </button>
            }
          </li>
        } @empty {
          @if (!loading()) {
            <li>None yet.</li>
          }
        }
      </ul>
      <form
        class="add"
        [formGroup]="addForm"
        #addDirective="ngForm"
        (ngSubmit)="add(addDirective)"
        novalidate
      >
        <mat-form-field>
          <mat-label>New {{ words().one }}</mat-label>
          <input matInput formControlName="name" [attr.maxlength]="nameMax" autocomplete="off" />
          <mat-error>
            @if (addForm.controls.name.getError('server'); as message) {
              {{ message }}
            } @else {
              Give it a name.
            }
          </mat-error>
        </mat-form-field>
        <button mat-stroked-button type="submit" [attr.aria-disabled]="saving()">
          Add {{ words().one }}
        </button>
      </form>
    </section>
  `,
  styles: `
    .entries {
      padding: 0;
      list-style: none;
      max-width: 720px;
    }
    .entries li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
      min-height: 48px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .name {
      flex: 1 1 auto;
    }
    .retired {
      color: var(--mat-sys-on-surface-variant);
    }
    .rename,
    .add {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
  `,
})
export class ListEntriesEditor {
  private readonly api = inject(KeptListApi);
  private readonly focus = pageFocus();
  private readonly reloads = new Subject<void>();

  /** A word for ids and classes: "services" gives section.list-services and #services-heading. */
  readonly kind = input.required<string>();
  /** Where the list is: GET and POST here, PATCH an entry under it. */
  readonly url = input.required<string>();
  readonly words = input.required<KeptListWords>();

  protected readonly nameMax = MAX_LIST_NAME_LENGTH;
  protected readonly entries = signal<KeptListEntry[]>([]);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly status = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly renamingId = signal<string | null>(null);

  private readonly nameValidators = [Validators.required, Validators.maxLength(MAX_LIST_NAME_LENGTH)];
  protected readonly addForm = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: this.nameValidators }),
  });
  protected readonly renameForm = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: this.nameValidators }),
  });

  constructor() {
    loadRecord(
      this.url,
      (url) => this.api.list(url),
      { loading: this.loading, problem: this.problem },
      { when: this.reloads, showLoading: false },
    )
      .pipe(takeUntilDestroyed())
      .subscribe((entries) => {
        this.entries.set(entries);
        this.loading.set(false);
      });
  }

  protected add(directive: FormGroupDirective): void {
    saveForm({
      form: this.addForm,
      focus: this.focus,
      within: '.add',
      saving: this.saving,
      problem: this.problem,
      request: () => {
        this.status.set(null);
        return this.api.add(this.url(), this.addForm.getRawValue().name.trim());
      },
      saved: (entry) => {
        directive.resetForm({ name: '' });
        this.status.set(`Added ${entry.name}.`);
        this.reloads.next();
      },
    });
  }

  protected startRenaming(entry: KeptListEntry): void {
    this.renameForm.reset({ name: entry.name });
    this.renamingId.set(entry.id);
    this.focus.later(`#${this.kind()}-rename`);
  }

  protected rename(entry: KeptListEntry): void {
    saveForm({
      form: this.renameForm,
      focus: this.focus,
      within: '.rename',
      saving: this.saving,
      problem: this.problem,
      request: () => {
        this.status.set(null);
        return this.api.change(this.url(), entry.id, {
          name: this.renameForm.getRawValue().name.trim(),
        });
      },
      saved: (saved) => {
        this.renamingId.set(null);
        this.status.set(`Renamed ${entry.name} to ${saved.name}.`);
        this.entries.update((list) => list.map((e) => (e.id === saved.id ? saved : e)));
      },
    });
  }

  protected setRetired(entry: KeptListEntry, retired: boolean): void {
    if (this.saving()) return;
    this.saving.set(true);
    this.problem.set(null);
    this.status.set(null);
    this.api.change(this.url(), entry.id, { retired }).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.entries.update((list) => list.map((e) => (e.id === saved.id ? saved : e)));
        this.status.set(retired ? `${saved.name} is retired.` : `${saved.name} is offered again.`);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.problem.set(toProblem(error));
        this.focus.problemLater(`.list-${this.kind()}`);
      },
    });
  }
}
