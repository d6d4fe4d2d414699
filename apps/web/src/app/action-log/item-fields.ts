import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  MAX_ITEM_SUMMARY_LENGTH,
  RECORDABLE_CHANNELS,
  RECORDABLE_SOURCES,
  YOU_SAID_CHANNEL_LABELS,
  YOU_SAID_SOURCE_LABELS,
  todayInLondon,
} from '@heard/domain';
import type { ActionLogListEntry, ItemDetail } from '@heard/domain';

export type RecordableSource = (typeof RECORDABLE_SOURCES)[number];
export type RecordableChannel = (typeof RECORDABLE_CHANNELS)[number];

/** What an item says about itself, as both the "record" form and the "change" form ask it. */
export type ItemFieldsForm = FormGroup<{
  source: FormControl<RecordableSource | ''>;
  serviceId: FormControl<string>;
  themeId: FormControl<string>;
  saidOn: FormControl<string>;
  channel: FormControl<RecordableChannel | ''>;
  summary: FormControl<string>;
  attributable: FormControl<boolean>;
}>;

/** The fields' names, for the problem alert's list of what to fix. */
export const ITEM_FIELD_LABELS: Readonly<Record<string, string>> = {
  source: 'Who it came from',
  serviceId: 'Service',
  themeId: 'Theme',
  saidOn: 'Date it was said',
  channel: 'How it reached us',
  summary: 'What was said',
  attributable: 'May it be attributed',
  youngPersonIds: 'Who said it',
  groupId: 'Group',
  sessionId: 'Session',
  quotes: 'Quotes',
};

/** Anonymous unless someone says otherwise; said today unless changed. */
export function itemFieldsForm(): ItemFieldsForm {
  return new FormGroup({
    source: new FormControl<RecordableSource | ''>('', {
      nonNullable: true,
      validators: [Validators.required],
    }),
    serviceId: new FormControl('', { nonNullable: true }),
    themeId: new FormControl('', { nonNullable: true }),
    saidOn: new FormControl(todayInLondon(), { nonNullable: true, validators: [Validators.required] }),
    channel: new FormControl<RecordableChannel | ''>('', {
      nonNullable: true,
      validators: [Validators.required],
    }),
    summary: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(MAX_ITEM_SUMMARY_LENGTH)],
    }),
    attributable: new FormControl(false, { nonNullable: true }),
  });
}

/** The item's values as the form holds them; an evaluation's source and channel are not offered, so they show empty. */
export function itemFieldsFrom(item: ItemDetail): ItemFieldsForm['value'] {
  return {
    source: (RECORDABLE_SOURCES as readonly string[]).includes(item.source)
      ? (item.source as RecordableSource)
      : '',
    serviceId: item.serviceId ?? '',
    themeId: item.themeId ?? '',
    saidOn: item.saidOn,
    channel: (RECORDABLE_CHANNELS as readonly string[]).includes(item.channel)
      ? (item.channel as RecordableChannel)
      : '',
    summary: item.summary,
    attributable: item.attributable,
  };
}

/** Only what the list still offers, and whatever the item already names (a retired entry stays on it). */
export function offered(entries: readonly ActionLogListEntry[], current: string): ActionLogListEntry[] {
  return entries.filter((entry) => !entry.retired || entry.id === current);
}

/** The fields of an item, in a `.heard-form` grid; the page owns the `<form>` and its buttons. */
@Component({
  selector: 'heard-item-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  template: `
    <div class="fields" [formGroup]="form()">
      <mat-form-field class="wide">
        <mat-label>What was said</mat-label>
        <textarea matInput formControlName="summary" rows="4" [attr.maxlength]="summaryMax"></textarea>
        <mat-hint>In a sentence or two. Keep names out: say who it came from below.</mat-hint>
        <mat-error>
          @if (form().controls.summary.getError('server'); as message) {
            {{ message }}
          } @else if (form().controls.summary.hasError('maxlength')) {
            Keep what was said under {{ summaryMax }} characters.
          } @else {
            Write what was said.
          }
        </mat-error>
      </mat-form-field>

      <mat-form-field>
        <mat-label>Who it came from</mat-label>
        <mat-select formControlName="source">
          @for (source of sources; track source.value) {
            <mat-option [value]="source.value">{{ source.label }}</mat-option>
          }
        </mat-select>
        <mat-error>
          @if (form().controls.source.getError('server'); as message) {
            {{ message }}
          } @else {
            Choose who it came from.
          }
        </mat-error>
      </mat-form-field>

      <mat-form-field>
        <mat-label>How it reached us</mat-label>
        <mat-select formControlName="channel">
          @for (channel of channels; track channel.value) {
            <mat-option [value]="channel.value">{{ channel.label }}</mat-option>
          }
        </mat-select>
        <mat-error>
          @if (form().controls.channel.getError('server'); as message) {
            {{ message }}
          } @else {
            Choose how it reached us.
          }
        </mat-error>
      </mat-form-field>

      <mat-form-field>
        <mat-label>Date it was said</mat-label>
        <input matInput type="date" formControlName="saidOn" [max]="today" />
        <mat-error>
          @if (form().controls.saidOn.getError('server'); as message) {
            {{ message }}
          } @else {
            Enter the date it was said.
          }
        </mat-error>
      </mat-form-field>

      <mat-form-field>
        <mat-label>Service it is about</mat-label>
        <mat-select formControlName="serviceId">
          <mat-option value="">Not about one service</mat-option>
          @for (service of serviceOptions(); track service.id) {
            <mat-option [value]="service.id">{{ service.name }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ form().controls.serviceId.getError('server') }}</mat-error>
      </mat-form-field>

      <mat-form-field>
        <mat-label>Theme</mat-label>
        <mat-select formControlName="themeId">
          <mat-option value="">No theme yet</mat-option>
          @for (theme of themeOptions(); track theme.id) {
            <mat-option [value]="theme.id">{{ theme.name }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ form().controls.themeId.getError('server') }}</mat-error>
      </mat-form-field>

      <mat-checkbox class="wide" formControlName="attributable">
        It may be attributed to who said it (leave this unticked to keep it anonymous)
      </mat-checkbox>
    </div>
  `,
  styles: `
    .fields {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
      gap: 4px 16px;
      max-width: 960px;
    }
    .wide {
      grid-column: 1 / -1;
    }
  `,
})
export class ItemFields {
  readonly form = input.required<ItemFieldsForm>();
  readonly services = input<readonly ActionLogListEntry[]>([]);
  readonly themes = input<readonly ActionLogListEntry[]>([]);
  /** The item's own service and theme, kept on offer even when retired. */
  readonly currentServiceId = input('');
  readonly currentThemeId = input('');

  protected readonly summaryMax = MAX_ITEM_SUMMARY_LENGTH;
  protected readonly today = todayInLondon();
  protected readonly sources = RECORDABLE_SOURCES.map((value) => ({
    value,
    label: YOU_SAID_SOURCE_LABELS[value],
  }));
  protected readonly channels = RECORDABLE_CHANNELS.map((value) => ({
    value,
    label: YOU_SAID_CHANNEL_LABELS[value],
  }));
  protected readonly serviceOptions = computed(() => offered(this.services(), this.currentServiceId()));
  protected readonly themeOptions = computed(() => offered(this.themes(), this.currentThemeId()));
}
