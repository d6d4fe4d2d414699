import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { PeriodFormGroup } from './period';

/** Two dates and Show: the period a page's figures cover. */
@Component({
  selector: 'heard-period-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <form class="period" [formGroup]="form()" (ngSubmit)="show.emit()" novalidate aria-label="Period">
      <mat-form-field>
        <mat-label>From</mat-label>
        <input matInput type="date" formControlName="from" />
        <mat-error>
          @if (form().controls.from.getError('server'); as message) {
            {{ message }}
          } @else {
            Enter the first day of the period.
          }
        </mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>To</mat-label>
        <input matInput type="date" formControlName="to" />
        <mat-error>
          @if (form().controls.to.getError('server'); as message) {
            {{ message }}
          } @else if (form().controls.to.hasError('order')) {
            The end of the period is before its start.
          } @else {
            Enter the last day of the period.
          }
        </mat-error>
      </mat-form-field>
      <button mat-flat-button type="submit">Show</button>
    </form>
  `,
  styles: `
    .period {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
      align-items: flex-start;
    }
    button {
      margin-block-start: 8px;
    }
  `,
})
export class PeriodPicker {
  readonly form = input.required<PeriodFormGroup>();
  readonly show = output<void>();
}

/** The period fields' names, for a problem's list of fields. */
export const PERIOD_FIELD_LABELS = { from: 'From', to: 'To' };
