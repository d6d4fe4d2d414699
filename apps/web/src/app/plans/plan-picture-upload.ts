import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, Injectable, inject, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import {
  MAX_PLAN_PICTURE_ALT_LENGTH,
  MAX_PLAN_PICTURE_BYTES,
  PLAN_PICTURE_MEDIA_TYPES,
  pictureMarkup,
} from '@heard/domain';
import type {
  PlanPictureResponse,
  PlanPictureUploadCommand,
  ProblemDetails,
  YoungPersonListItem,
} from '@heard/domain';
import { ProblemAlert } from '@heard/ui';
import type { Observable } from 'rxjs';
import { finalize } from 'rxjs';
import { toProblem } from '../core/problem';
import { YoungPeopleApi } from '../young-people/young-people-api';

/** Relative, so Angular's XSRF interceptor adds the header. */
export const PLAN_PICTURES_URL = '/api/plans/pictures';

@Injectable({ providedIn: 'root' })
export class PlanPicturesApi {
  private readonly http = inject(HttpClient);

  upload(command: PlanPictureUploadCommand): Observable<PlanPictureResponse> {
    return this.http.post<PlanPictureResponse>(PLAN_PICTURES_URL, command);
  }
}

/** A picture uploaded and where it goes: the line of markup the section's text takes. */
export interface PlanPictureAdded {
  text: 'professional' | 'childFriendly';
  markup: string;
}

/** The file's bytes as base64, as the API takes them (JSON only). */
function base64Of(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * "Add a picture" for a plan's section (ADR 0035): the file, its alt text, and who can be
 * recognised in it, said by the officer. Young people named must have photo consent in force: the
 * API checks it and says who lacks it. Once stored, the picture's line is added to the text.
 */
@Component({
  selector: 'heard-plan-picture-upload',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, ProblemAlert],
  template: `
    <details class="plan-picture-upload">
      <summary>Add a picture</summary>
      <form [formGroup]="form" (ngSubmit)="upload()" novalidate>
        @if (problem(); as problem) {
          <heard-problem-alert [problem]="problem" />
        }
        <p>
          <label [for]="id('file')">Picture (PNG or JPEG, up to {{ maxMb }} MB)</label><br />
          <input
            type="file"
            [id]="id('file')"
            [accept]="mediaTypes"
            [attr.aria-describedby]="id('file-hint')"
            (change)="chosen($event)"
          />
          <br /><span [id]="id('file-hint')" class="heard-hint"
            >Where and when it was taken, and the camera's details, are taken out before it is kept.</span
          >
        </p>
        <mat-form-field>
          <mat-label>Alt text: what the picture shows</mat-label>
          <textarea matInput formControlName="alt" rows="2" [attr.maxlength]="maxAlt"></textarea>
          <mat-hint
            >Say what matters in the picture in a short, plain sentence a young reader understands, for
            example "Young people sticking their ideas on a big wall". Do not start with "Picture of", and do
            not name anyone: the words stay in the published plan even if the picture is taken down.</mat-hint
          >
        </mat-form-field>
        <fieldset>
          <legend>Which text it goes in</legend>
          <label
            ><input type="radio" formControlName="text" value="childFriendly" /> Child-friendly text</label
          >
          <label><input type="radio" formControlName="text" value="professional" /> Professional text</label>
        </fieldset>
        <fieldset>
          <legend>Can a young person be recognised in it?</legend>
          <label><input type="radio" formControlName="who" value="no_one" /> No one can be recognised</label>
          <label
            ><input type="radio" formControlName="who" value="these" /> These young people can be
            recognised</label
          >
        </fieldset>
        @if (form.controls.who.value === 'these') {
          <fieldset>
            <legend>The young people who can be recognised (each needs photo consent)</legend>
            <mat-form-field>
              <mat-label>Find a young person by name</mat-label>
              <input matInput formControlName="search" (keydown.enter)="find($event)" />
            </mat-form-field>
            <button mat-stroked-button type="button" (click)="find()">Find</button>
            @for (person of found(); track person.id) {
              <label
                ><input type="checkbox" [checked]="isChosen(person.id)" (change)="toggle(person)" />
                {{ person.preferredName }}</label
              >
            }
            @if (chosenPeople().length > 0) {
              <p>Chosen: {{ chosenNames() }}</p>
            }
          </fieldset>
        }
        <div class="heard-buttons">
          <button mat-flat-button type="submit" [attr.aria-disabled]="uploading()">
            {{ uploading() ? 'Uploading…' : 'Upload and add the picture' }}
          </button>
        </div>
        @if (addedNote()) {
          <p role="status">The picture was added to the text. Save both texts to keep it.</p>
        }
      </form>
    </details>
  `,
  styles: `
    fieldset {
      border: none;
      padding: 0;
      margin: 0.75rem 0;
    }
    fieldset label {
      display: block;
      margin: 0.25rem 0;
    }
  `,
})
export class PlanPictureUpload {
  private readonly api = inject(PlanPicturesApi);
  private readonly youngPeople = inject(YoungPeopleApi);
  private static next = 0;
  private readonly uid = `plan-picture-${PlanPictureUpload.next++}`;

