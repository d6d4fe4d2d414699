import { csvCell, neutraliseCell } from '@heard/domain';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { DataSource } from 'typeorm';

/** The two forms every download comes in (docs/action-log.md "Queue and exports"). */
export type ExportFormat = 'csv' | 'xlsx';

export const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export type Cell = string | number | null;

/** One sheet: its name in the workbook, its header row and how a row becomes cells. */
export interface SheetShape<T> {
  name: string;
  header: readonly string[];
  cellsOf: (row: T) => readonly Cell[];
}

/** Rows fetched from a cursor at a time: small enough that formatting them never holds the event loop. */
const BATCH = 500;

/**
 * Rows of `sql` through a server-side cursor in one read-only REPEATABLE READ transaction (one
 * consistent picture), a batch at a time, so a 100,000-row download never sits in memory. A
 * consumer that stops early (the client went away) ends the transaction and frees the connection.
 */
export async function* cursorBatches<T>(db: DataSource, sql: string, params: unknown[]): AsyncGenerator<T[]> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction('REPEATABLE READ');
    await runner.query(`SET TRANSACTION READ ONLY`);
    await runner.query(`DECLARE export_rows NO SCROLL CURSOR FOR ${sql}`, params);
    for (;;) {
      const rows: T[] = await runner.query(`FETCH ${BATCH} FROM export_rows`);
      if (rows.length > 0) yield rows;
      if (rows.length < BATCH) break;
    }
  } finally {
    // Read only: ending by rollback loses nothing and also covers an early stop.
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    await runner.release();
  }
}

/**
 * Writes the rows to `out` as CSV or XLSX and ends it; returns how many rows it held. Text is
 * neutralised in both forms (spreadsheet programs evaluate a formula typed into either), and the
 * writer waits while the client is slow and stops when it has gone.
 */
export async function writeSpreadsheet<T>(
  out: Writable,
  format: ExportFormat,
  sheet: SheetShape<T>,
  batches: AsyncIterable<readonly T[]> | Iterable<readonly T[]>,
): Promise<number> {
  let count = 0;
  if (format === 'csv') {
    // A byte-order mark, so spreadsheet programs read the file as UTF-8.
    await send(out, '\ufeff' + sheet.header.map(csvCell).join(',') + '\r\n');
    for await (const rows of batches) {
      if (out.destroyed) break;
      await send(out, rows.map((r) => sheet.cellsOf(r).map(csvCell).join(',') + '\r\n').join(''));
      count += rows.length;
    }
    out.end();
    return count;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const worksheet = workbook.addWorksheet(sheet.name);
  worksheet.addRow([...sheet.header]).commit();
  for await (const rows of batches) {
    if (out.destroyed) break;
    for (const r of rows)
      worksheet.addRow(sheet.cellsOf(r).map((c) => (typeof c === 'string' ? neutraliseCell(c) : c))).commit();
    count += rows.length;
    await drained(out);
  }
  worksheet.commit();
  await workbook.commit();
  return count;
}

/**
 * Sends a download: status, type and file name, then the body. Once the first byte has gone the
 * status is sent, so a failure after it can only cut the file short: the client sees an incomplete
 * download, never a file that looks whole.
 */
export async function sendDownload(
  res: Response,
  format: ExportFormat,
  fileName: string,
  write: (out: Writable) => Promise<unknown>,
): Promise<void> {
  res
    .status(200)
    .type(CONTENT_TYPES[format])
    .setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  try {
    await write(res);
  } catch (error) {
    if (!res.headersSent) throw error;
    res.destroy(error instanceof Error ? error : undefined);
  }
}

async function send(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await drained(out);
}

/** Waits while the client has not taken what was sent (or has gone). */
async function drained(out: Writable): Promise<void> {
  if (!out.writableNeedDrain || out.destroyed) return;
  await Promise.race([once(out, 'drain'), once(out, 'close')]);
}
