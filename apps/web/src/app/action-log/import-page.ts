import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { IMPORT_COLUMNS, MAX_IMPORT_CSV_CHARS, MAX_IMPORT_ROWS, YOU_SAID_SOURCE_LABELS } from '@heard/domain';
import type { ImportPreviewResponse, ProblemDetails } from '@heard/domain';
import { PageHeader, ProblemAlert } from '@heard/ui';
import { toProblem } from '../core/problem';
import { longDate } from '../core/dates';
import { ActionLogOfficeApi } from './action-log-office-api';

/**
 * Brings in the feedback a team kept in a spreadsheet: choose the CSV (or paste it), see what
 * would be imported and every row refused with why, then import it all, or nothing.
 */
@Component({
  selector: 'heard-action-log-import-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, PageHeader, ProblemAlert],
  templateUrl: './import-page.html',
  styleUrl: './import-page.scss',
  host: { class: 'heard-page' },
})
export default class ImportPage {
  private readonly api = inject(ActionLogOfficeApi);

  protected readonly columns = IMPORT_COLUMNS.join(', ');
  protected readonly maxRows = MAX_IMPORT_ROWS;
  protected readonly maxChars = MAX_IMPORT_CSV_CHARS;
  protected readonly sourceLabel = YOU_SAID_SOURCE_LABELS;
  protected readonly day = longDate;

  protected readonly csv = signal('');
  protected readonly preview = signal<ImportPreviewResponse | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly busy = signal(false);
  protected readonly status = signal<string | null>(null);

  protected async choose(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    this.use(await file.text());
  }

  protected use(text: string): void {
    this.csv.set(text);
    this.preview.set(null);
    this.problem.set(null);
    this.status.set(null);
  }

  protected check(): void {
    this.busy.set(true);
    this.problem.set(null);
    this.api.preview(this.csv()).subscribe({
      next: (preview) => {
        this.preview.set(preview);
        this.busy.set(false);
      },
      error: (e: unknown) => {
        this.problem.set(toProblem(e));
        this.busy.set(false);
      },
    });
  }

  protected importAll(): void {
    this.busy.set(true);
    this.problem.set(null);
    this.api.import(this.csv()).subscribe({
      next: (result) => {
        this.status.set(
          `${result.imported} ${result.imported === 1 ? 'item was' : 'items were'} imported. They are in your queue to acknowledge.`,
        );
        this.preview.set(null);
        this.csv.set('');
        this.busy.set(false);
      },
      error: (e: unknown) => {
        this.problem.set(toProblem(e));
        this.busy.set(false);
      },
    });
  }
}
