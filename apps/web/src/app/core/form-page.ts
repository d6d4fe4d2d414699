import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  Directive,
  type Signal,
  TemplateRef,
  contentChild,
  inject,
  input,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ProblemDetails } from '@heard/domain';
import { PageHeader, ProblemAlert } from '@heard/ui';
import type { Observable } from 'rxjs';
import { type PageFocus, pageFocus } from './focus';
import { loadRecord } from './load-record';
import { type FormSave, saveForm } from './save-form';

/** The state every add-or-edit page keeps: loading the record, and saving the form. */
export interface FormPageState {
  readonly loading: Signal<boolean>;
  readonly loadProblem: Signal<ProblemDetails | null>;
  readonly problem: Signal<ProblemDetails | null>;
  readonly saving: Signal<boolean>;
  readonly focus: PageFocus;
  /** Loads the record the route's id names (nothing when adding); call in the constructor. */
  load<T>(id: Signal<string | undefined>, load: (id: string) => Observable<T>): Observable<T>;
  /** Marks the record as shown once the form is filled. */
  loaded(): void;
  save<T>(save: Pick<FormSave<T>, 'form' | 'request' | 'saved' | 'aliases'>): void;
}

/** Call in an injection context (a field) of the page component. */
export function formPage(): FormPageState {
  const loading = signal(false);
  const loadProblem = signal<ProblemDetails | null>(null);
  const problem = signal<ProblemDetails | null>(null);
  const saving = signal(false);
  const focus = pageFocus();
  return {
    loading: loading.asReadonly(),
    loadProblem: loadProblem.asReadonly(),
    problem: problem.asReadonly(),
    saving: saving.asReadonly(),
    focus,
    load: (id, load) => loadRecord(id, load, { loading, problem: loadProblem }),
    loaded: () => loading.set(false),
    save: (save) => saveForm({ ...save, focus, saving, problem }),
  };
}

/** The form of a form page: `<ng-template heardFormBody>`, drawn once the record is loaded. */
@Directive({ selector: 'ng-template[heardFormBody]' })
export class FormBody {
  readonly template = inject<TemplateRef<unknown>>(TemplateRef);
}

/**
 * An add-or-edit page: its heading, a loading bar while the record loads, the load problem with
 * the way back (projected as `[heardLoadFailed]`), then the save problem above the form. Put
 * `<heard-form-actions>` at the end of the form.
 */
@Component({
  selector: 'heard-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, MatProgressBarModule, PageHeader, ProblemAlert],
  template: `
    <heard-page-header [heading]="heading()" [subtitle]="subtitle()" />

    @if (page().loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="loadingLabel()" />
    } @else if (page().loadProblem(); as problem) {
      <heard-problem-alert [problem]="problem" />
      <ng-content select="[heardLoadFailed]" />
    } @else {
      @if (page().problem(); as problem) {
        <heard-problem-alert [problem]="problem" [fieldLabels]="fieldLabels()" />
      }
      <ng-container [ngTemplateOutlet]="body().template" />
    }
  `,
  styles: `
    :host {
      display: block;
    }
  `,
})
export class FormPageShell {
  readonly page = input.required<FormPageState>();
  readonly heading = input.required<string>();
  readonly subtitle = input<string>();
  /** e.g. "Loading the group". */
  readonly loadingLabel = input.required<string>();
  readonly fieldLabels = input<Readonly<Record<string, string>>>({});

  protected readonly body = contentChild.required(FormBody);
}

/** A form page's save button and the way out without saving, at the end of its `<form>`. */
@Component({
  selector: 'heard-form-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule],
  template: `
    <button mat-flat-button type="submit" [attr.aria-disabled]="saving()">
      {{ saving() ? 'Saving…' : label() }}
    </button>
    <a mat-button [routerLink]="cancelLink()">Cancel</a>
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
  `,
})
export class FormActions {
  readonly saving = input.required<boolean>();
  /** What the button does, e.g. "Save changes" or "Create group". */
  readonly label = input.required<string>();
  readonly cancelLink = input.required<string | readonly unknown[]>();
}
