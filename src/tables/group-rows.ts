import { textKey } from '../text/text-cues.ts';
import { cellText, type WorkCell, type WorkRow } from './work-table.ts';

/** Words that open a group row: "Зорилт 1", "Цель 2", "Goal 3", "Раздел II", "Максат 1". */
const GROUP_LABEL = /^\s*(?:зорилт|зорилго|максат|мақсат|цель|задача|раздел|бөлүм|бөлім|бүлэг|goal|objective|section|priority|приоритет)\s*(?:\d{1,2}|[IVX]{1,5})\b/iu;

/** Text opening with a group word and its number ("Зорилт 2", "Goal 3"). */
export function startsWithGroupLabel(text: string): boolean {
  return GROUP_LABEL.test(text);
}

/**
 * A group row heads the rows below it (a goal or section). It is one cell across the table, or, in
 * OCR'd exports, starts with a group word and repeats or continues its text over the other cells.
 * Returns the row's text (distinct pieces joined) or null when it is an ordinary row.
 */
export function groupRowText(row: WorkRow, numberCol: number | null): string | null {
  const distinct: WorkCell[] = [];
  for (const cell of row.cells) if (!distinct.includes(cell)) distinct.push(cell);
  const filled = distinct.filter((c) => cellText(c).length > 0);
  if (filled.length === 0) return null;
  const spansAll = distinct.length === 1 && row.cells.length > 1;
  const first = filled[0] ? cellText(filled[0]) : '';
  const labelled = GROUP_LABEL.test(first) && row.cells[0] === filled[0];
  const numberCell = numberCol !== null ? row.cells[numberCol] : undefined;
  const numbered = numberCell !== undefined && /^\s*\d{1,3}\.?\s*$/.test(cellText(numberCell));
  if (!spansAll && !(labelled && !numbered)) {
    // A lone bold cell in the first column with everything else empty is a group row too.
    const lone = filled.length === 1 && row.cells[0] === filled[0] && filled[0]?.bold === true && row.cells.length > 2;
    if (!lone) return null;
  }
  const texts: string[] = [];
  for (const cell of filled) {
    const t = cellText(cell);
    if (!texts.some((x) => textKey(x) === textKey(t))) texts.push(t);
  }
  return texts.join(' ');
}
