import { containsDate, isSmallInteger, startsWithEnumerator } from '../text/text-cues.ts';
import { lexiconMatches } from './header-lexicon.ts';
import { cellText, isEmptyRow, type WorkRow } from './work-table.ts';

function distinctTexts(row: WorkRow): string[] {
  const seen = new Set<unknown>();
  const out: string[] = [];
  for (const cell of row.cells) {
    if (seen.has(cell)) continue;
    seen.add(cell);
    const t = cellText(cell);
    if (t) out.push(t);
  }
  return out;
}

/** `1 2 3 4 …` under a header: the column-number row many plans print. */
export function isColumnNumberRow(row: WorkRow): boolean {
  const texts = distinctTexts(row);
  if (texts.length < 3 || !texts.every((t) => isSmallInteger(t))) return false;
  const numbers = texts.map((t) => Number.parseInt(t, 10));
  return numbers.filter((n, i) => i === 0 || n > (numbers[i - 1] ?? 0)).length >= numbers.length - 1;
}

/** A row of short labels, most of them header words, and no data (dates, item numbers). */
function isLabelRow(row: WorkRow, minShare: number): boolean {
  const texts = distinctTexts(row);
  if (texts.length === 0) return false;
  if (texts.some((t) => t.length > 80 || containsDate(t) || startsWithEnumerator(t))) return false;
  const words = texts.filter((t) => !isSmallInteger(t));
  const hits = words.filter((t) => lexiconMatches(t).length > 0).length;
  return hits >= 1 && hits >= words.length * minShare;
}

/**
 * How many leading rows are header. Rows the source marks as header count first (thead, th,
 * w:tblHeader, the syntactic first row of a pipe table); then label rows and a column-number row
 * below them (two- and three-level headers); with no marks, a first row of header words.
 */
export function countHeaderRows(rows: readonly WorkRow[]): number {
  let n = 0;
  while (n < rows.length && rows[n]?.header) n++;
  if (n === 0) {
    const first = rows[0];
    if (first && isLabelRow(first, 0.5) && distinctTexts(first).length >= 2) n = 1;
  }
  if (n === 0) return 0;
  while (n < rows.length) {
    const row = rows[n];
    if (!row) break;
    // A single label across the table is a group row ("Зорилт 1 …"), not a header level.
    if (isColumnNumberRow(row) || (isLabelRow(row, 0.5) && distinctTexts(row).length >= 2)) n++;
    else if (isEmptyRow(row) && n < 4) n++;
    else break;
  }
  return n;
}
