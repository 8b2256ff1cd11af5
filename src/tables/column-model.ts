import type { ColumnRole } from '../model/table.ts';
import { containsDate, isSmallInteger, textKey } from '../text/text-cues.ts';
import { roleOfLabel } from './header-lexicon.ts';
import { isColumnNumberRow } from './header-detector.ts';
import { cellText, type WorkCell, type WorkRow } from './work-table.ts';

export interface ColumnModel {
  width: number;
  /** Header text per column, top level first ("Шалгуур үзүүлэлт / Суурь түвшин"). */
  labels: string[];
  roles: ColumnRole[];
  /** Header rows on the final grid (rebuilt for ragged tables). */
  headerRows: WorkRow[];
  /** Body rows do not sit on the header's grid (OCR'd or page-split exports): fit them by content. */
  ragged: boolean;
}

/** Header cells covering each column, top-down, without repeats and without column numbers. */
function columnLabels(headerRows: readonly WorkRow[], width: number): string[][] {
  const out: string[][] = [];
  for (let c = 0; c < width; c++) {
    const seen = new Set<WorkCell>();
    const parts: string[] = [];
    for (const row of headerRows) {
      const cell = row.cells[c];
      if (!cell || seen.has(cell)) continue;
      seen.add(cell);
      const t = cellText(cell);
      if (t && !isSmallInteger(t) && !parts.includes(t)) parts.push(t);
    }
    out.push(parts);
  }
  return out;
}

/** The leaf label decides (Суурь түвшин under Шалгуур үзүүлэлт is a baseline); parents are a fallback. */
function roleOfParts(parts: readonly string[]): ColumnRole {
  for (let i = parts.length - 1; i >= 0; i--) {
    const role = roleOfLabel(parts[i] ?? '');
    if (role !== 'unknown') return role;
  }
  return 'unknown';
}

const STATUS_HINT = /(аткарыл|выполн|орындал|хэрэгжс|биелс|done|complete|in progress)/iu;

/**
 * Roles for columns whose header is missing or unreadable, from what the body holds: dates, small
 * integers (a leading one numbers rows, a trailing one scores them), status words.
 */
function roleFromContent(values: readonly string[], col: number, width: number): ColumnRole {
  const filled = values.filter((v) => v.length > 0);
  if (filled.length === 0) return 'unknown';
  const share = (pred: (v: string) => boolean): number => filled.filter(pred).length / filled.length;
  if (share(containsDate) >= 0.6) return 'period';
  if (share((v) => /^\s*[\dOoОоCСlI|]{1,3}\s*$/u.test(v)) >= 0.6) return col === 0 ? 'number' : col >= width - 2 ? 'score' : 'unknown';
  if (share((v) => v.length < 40 && STATUS_HINT.test(v)) >= 0.6) return 'status';
  return 'unknown';
}

export function buildColumnModel(headerRows: WorkRow[], bodyRows: readonly WorkRow[], pieceWidths: readonly number[]): ColumnModel {
  const width = headerRows[0]?.cells.length ?? bodyRows[0]?.cells.length ?? 0;
  const ragged = new Set(pieceWidths).size > 1 && headerRows.length > 0;
  if (ragged) return raggedModel(headerRows, bodyRows);
  const parts = columnLabels(headerRows, width);
  const roles = parts.map((p, c) => {
    const role = roleOfParts(p);
    if (role !== 'unknown') return role;
    return roleFromContent(
      bodyRows.filter((r) => !r.group).map((r) => (r.cells[c] ? cellText(r.cells[c]) : '')),
      c,
      width,
    );
  });
  adoptTextColumn(roles, bodyRows);
  return { width, labels: parts.map((p) => p.join(' / ')), roles, headerRows, ragged: false };
}

const TEXT_COLUMN_ROLES: readonly ColumnRole[] = ['activity', 'measure', 'task', 'indicator'];
const PLAN_CUES: readonly ColumnRole[] = ['number', 'period', 'start', 'end', 'score', 'status', 'responsible'];

/**
 * A plan table whose header is missing or unreadable still has its measures in the column of
 * longest text. Taken only when the other columns already look like a plan (two or more of row
 * numbers, dates, scores, statuses, responsible units), so statistical tables stay tables.
 */
function adoptTextColumn(roles: ColumnRole[], bodyRows: readonly WorkRow[]): void {
  if (roles.some((r) => TEXT_COLUMN_ROLES.includes(r))) return;
  if (new Set(roles.filter((r) => PLAN_CUES.includes(r))).size < 2) return;
  let best = -1;
  let bestLength = 20;
  roles.forEach((role, c) => {
    if (role !== 'unknown') return;
    const texts = bodyRows.filter((r) => !r.group).map((r) => (r.cells[c] ? cellText(r.cells[c]) : ''));
    const mean = texts.reduce((n, t) => n + t.length, 0) / Math.max(1, texts.length);
    if (mean > bestLength) {
      best = c;
      bestLength = mean;
    }
  });
  if (best >= 0) roles[best] = 'activity';
}

