import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ROLE_LABELS } from '@heard/domain';
import type { StaffMember } from '@heard/domain';
import { map, switchMap } from 'rxjs';
import { searchAsYouType } from '../core/search-as-you-type';
import { StaffApi } from './staff-api';

/**
 * Picks a colleague by typing part of their name or email. The control holds their user id once
 * they are chosen, and the typed text until then, so a validator on the id (required, the shape of
 * an id) tells the person to choose from the list.
 */
@Component({
  selector: 'heard-staff-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatAutocompleteModule, MatFormFieldModule, MatInputModule],
  template: `
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        [formControl]="control()"
        [matAutocomplete]="staff"
        [id]="inputId()"
        autocomplete="off"
        spellcheck="false"
      />
      <mat-autocomplete
        #staff="matAutocomplete"
        [displayWith]="nameOf"
        (optionSelected)="chose($event.option.value)"
      >
        @for (member of suggestions.items(); track member.id) {
          <mat-option [value]="member.id">
            {{ member.displayName }}
            <span class="detail">{{ roles[member.role] }}, {{ member.email }}</span>
          </mat-option>
        }
      </mat-autocomplete>
      <mat-hint>{{
        suggestions.searching()
          ? 'Searching…'
          : 'Type part of their name or email, then choose them from the list.'
      }}</mat-hint>
      <mat-error>
        @if (control().getError('server'); as message) {
          {{ message }}
        } @else if (control().hasError('required')) {
          Type their name, then choose them from the list.
        } @else {
          Choose them from the list: typing their name is not enough.
        }
      </mat-error>
    </mat-form-field>
  `,
  styles: `
    mat-form-field {
      width: 100%;
    }
    .detail {
      display: block;
      font-size: 0.875em;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class StaffPicker {
  private readonly api = inject(StaffApi);

  readonly control = input.required<FormControl<string>>();
  readonly inputId = input.required<string>();
  readonly label = input('Name or email');
  /** Names for ids already on the form, such as the trusted adults a record came with. */
  readonly knownNames = input<ReadonlyMap<string, string>>(new Map());

  protected readonly roles = ROLE_LABELS;
  private readonly chosen = signal(new Map<string, string>());

  protected readonly suggestions = searchAsYouType(
    toObservable(this.control).pipe(
      // Only typed text is searched: a chosen id, or one the record came with, is not.
      switchMap((control) => control.valueChanges),
      map((value) => (this.isKnownId(value) ? null : value)),
    ),
    (text) => this.api.search(text),
  );

  // The autocomplete asks for the name before it reports the choice, so look in the suggestions too.
  protected readonly nameOf = (id: string): string =>
    this.chosen().get(id) ?? this.suggested(id)?.displayName ?? this.knownNames().get(id) ?? id;

  protected chose(id: string): void {
    const member = this.suggested(id);
    if (member) this.chosen.update((names) => new Map(names).set(member.id, member.displayName));
  }

  private suggested(id: string): StaffMember | undefined {
    return this.suggestions.items().find((m) => m.id === id);
  }

  private isKnownId(value: string): boolean {
    return this.chosen().has(value) || this.knownNames().has(value) || this.suggested(value) !== undefined;
  }
}
