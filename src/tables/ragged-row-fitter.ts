import type { ColumnRole } from '../model/table.ts';
import { containsDate, textKey } from '../text/text-cues.ts';
import { cellText, type WorkCell, type WorkRow } from './work-table.ts';

const RIGHT_ROLES: ReadonlySet<ColumnRole> = new Set(['period', 'start', 'end', 'score', 'status']);
const TEXT_ROLES: ReadonlySet<ColumnRole> = new Set(['activity', 'measure', 'task']);

/** A piece of a label the OCR split off: "1.9", "хэмжээ 1.4", or one word after a one-word label. */
function isLabelFragment(fragment: string, labelSoFar: string): boolean {
  if (/^\p{L}*\s*\d{1,2}(?:\.\d{1,2})+\.?$/u.test(fragment.trim())) return true;
  return labelSoFar.trim().split(/\s+/).length <= 2 && /^\p{L}+$/u.test(fragment.trim());
}

/**
 * Fits a row whose cells do not sit on the header's grid (OCR'd exports that split or repeat cells)
 * onto the columns, by content rather than position:
 * - identical neighbouring cells (a merged cell the OCR repeated) are kept once;
 * - the leading columns (number, measure) take the first cells, plus label fragments split off the
 *   measure label ("Арга | Хэмжээ | 1.12");
 * - the last cell holding a date is the date column, and what follows it the score (a score fused
 *   into the date cell, "… 2024.01.01 10", is split off);
 * - cells in between fill the middle columns in order; extra ones become paragraphs of the last.
 * Returns the fitted cells and notes on what was done.
 */
export function fitRaggedRow(row: WorkRow, roles: readonly ColumnRole[]): { cells: WorkCell[]; notes: string[]; rawColumns: number[] } {
  const notes: string[] = [];
  const source: WorkCell[] = [];
  // How many neighbouring copies each kept cell had: a merged cell the OCR repeated over the
  // columns it covered, so the copies say how wide the merged cell was.
  const copies = new Map<WorkCell, number>();
  for (const cell of row.cells) {
    const text = cellText(cell);
    if (!text) continue;
    const prev = source.at(-1);
    if (prev && textKey(cellText(prev)) === textKey(text)) {
      copies.set(prev, (copies.get(prev) ?? 1) + 1);
      notes.push('repeated cell kept once');
      continue;
    }
    source.push(cell);
  }
  const width = roles.length;
  const out: WorkCell[] = roles.map((_, c) => ({ paragraphs: [], bold: false, header: false, position: { ...row.position, col: c } }));
  const put = (col: number, cell: WorkCell | string): void => {
    const target = out[col];
    if (!target) return;
    if (typeof cell === 'string') target.paragraphs.push(cell);
    else {
      target.paragraphs.push(...cell.paragraphs);
      target.bold = target.bold || cell.bold;
      if (cell.ocr !== undefined) target.ocr = Math.min(target.ocr ?? 1, cell.ocr);
      if (target.paragraphs.length === cell.paragraphs.length) target.position = cell.position;
    }
  };

  // Left: every column up to and including the main text column takes one cell each.
  const textCol = roles.findIndex((r) => TEXT_ROLES.has(r));
  const leftEnd = textCol >= 0 ? textCol : 0;
  let i = 0;
  for (let c = 0; c <= leftEnd && i < source.length; c++) {
    const cell = source[i];
    if (!cell) break;
    if (roles[c] === 'number' && !/^\s*\d{1,3}\.?\s*$/.test(cellText(cell))) continue;
    put(c, cell);
    i++;
  }
  while (i < source.length && textCol >= 0) {
    const next = source[i];
    const label = out[textCol];
    if (!next || !label || !isLabelFragment(cellText(next), label.paragraphs.join(' '))) break;
    label.paragraphs = [`${label.paragraphs.join(' ')} ${cellText(next)}`.trim()];
    notes.push('label fragment joined');
    i++;
  }

  // Right: the last cell with a date, then the score.
  const rightStart = roles.findIndex((r, c) => c > leftEnd && RIGHT_ROLES.has(r));
  let end = source.length;
  if (rightStart >= 0) {
    let dateAt = -1;
    for (let k = source.length - 1; k >= i; k--) {
      if (containsDate(cellText(source[k] as WorkCell))) {
        dateAt = k;
        break;
      }
    }
    if (dateAt >= 0) {
      const dateCol = roles.findIndex((r, c) => c >= rightStart && (r === 'period' || r === 'start' || r === 'end'));
      const scoreCol = roles.findIndex((r, c) => c > dateCol && r === 'score');
      let dateText = cellText(source[dateAt] as WorkCell);
      const after = source.slice(dateAt + 1).map(cellText);
      const fused = dateText.match(/^(.*\d{4}[./-]\d{1,2}[./-]\d{1,2})\s+([\dOoОоCСlI]{1,3})$/u);
      if (fused && after.length === 0 && scoreCol >= 0) {
        dateText = fused[1] ?? dateText;
        after.push(fused[2] ?? '');
        notes.push('score split off the date cell');
      }
      if (dateCol >= 0) put(dateCol, dateText);
      if (scoreCol >= 0 && after[0] !== undefined) put(scoreCol, after[0]);
      for (const extra of after.slice(scoreCol >= 0 ? 1 : 0)) put(width - 1, extra);
      end = dateAt;
    }
  }

  // Middle: in order, overflow into the last middle column.
  const middle: number[] = [];
  for (let c = leftEnd + 1; c < (rightStart >= 0 ? rightStart : width); c++) middle.push(c);
  const rest = source.slice(i, end);
  let slack = middle.length - rest.length;
  let col = 0;
  rest.forEach((cell, k) => {
    const at = middle[Math.min(col, middle.length - 1)];
    if (at === undefined) return;
    put(at, cell);
    // With columns to spare, a repeated cell spans as many columns as it had copies.
    let extra = Math.min(slack, (copies.get(cell) ?? 1) - 1);
    while (extra > 0 && col + 1 < middle.length && k < rest.length) {
      const next = middle[col + 1];
      const spanned = out[at];
      if (next === undefined || !spanned) break;
      out[next] = spanned;
      col++;
      slack--;
      extra--;
    }
    col++;
  });
  if (rest.length > middle.length && middle.length > 0) notes.push('extra cells joined into the last middle column');
  // Where each source cell ended up, so a fragment continued on the next page can follow it.
  const rawColumns = row.cells.map((cell) => {
    const text = cellText(cell);
    const col = out.findIndex((o) => o.paragraphs.some((p) => text && p.includes(text.slice(0, 40))));
    return col;
  });
  return { cells: out, notes, rawColumns };
}
