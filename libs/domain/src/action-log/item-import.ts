import { isIsoDate } from '../shared/dates';
import {
  ImportPreviewResponse,
  ImportRefusal,
  ImportRowPreview,
  MAX_IMPORT_ROWS,
} from './action-log-office.contract';
import { YOU_SAID_SOURCES, YOU_SAID_SOURCE_LABELS, YouSaidSource } from './item-source';

/**
 * Reads CSV text as a spreadsheet writes it (RFC 4180): commas, quoted cells with doubled quotes
 * and line breaks inside, CRLF or LF, an optional byte-order mark. Blank lines are dropped.
 * Returns null when a quote is never closed, which no spreadsheet writes.
 */
export function parseCsv(text: string): string[][] | null {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    row.push(cell);
    if (row.length > 1 || row[0].trim() !== '') rows.push(row);
    row = [];
    cell = '';
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') cell += c;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else cell += c;
  }
  if (quoted) return null;
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}

/** The columns a team's spreadsheet has, by their header (any case, spaces or underscores). */
export const IMPORT_COLUMNS = ['said on', 'source', 'service', 'theme', 'channel', 'summary'] as const;
type ImportColumn = (typeof IMPORT_COLUMNS)[number];
const REQUIRED: readonly ImportColumn[] = ['said on', 'source', 'summary'];

export interface NamedListEntry {
  id: string;
  name: string;
}

export interface ImportLists {
  services: readonly NamedListEntry[];
  themes: readonly NamedListEntry[];
}

/** A row ready to become an item, with the ids of its service and theme. */
export interface ImportRow extends ImportRowPreview {
  serviceId: string | null;
  themeId: string | null;
}

export interface ImportReading extends Omit<ImportPreviewResponse, 'accepted'> {
  accepted: ImportRow[];
  /** Something wrong with the file as a whole (no header, too many rows): nothing can be read. */
  problem: string | null;
}

const headerKey = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, ' ');
const squash = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_'’-]+/g, ' ');

/** A source by its stored word or its label ("A young person", "young person", "young_person"). */
function sourceOf(cell: string): YouSaidSource | null {
  const wanted = squash(cell).replace(/^an? /, '');
  return (
    YOU_SAID_SOURCES.find(
      (s) => squash(s) === wanted || squash(YOU_SAID_SOURCE_LABELS[s]).replace(/^an? /, '') === wanted,
    ) ?? null
  );
}

/** A date as 2026-04-23 or as UK spreadsheets show it, 23/04/2026. */
function dateOf(cell: string): string | null {
  const text = cell.trim();
  if (isIsoDate(text)) return text;
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (!uk) return null;
  const iso = `${uk[3]}-${uk[2].padStart(2, '0')}-${uk[1].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

function entryOf(list: readonly NamedListEntry[], cell: string): NamedListEntry | null {
  return list.find((e) => e.name.trim().toLowerCase() === cell.trim().toLowerCase()) ?? null;
}

/**
 * Reads a team's spreadsheet into rows that can become You said items, naming every row it
 * refuses and each reason. `today` is the UK date: nothing can have been said in the future.
 * Evaluation items come only from an evaluation's answers, so that source is refused here.
 */
export function readImport(csv: string, lists: ImportLists, today: string): ImportReading {
  const none = (problem: string): ImportReading => ({ accepted: [], refused: [], problem });
  const rows = parseCsv(csv);
  if (rows === null) return none('A quoted cell is never closed: check the file was saved as CSV.');
  if (rows.length < 2) return none('The CSV needs a header row and at least one row of feedback.');
  if (rows.length - 1 > MAX_IMPORT_ROWS)
    return none(`Import at most ${MAX_IMPORT_ROWS} rows at a time; this file has ${rows.length - 1}.`);
  const header = rows[0].map(headerKey);
  const unknown = header.filter((h) => h !== '' && !(IMPORT_COLUMNS as readonly string[]).includes(h));
  if (unknown.length > 0)
    return none(`Unknown columns: ${unknown.join(', ')}. Use the columns ${IMPORT_COLUMNS.join(', ')}.`);
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0) return none(`The header needs the columns ${missing.join(', ')}.`);
  const at = (row: string[], column: ImportColumn) => {
    const index = header.indexOf(column);
    return index < 0 ? '' : (row[index] ?? '').trim();
  };

  const accepted: ImportRow[] = [];
  const refused: ImportRefusal[] = [];
  rows.slice(1).forEach((row, index) => {
    const line = index + 2;
    const reasons: string[] = [];
    if (row.length > header.length)
      reasons.push(`It has ${row.length} cells; the header has ${header.length}.`);
    const saidOnCell = at(row, 'said on');
    const saidOn = dateOf(saidOnCell);
    if (!saidOnCell) reasons.push('“Said on” is empty.');
    else if (!saidOn) reasons.push(`“${saidOnCell}” is not a date like 2026-04-23 or 23/04/2026.`);
    else if (saidOn > today) reasons.push(`“Said on” ${saidOn} is in the future.`);
    const sourceCell = at(row, 'source');
    const source = sourceOf(sourceCell);
    if (!sourceCell) reasons.push('“Source” is empty.');
    else if (!source) reasons.push(`“${sourceCell}” is not a source Heard knows.`);
    else if (source === 'evaluation')
      reasons.push('Evaluation items are made from an evaluation’s answers, not imported.');
    const serviceCell = at(row, 'service');
    const service = serviceCell ? entryOf(lists.services, serviceCell) : null;
    if (serviceCell && !service) reasons.push(`“${serviceCell}” is not on the list of services.`);
    const themeCell = at(row, 'theme');
    const theme = themeCell ? entryOf(lists.themes, themeCell) : null;
    if (themeCell && !theme) reasons.push(`“${themeCell}” is not on the list of themes.`);
    const channel = at(row, 'channel');
    if (channel.length > 30) reasons.push('“Channel” is longer than 30 characters.');
    const words = at(row, 'summary');
    if (!words) reasons.push('“Summary” is empty.');
    else if (words.length > 2000) reasons.push('“Summary” is longer than 2,000 characters.');
    if (reasons.length > 0 || !saidOn || !source) {
      refused.push({ line, reasons });
      return;
    }
    accepted.push({
      line,
      saidOn,
      source,
      serviceId: service?.id ?? null,
      serviceName: service?.name ?? null,
      themeId: theme?.id ?? null,
      themeName: theme?.name ?? null,
      channel: channel || null,
      words,
    });
  });
  return { accepted, refused, problem: null };
}