  readonly added = output<PlanPictureAdded>();

  protected readonly maxMb = MAX_PLAN_PICTURE_BYTES / 1024 / 1024;
  protected readonly maxAlt = MAX_PLAN_PICTURE_ALT_LENGTH;
  protected readonly mediaTypes = PLAN_PICTURE_MEDIA_TYPES.join(',');
  protected readonly uploading = signal(false);
  protected readonly addedNote = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly found = signal<YoungPersonListItem[]>([]);
  protected readonly chosenPeople = signal<YoungPersonListItem[]>([]);
  private file: File | null = null;

  protected readonly form = new FormGroup({
    alt: new FormControl('', { nonNullable: true }),
    text: new FormControl<'childFriendly' | 'professional'>('childFriendly', { nonNullable: true }),
    who: new FormControl<'no_one' | 'these' | ''>('', { nonNullable: true }),
    search: new FormControl('', { nonNullable: true }),
  });

  protected id(part: string): string {
    return `${this.uid}-${part}`;
  }

  protected chosen(event: Event): void {
    this.file = (event.target as HTMLInputElement).files?.[0] ?? null;
  }

  protected find(event?: Event): void {
    event?.preventDefault();
    const q = this.form.controls.search.value.trim();
    if (q === '') return;
    this.youngPeople.search(q).subscribe({
      next: (page) => this.found.set(page.items),
      error: (error: unknown) => this.problem.set(toProblem(error)),
    });
  }

  protected isChosen(id: string): boolean {
    return this.chosenPeople().some((p) => p.id === id);
  }

  protected toggle(person: YoungPersonListItem): void {
    this.chosenPeople.update((people) =>
      people.some((p) => p.id === person.id) ? people.filter((p) => p.id !== person.id) : [...people, person],
    );
  }

  protected chosenNames(): string {
    return this.chosenPeople()
      .map((p) => p.preferredName)
      .join(', ');
  }

  /** What the page can say before asking the API: the rest (consent, the bytes) is the API's. */
  private missing(): string | null {
    if (!this.file) return 'Choose a picture to upload.';
    if (this.form.controls.alt.value.trim() === '')
      return 'Write the alt text: it is read to people who cannot see the picture.';
    if (this.form.controls.who.value === '') return 'Say whether a young person can be recognised in it.';
    if (this.form.controls.who.value === 'these' && this.chosenPeople().length === 0)
      return 'Choose the young people who can be recognised, or say no one can be.';
    return null;
  }

  protected async upload(): Promise<void> {
    if (this.uploading()) return;
    this.addedNote.set(false);
    const missing = this.missing();
    if (missing || !this.file) {
      this.problem.set({ type: 'about:blank', title: 'Bad request', status: 400, detail: missing ?? '' });
      return;
    }
    this.problem.set(null);
    this.uploading.set(true);
    const noOne = this.form.controls.who.value === 'no_one';
    let data: string;
    try {
      data = await base64Of(this.file);
    } catch {
      this.uploading.set(false);
      this.problem.set({
        type: 'about:blank',
        title: 'Bad request',
        status: 400,
        detail: 'The file could not be read.',
      });
      return;
    }
    const alt = this.form.controls.alt.value.trim();
    const text = this.form.controls.text.value;
    this.api
      .upload({
        data,
        noOneRecognisable: noOne,
        youngPersonIds: noOne ? [] : this.chosenPeople().map((p) => p.id),
      })
      .pipe(finalize(() => this.uploading.set(false)))
      .subscribe({
        next: (picture) => {
          this.added.emit({ text, markup: pictureMarkup(alt, picture.id) });
          this.addedNote.set(true);
          this.form.controls.alt.setValue('');
          this.chosenPeople.set([]);
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
