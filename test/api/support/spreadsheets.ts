import type { AuditRecordType } from '@heard/domain';
import ExcelJS from 'exceljs';
import type request from 'supertest';
import type { DataSource } from 'typeorm';

/** Reads a download as bytes, whatever its type: `.buffer(true).parse(bytes)`. */
export function bytes(res: request.Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** Splits our own CSV (quoted cells may hold commas, quotes and line breaks). */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

/** A CSV download's rows, after checking it starts with the byte-order mark spreadsheets need. */
export function csvDownloadRows(body: Buffer): string[][] {
  const text = body.toString('utf8');
  if (!text.startsWith('\ufeff')) throw new Error('The CSV has no byte-order mark');
  return csvRows(text.slice(1));
}

/** One sheet of an XLSX download, each row padded to the header's width with nulls. */
export async function sheetRows(
  buffer: Buffer,
  name: string,
  width: number,
): Promise<(string | number | null)[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`The workbook has no "${name}" sheet`);
  const rows: (string | number | null)[][] = [];
  sheet.eachRow((row) => {
    const values = (row.values as (string | number | null | undefined)[]).slice(1);
    rows.push(Array.from({ length: width }, (_, i) => values[i] ?? null));
  });
  return rows;
}

/** How many downloads of one kind (an export's audit record type) the audit log holds. */
export async function downloadsAudited(db: DataSource, type: AuditRecordType): Promise<number> {
  const [{ n }]: { n: number }[] = await db.query(
    `SELECT count(*)::int AS n FROM audit_events WHERE entity_type = $1`,
    [type],
  );
  return n;
}

/** The newest audited download of one kind: who made it, and what the audit row says of it. */
export async function lastDownloadAudited(
  db: DataSource,
  type: AuditRecordType,
): Promise<{ actor: string; action: string; detail: Record<string, unknown> }> {
  const [audit]: { actor: string; action: string; detail: Record<string, unknown> }[] = await db.query(
    `SELECT actor_user_id AS actor, action, detail FROM audit_events WHERE entity_type = $1 ORDER BY at DESC LIMIT 1`,
    [type],
  );
  return audit;
}
