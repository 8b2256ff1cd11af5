import type { ColumnRole } from '../model/table.ts';
import {
  appendFragment,
  endsClause,
  startsLowercase,
  startsWithEnumerator,
  startsWithListMarker,
} from '../text/text-cues.ts';
import { mainTextColumn } from './column-model.ts';
import { cellText, type WorkCell, type WorkRow } from './work-table.ts';

/** Columns whose text may run on freely (long narrative), so their first letter says nothing. */
const FREE_TEXT: ReadonlySet<ColumnRole> = new Set(['narrative', 'actual', 'expected', 'status']);
/** Columns above the row level: their cells are merged over the rows of a goal/measure/task. */
const HIERARCHY: readonly ColumnRole[] = ['goal', 'measure', 'task', 'activity'];

/** Columns whose empty cells carry the value above (merged cells the source left empty). */
export function carryColumns(roles: readonly ColumnRole[]): number[] {
  const present = HIERARCHY.filter((r) => roles.includes(r));
  const main = present.at(-1);
  return roles.map((r, c) => (HIERARCHY.includes(r) && r !== main ? c : -1)).filter((c) => c >= 0);
}

export function numberColumn(roles: readonly ColumnRole[]): number | null {
  const c = roles.indexOf('number');
  return c >= 0 ? c : null;
}

/**
 * Does a row continue the logical row above (its text was cut by a page break)? The parser's word
 * wins. Otherwise a row starting a numbered item is new; a row whose cells all start mid-sentence
 * or with a list bullet (ignoring free-text columns, which may start anything) continues after a
 * page break, and anywhere when its main text column is empty; so does a row with an empty number
 * cell in a numbered table.
 */
export function isContinuation(row: WorkRow, roles: readonly ColumnRole[], numberedTable: boolean, above?: WorkRow): boolean {
  if (row.continuesPrevious !== undefined) return row.continuesPrevious;
  const numCol = numberColumn(roles);
  const own = row.cells.map((cell, c) => ({ cell, c, text: cellText(cell) })).filter((x) => x.text.length > 0);
  // Cells spanning down from the row above are that row's, not this one's.
  const spanned = (x: { cell: WorkCell; c: number }): boolean => above?.cells[x.c] === x.cell;
  if (own.length === 0) return false;
  if (numCol !== null) {
    const num = row.cells[numCol];
    const numText = num ? cellText(num) : '';
    if (/^\s*\d{1,3}\.?\s*$/.test(numText)) return false;
    if (numberedTable && numText === '') return true;
  }
  // A row with text in free-text columns alone holds nothing a logical row is made of (a goal, a
  // measure, a task, a unit, a figure): it is a paragraph of the cell above set apart as far as rows
  // are (a PDF without rules), wherever on the page it falls.
  if (own.every((x) => FREE_TEXT.has(roles[x.c] ?? 'unknown')) && roles.some((r) => !FREE_TEXT.has(r) && r !== 'unknown')) return true;
  const structural = own.filter((x) => !FREE_TEXT.has(roles[x.c] ?? 'unknown') && x.c !== row.cells.length - 1);
  if (structural.some((x) => startsWithEnumerator(x.text))) return false;
  const readsOn = (xs: readonly { text: string }[]): boolean => xs.every((x) => startsLowercase(x.text) || startsWithListMarker(x.text));
  // A row that leaves empty the column naming what each row is about (its measure or activity)
  // while its own cells read on continues too: paragraphs of the cells above that fell on one line.
  const main = mainTextColumn(roles);
  const mine = structural.filter((x) => !spanned(x));
  if (main !== null && !own.some((x) => x.c === main && !spanned(x)) && mine.length > 0 && readsOn(mine)) return true;
  if (!row.pageBreakBefore) return false;
  return readsOn(structural);
}

/**
 * Appends a continuation row into the row above, column by column. A continued cell that also
 * spans rows further down (a merged cell cut by the page, as PDFs draw it) is the same cell as
 * the one above: the rows below are pointed at the joined cell, so they keep the whole text.
 */
