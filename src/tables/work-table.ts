import type { DocRow, TableBlock } from '../model/doc-tree.ts';
import type { Location } from '../model/finding.ts';
import { joinParagraphs } from '../text/whitespace.ts';

/**
 * A cell on the working grid. Positions covered by a span hold the SAME object as the spanning
 * cell, so text appended to a merged cell (a fragment continued after a page break) belongs to
 * every row it spans, and spans are recovered by object identity at the end.
 */
export interface WorkCell {
  paragraphs: string[];
  bold: boolean;
  header: boolean;
  position: Location;
  /** No source cell covers this position: the row had fewer cells than the grid is wide. */
  filler?: boolean;
  /** OCR confidence of the text (0–1), when it was read from a scan. */
  ocr?: number;
  /** The source's layout says the text goes on from the cell above, cut by a page (`DocCell.continuesAbove`). */
  continuesAbove?: boolean;
  /** With `continuesAbove`: the cut fell inside a word, joined without a space (`DocCell.cutInWord`). */
  cutInWord?: boolean;
}

export interface WorkRow {
  cells: WorkCell[];
  header: boolean;
  pageBreakBefore: boolean;
  continuesPrevious: boolean | undefined;
  group: boolean;
  pages: number[];
  /** Row indices in the stitched logical table before continuation rows were merged. */
  stitchedRows: number[];
  /** For rows fitted by content: the column each source cell went to (source index → column). */
  rawColumns?: number[];
  position: Location;
}

/**
 * Each paragraph list's text, kept with the paragraphs it was joined from: the normalizer and
 * the extractor ask for the same cell's text again and again, and a cell continued across a page
 * gains paragraphs in between, so a kept text counts only while its paragraphs are the same.
 */
const joined = new WeakMap<readonly string[], { from: readonly string[]; text: string }>();

export function cellText(cell: WorkCell): string {
  const paragraphs = cell.paragraphs;
  const known = joined.get(paragraphs);
  if (known && known.from.length === paragraphs.length && known.from.every((p, i) => p === paragraphs[i])) return known.text;
  const text = joinParagraphs(paragraphs);
  joined.set(paragraphs, { from: [...paragraphs], text });
  return text;
}

export function emptyCell(position: Location, header = false): WorkCell {
  return { paragraphs: [], bold: false, header, position };
}

export function rowTexts(row: WorkRow): string[] {
  return row.cells.map(cellText);
}

export function isEmptyRow(row: WorkRow): boolean {
  return row.cells.every((c) => c.paragraphs.length === 0);
}

/**
 * Lays a parser table onto a dense grid following the HTML table model (WHATWG §4.9.12): each cell
 * takes the next free column, spans occupy the positions below and to the right. Spans running past
 * the last row are clipped.
 */
export function expandTable(block: TableBlock): WorkRow[] {
  const grid: (WorkCell | undefined)[][] = block.rows.map(() => []);
  block.rows.forEach((row: DocRow, r) => {
    const line = grid[r] ?? [];
    let col = 0;
    for (const cell of row.cells) {
      while (line[col] !== undefined) col++;
      if (cell.col !== undefined && cell.col > col) col = cell.col;
      const work: WorkCell = {
        paragraphs: cell.paragraphs.length > 0 ? [...cell.paragraphs] : cell.text ? [cell.text] : [],
        bold: cell.bold ?? false,
        header: cell.header ?? row.header ?? false,
        position: cell.position,
      };
      if (cell.ocr) work.ocr = cell.ocr.confidence;
      if (cell.continuesAbove) work.continuesAbove = true;
      if (cell.continuesAbove && cell.cutInWord) work.cutInWord = true;
      for (let dr = 0; dr < cell.rowSpan && r + dr < grid.length; dr++) {
        const target = grid[r + dr];
        if (!target) continue;
        for (let dc = 0; dc < cell.colSpan; dc++) target[col + dc] = work;
      }
      col += cell.colSpan;
    }
  });
  // The parser's grid width counts columns no cell of this piece fills (a page piece of a cut row).
  const width = Math.max(block.columns ?? 0, ...grid.map((line) => line.length));
  return block.rows.map((row, r) => {
    const line = grid[r] ?? [];
    const cells: WorkCell[] = [];
    for (let c = 0; c < width; c++) cells.push(line[c] ?? { ...emptyCell({ ...row.position, col: c }, row.header ?? false), filler: true });
    return {
      cells,
      header: row.header ?? false,
      pageBreakBefore: row.pageBreakBefore ?? false,
      continuesPrevious: row.continuesPrevious,
      group: false,
      pages: row.page !== undefined ? [row.page] : [],
      stitchedRows: [],
      position: row.position,
    };
  });
}
