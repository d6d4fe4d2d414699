import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import {
  type AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  DEFAULT_UPDATE_EVERY_DAYS,
  MAX_PLEDGE_FORUM,
  MAX_PLEDGE_ROLE,
  MAX_PLEDGE_WORDS,
  MAX_UPDATE_EVERY_DAYS,
  MIN_UPDATE_EVERY_DAYS,
} from '@heard/domain';
import type { ActionLogListEntry } from '@heard/domain';
import { setErrorFlag } from '../core/form-errors';

/** What a pledge says about itself, as both recording it and its leader's "change the details" ask it. */
export function pledgeDetailControls() {
  const text = (max: number) =>
    new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(max)] });
  return {
    role: text(MAX_PLEDGE_ROLE),
    forum: text(MAX_PLEDGE_FORUM),
    words: text(MAX_PLEDGE_WORDS),
    themeId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    targetDate: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    updateEveryDays: new FormControl<number | null>(DEFAULT_UPDATE_EVERY_DAYS, {
      validators: [
        Validators.required,
        Validators.min(MIN_UPDATE_EVERY_DAYS),
        Validators.max(MAX_UPDATE_EVERY_DAYS),
        Validators.pattern(/^\d+$/),
      ],
    }),
  };
}
export type PledgeDetailControls = ReturnType<typeof pledgeDetailControls>;
/**
 * A form holding at least a pledge's details: recording adds who, to whom and when, and a typed
 * FormGroup of more controls is not a FormGroup of fewer, so the group is taken as whichever group whose
 * controls include these.
 */
export type PledgeDetailsForm = FormGroup & { controls: PledgeDetailControls };

/**
 * A target date before the day the pledge was made is refused by the API too; say so at the
 * field. `madeOn` reads the day from the form being checked (recording) or the pledge (changing).
 */
export function targetNotBeforeMade(madeOn: (group: AbstractControl) => string | null | undefined) {
  return (group: AbstractControl): ValidationErrors | null => {
    const made = madeOn(group);
    const targetDate = group.get('targetDate');
    if (targetDate)
      setErrorFlag(targetDate, 'order', Boolean(made && targetDate.value && targetDate.value < made));
    return null;
  };
}

/**
 * The fields of a pledge in a `.heard-form`; the page owns the `<form>`, its buttons and whatever
 * it projects between where the pledge was made and its words (recording asks who to and when).
 */
@Component({
  selector: 'heard-pledge-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  templateUrl: './pledge-fields.html',
  // Its fields sit in the page's .heard-form column as if written there.
  host: { style: 'display: contents' },
})
export class PledgeFields {
  readonly form = input.required<PledgeDetailsForm>();
  readonly themes = input.required<readonly ActionLogListEntry[]>();
  /** The earliest target date: the day the pledge was made. */
  readonly madeOn = input<string | null>(null);

  protected readonly max = {
    role: MAX_PLEDGE_ROLE,
    forum: MAX_PLEDGE_FORUM,
    words: MAX_PLEDGE_WORDS,
    minDays: MIN_UPDATE_EVERY_DAYS,
    maxDays: MAX_UPDATE_EVERY_DAYS,
  };
}