export function mergeInto(prev: WorkRow, row: WorkRow, following: readonly WorkRow[]): void {
  // A cell spanning columns fills each of them, as does the cell above it: joined once.
  const joined = new Map<WorkCell, Set<WorkCell>>();
  row.cells.forEach((cell, c) => {
    const target = prev.cells[c];
    if (!target || target === cell || joined.get(target)?.has(cell)) return;
    joined.set(target, new Set([...(joined.get(target) ?? []), cell]));
    if (cell.paragraphs.length > 0) appendFragment(target.paragraphs, cell.paragraphs, cell.continuesAbove === true, cell.cutInWord === true);
    joinOcr(target, cell);
    for (const later of following) {
      later.cells.forEach((x, k) => {
        if (x === cell) later.cells[k] = target;
      });
    }
  });
  prev.pages = [...new Set([...prev.pages, ...row.pages])];
  prev.stitchedRows.push(...row.stitchedRows);
}

/**
 * Ragged rows have no reliable columns. A continued fragment goes to the column of the row above
 * that held the cell at the same source position; fragments landing on a number, date or score
 * column join the text column to their left. Without that mapping, the fragment goes to the cell
 * left open (text not ending a clause), searching from the right.
 */
export function mergeRaggedInto(prev: WorkRow, row: WorkRow, roles: readonly ColumnRole[]): void {
  const anchor = (c: number): boolean => ['number', 'period', 'start', 'end', 'score'].includes(roles[c] ?? 'unknown');
  const byColumn = new Map<number, string[]>();
  let fallback: string[] = [];
  const seen = new Set<WorkCell>();
  row.cells.forEach((cell, k) => {
    if (seen.has(cell) || cell.paragraphs.length === 0) return;
    seen.add(cell);
    let col = prev.rawColumns?.[k] ?? -1;
    while (col >= 0 && anchor(col)) col--;
    if (col < 0) fallback.push(...cell.paragraphs);
    else byColumn.set(col, [...(byColumn.get(col) ?? []), ...cell.paragraphs]);
  });
  if (fallback.length > 0) {
    const textCols = roles.map((_, c) => (anchor(c) ? -1 : c)).filter((c) => c >= 0);
    let target = textCols.at(-1) ?? 0;
    for (let k = textCols.length - 1; k >= 0; k--) {
      const cell = prev.cells[textCols[k] ?? -1];
      if (cell && cell.paragraphs.length > 0 && !endsClause(cell.paragraphs.at(-1) ?? '')) {
        target = textCols[k] ?? target;
        break;
      }
    }
    byColumn.set(target, [...(byColumn.get(target) ?? []), ...fallback]);
    fallback = [];
  }
  for (const [col, parts] of byColumn) {
    const cell = prev.cells[col];
    if (cell) appendFragment(cell.paragraphs, [parts.join(' ')]);
  }
  prev.pages = [...new Set([...prev.pages, ...row.pages])];
  prev.stitchedRows.push(...row.stitchedRows);
}

/**
 * Merged cells that a source left empty ("the cell above goes on") become real spans: an empty
 * cell in a hierarchy column takes the cell above. After a page break, a lower-case fragment in
 * such a column is the rest of the merged cell's text, cut by the page: it joins the cell above.
 */
export function carryMergedCells(rows: WorkRow[], carryCols: readonly number[]): number {
  let joined = 0;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const above = rows[r - 1];
    if (!row || !above || row.group || above.group) continue;
    for (const c of carryCols) {
      const cell = row.cells[c];
      const up = above.cells[c];
      if (!cell || !up || cell === up) continue;
      const text = cellText(cell);
      if (text === '') {
        row.cells[c] = up;
      } else if (row.pageBreakBefore && startsLowercase(text) && !endsClause(cellText(up))) {
        appendFragment(up.paragraphs, cell.paragraphs);
        joinOcr(up, cell);
        row.cells[c] = up;
        joined++;
      }
    }
  }
  return joined;
}

/** A cell joined from two OCR'd pieces is as sure as its less sure piece. */
function joinOcr(target: WorkCell, piece: WorkCell): void {
  if (piece.ocr === undefined) return;
  target.ocr = target.ocr === undefined ? piece.ocr : Math.min(target.ocr, piece.ocr);
}