/**
 * Column model of a table whose pieces disagree on width (OCR'd pipe tables split at page breaks).
 * The header defines the columns: each top-level label covers the positions up to the next one and
 * has as leaves the word labels below it, or is a leaf itself. Column numbers misplaced by OCR are
 * collected and laid out again in order.
 */
function raggedModel(headerRows: WorkRow[], bodyRows: readonly WorkRow[]): ColumnModel {
  const top = headerRows[0];
  const width = top?.cells.length ?? 0;
  const lower = headerRows.slice(1).filter((r) => !isColumnNumberRow(r));
  const topPositions: number[] = [];
  top?.cells.forEach((cell, c) => {
    if (cellText(cell) && top.cells[c - 1] !== cell) topPositions.push(c);
  });
  interface Leaf { parent: string; label: string | null }
  const leaves: Leaf[] = [];
  const groups: { label: string; leaves: number }[] = [];
  topPositions.forEach((start, i) => {
    const end = topPositions[i + 1] ?? width;
    const label = top ? cellText(top.cells[start] as WorkCell) : '';
    const subs: string[] = [];
    for (const row of lower) {
      for (let c = start; c < end; c++) {
        const t = row.cells[c] ? cellText(row.cells[c] as WorkCell) : '';
        if (t && !isSmallInteger(t) && !subs.some((s) => textKey(s) === textKey(t))) subs.push(t);
      }
    }
    if (subs.length === 0) leaves.push({ parent: label, label: null });
    else subs.forEach((s) => leaves.push({ parent: label, label: s }));
    groups.push({ label, leaves: Math.max(1, subs.length) });
  });
  const leafWidth = leaves.length;
  const parts = leaves.map((l) => (l.label ? [l.parent, l.label] : [l.parent]));
  const roles = parts.map((p) => roleOfParts(p));
  // A trailing unlabelled or unreadable column after the dates is the score in these plans.
  roles.forEach((role, i) => {
    if (role === 'unknown' && i > 0 && ['period', 'end', 'start'].includes(roles[i - 1] ?? '')) roles[i] = 'score';
  });

  const rebuilt = rebuildHeader(headerRows, groups, leaves.map((l) => l.label), leafWidth);
  void bodyRows;
  return { width: leafWidth, labels: parts.map((p) => p.join(' / ')), roles, headerRows: rebuilt, ragged: true };
}

function rebuildHeader(
  headerRows: readonly WorkRow[],
  groups: readonly { label: string; leaves: number }[],
  leafLabels: readonly (string | null)[],
  width: number,
): WorkRow[] {
  const template = headerRows[0];
  if (!template) return [];
  const mk = (text: string): WorkCell => ({ paragraphs: text ? [text] : [], bold: false, header: true, position: template.position });
  const base = (cells: WorkCell[], index: number): WorkRow => ({
    ...template,
    cells,
    header: true,
    group: false,
    stitchedRows: headerRows[index]?.stitchedRows ?? [],
    position: headerRows[index]?.position ?? template.position,
  });
  const twoLevel = leafLabels.some((l) => l !== null);
  const topCells: WorkCell[] = [];
  const subCells: WorkCell[] = [];
  let leaf = 0;
  for (const g of groups) {
    const top = mk(g.label);
    for (let i = 0; i < g.leaves; i++) {
      topCells.push(top);
      const label = leafLabels[leaf];
      subCells.push(label ? mk(label) : top);
      leaf++;
    }
  }
  const rows = [base(topCells, 0)];
  if (twoLevel) rows.push(base(subCells, 1));
  const numbers = headerRows
    .flatMap((r) => r.cells.map(cellText))
    .filter((t) => isSmallInteger(t))
    .map((t) => Number.parseInt(t, 10))
    .sort((a, b) => a - b);
  if (numbers.length >= 3) {
    const cells: WorkCell[] = [];
    for (let c = 0; c < width; c++) cells.push(mk(numbers[c] !== undefined ? String(numbers[c]) : ''));
    rows.push(base(cells, headerRows.length - 1));
  }
  return rows;
}

/** Roles that name what one logical row is about, finest first. */
const TEXT_ROLES: readonly ColumnRole[] = ['activity', 'measure', 'task', 'indicator'];

/** The main text column of a table: the finest hierarchy column it has. */
export function mainTextColumn(roles: readonly ColumnRole[]): number | null {
  for (const role of TEXT_ROLES) {
    const c = roles.indexOf(role);
    if (c >= 0) return c;
  }
  return null;
}
