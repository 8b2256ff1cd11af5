import { cellGapLimit, columnSpan } from './column-tail.ts';
import { groupRowCell, setLikeGroupRow } from './group-row-tail.ts';
import { lineGeometry } from './line-geometry.ts';
import type { GridCell, PageTable } from './table-grid.ts';
import type { Chunk, TextLine } from './text-lines.ts';
import { boxOf, type Box } from './page-content.ts';
import { rowSeparation, tableSteps, type RowGapEvidence } from './row-gap-evidence.ts';
import { streamTable } from './stream-table.ts';

/**
 * The rest of a borderless row cut by the page break, where only one or a few columns go on
 * overleaf and no header is repeated: at the top of the page those columns' lines stand alone
 * above the table's next rows, and lines of one phrase are no table to the stream reader, so they
 * came out as paragraphs before the table (cutting the cell in two and hiding that the table goes
 * on). The mirror of `absorbColumnTail`.
 *
 * They are taken back as the table's first row when the lines above the page's top borderless
 * table, from it upwards, each sit inside one of its columns (from the column's left edge, within
 * its width) and within the spacing of a paragraph break inside a cell (the table's own largest
 * gap, plus an em, at most three ems) above the next, and nothing but the page's furniture is
 * left above them: nothing precedes a row cut by the page. Lines set like the table's group rows
 * (`setLikeGroupRow`: a goal's title, or the rest of one the page cut) are one cell across the
 * table, a row of their own under the rest of a cut row when both are there. Returns the lines
 * that stay running text.
 */
export function absorbColumnHead(
  table: PageTable,
  lines: readonly TextLine[],
  isContent: (l: TextLine) => boolean,
  others: readonly PageTable[] = [],
  rowGaps: readonly RowGapEvidence[] = [],
): TextLine[] {
  if (table.mode !== 'stream' || table.cols < 2) return [...lines];
  const all = lines.filter((l) => l.bottom <= table.box.top + 0.5).sort((a, b) => a.top - b.top);
  const last = all[all.length - 1];
  if (!last) return [...lines];
  const em = last.fontSize || 10;
  const gapLimit = cellGapLimit(table, em);
  // A goal row's rest (or a goal row) is set like the table's group rows, across the columns.
  const groupLike = (l: TextLine): boolean => setLikeGroupRow(table, others, l, em);
  // Between a goal row and the rows next to it lies a row gap, which a table of one row on this
  // page does not show: the document's other pages tell it.
  const rowGap = (l: TextLine): number => Math.max(gapLimit, rowSeparation(rowGaps, em, l.bottom - l.top));
  // Up from the table, line by line, while each sits in a column (or is set like a goal row) close
  // above the next; what is left above must be the page's furniture (a running head), which a cut
  // row's rest may also reach into.
  // Content lines in the inner columns alone, as the line below them: a list's margin inside the
  // cell may set them further apart than a cell's spacing (nothing else starts there, columnPage).
  const inner = (l: TextLine): boolean => isContent(l) && inInnerColumns(table, l, em);
  let from = all.length;
  let below = table.box.top;
  let belowGroup = true;
  let belowInner = false;
  while (from > 0) {
    const l = all[from - 1] as TextLine;
    const group = groupLike(l);
    if (!inColumns(table, l, em) && !group) break;
    const innerRun = !group && belowInner && inner(l);
    if (below - l.bottom > (group || belowGroup ? rowGap(l) : gapLimit) && !innerRun) break;
    belowInner = !group && inner(l);
    below = l.top;
    belowGroup = group;
    from--;
  }
  const above = all.slice(from);
  if (above.length === 0 || all.slice(0, from).some(isContent)) return [...lines];
  // The lines set like a goal row at the foot of the block are a row across the table; those
  // above them, the rest of a cut row, in its columns: two rows when both are there.
  let split = above.length;
  while (split > 0 && groupLike(above[split - 1] as TextLine)) split--;
  const rest = above.slice(0, split);
  const goal = above.slice(split);
  if (!rest.every((l) => inColumns(table, l, em))) return [...lines];
  const restCells = columnCells(table, rest, em);
  // Lines of a column going on at line spacing into the table's first row (the stream reader's
  // region began at the first line with phrases in two columns) are that row's cell: one row.
  const firstRow = table.cells.filter((c) => c.row === 0);
  // Where the document measured the table's row step, a step past halfway from the line pitch to
  // it is a row's start, however little white it leaves (padding of a point or two).
  const steps = tableSteps(rowGaps, table.colEdges, em);
  const close = (c: GridCell, f: GridCell): boolean => {
    const from = c.geometry?.at(-1)?.baseline;
    const to = f.geometry?.[0]?.baseline;
    if (steps && from !== undefined && to !== undefined) return to - from < steps.pitch + 0.5 * (steps.rowStep - steps.pitch);
    return f.box.top - c.box.bottom < 0.6 * em;
  };
  const runsInto = (c: GridCell): GridCell | undefined => firstRow.find((f) => f.col === c.col && f.colSpan === c.colSpan && close(c, f));
  if (goal.length === 0 && restCells.some((c) => runsInto(c) !== undefined)) {
    for (const c of restCells) {
      const into = runsInto(c);
      if (!into) {
        table.cells.push(c);
        continue;
      }
      into.lines = [...c.lines, ...into.lines];
      into.geometry = [...(c.geometry ?? []), ...(into.geometry ?? [])];
      into.bold &&= c.bold;
      into.box = boxOf([c.box, into.box]);
    }
    const band = table.rowBands[0];
    if (band) band.top = Math.min(band.top, boxOf(rest).top);
  } else {
    const added = [rest, goal].filter((ls) => ls.length > 0);
    const cells = [...restCells, ...(goal.length > 0 ? [groupRowCell(table.cols, goal, added.length - 1)] : [])];
    for (const c of table.cells) c.row += added.length;
    table.cells.unshift(...cells);
    const bands = added.map((ls) => {
      const { top, bottom } = boxOf(ls);
      return { top, bottom };
    });
    table.rowBands = [...bands, ...table.rowBands];
    table.rows += added.length;
  }
  table.box = { ...table.box, top: boxOf(above).top };
  return lines.filter((l) => !above.includes(l));
}

/**
 * A page that holds nothing but the rest of such a row (a cell longer than a page), or that and a
 * few rows too sparse for the stream reader to find columns in: every content line's phrases
 * inside the columns of the table on the page before, each line within a cell's paragraph spacing
 * of the one before. The page is read in those columns (one row of column cells when no line has
 * phrases in two), so that the table runs on over it; lines in the table's inner columns alone
 * may be further apart (a list's margin). The same holds of the page's top block alone where what
 * follows it is set apart by more than a cell's spacing, or where the block keeps to the table's
 * inner columns (the table's last row ran on over the page, and the text after the table
 * follows: a list of abbreviations, a signature).
 */
export function columnPage(
  prev: PageTable,
  lines: readonly TextLine[],
  isContent: (l: TextLine) => boolean,
  rowGaps?: readonly RowGapEvidence[],
): { table: PageTable; rest: TextLine[] } | undefined {
  if (prev.mode !== 'stream' || prev.cols < 2) return undefined;
  const content = lines.filter(isContent).sort((a, b) => a.top - b.top);
  const first = content[0];
  if (!first) return undefined;
  const em = first.fontSize || 10;
  const gapLimit = cellGapLimit(prev, em);
  const apart = (i: number): boolean => i > 0 && (content[i] as TextLine).top - (content[i - 1] as TextLine).bottom > gapLimit;
  // Lines in the table's inner columns alone, its first column empty, are no heading or paragraph
  // after the table (those start at its left): a list's margin inside the cell may set them
  // further apart than a cell's spacing.
  const inner = (l: TextLine): boolean => inInnerColumns(prev, l, em);
  let n = 0;
  while (n < content.length && inColumns(prev, content[n] as TextLine, em) && (!apart(n) || content.slice(0, n + 1).every(inner))) n++;
  const block = content.slice(0, n);
  // The top block alone only where what follows is set apart from it, or where it stands in the
  // inner columns.
  if (n === 0 || (n < content.length && !apart(n) && !block.every(inner))) return undefined;
  const rest = lines.filter((l) => !block.includes(l));
  return readInColumns(prev, block, rest, em, rowGaps);
}

/** Lines read in the columns of `prev`: as a stream table where a line has phrases in two, else one row of column cells. */
function readInColumns(prev: PageTable, content: TextLine[], rest: TextLine[], em: number, rowGaps?: readonly RowGapEvidence[]): { table: PageTable; rest: TextLine[] } | undefined {
  if (content.some((l) => l.chunks.length > 1)) {
    const read = streamTable(content, { columns: prev.colEdges, ...(rowGaps ? { rowGaps } : {}) });
    return read ? { table: read.table, rest } : undefined;
  }
  const box = boxOf(content);
  const table: PageTable = { mode: 'stream', box, rows: 1, cols: prev.cols, cells: columnCells(prev, content, em), rowBands: [{ top: box.top, bottom: box.bottom }], colEdges: [...prev.colEdges] };
  return { table, rest };
}

/** The column whose extent holds the line or phrase (from its left edge to the next column's, the last open to the right). */
function columnOfLine(table: PageTable, l: Box, em: number): number | undefined {
  for (let c = 0; c < table.cols; c++) {
    const span = columnSpan(table, c);
    if (span && l.x0 >= span.left - em / 2 && l.x1 <= span.right + em / 2) return c;
  }
  return undefined;
}

/**
 * Every phrase of the line inside one of the table's columns but the first: no heading or
 * paragraph starts there (those start at the table's left).
 */
function inInnerColumns(table: PageTable, l: TextLine, em: number): boolean {
  return l.chunks.every((ch) => (columnOfLine(table, ch, em) ?? 0) >= 1);
}

/** Every phrase of the line inside one of the table's columns (cells of several columns side by side). */
function inColumns(table: PageTable, l: TextLine, em: number): boolean {
  return l.chunks.every((ch) => columnOfLine(table, ch, em) !== undefined);
}

/** One cell of row 0 per column the lines' phrases sit in, their lines in order. */
function columnCells(table: PageTable, lines: readonly TextLine[], em: number): GridCell[] {
  const cells: GridCell[] = [];
  for (const l of lines) {
    const byColumn = new Map<number, Chunk[]>();
    for (const ch of l.chunks) {
      const col = columnOfLine(table, ch, em) ?? 0;
      byColumn.set(col, [...(byColumn.get(col) ?? []), ch]);
    }
    for (const [col, chunks] of byColumn) {
      const box = boxOf(chunks);
      let cell = cells.find((c) => c.col === col);
      if (!cell) {
        cell = { row: 0, col, rowSpan: 1, colSpan: 1, lines: [], geometry: [], bold: true, box };
        cells.push(cell);
      }
      cell.lines.push(chunks.map((c) => c.text).join(' '));
      cell.geometry?.push(lineGeometry(chunks));
      cell.bold &&= chunks.every((c) => c.bold);
      cell.box = boxOf([cell.box, box]);
    }
  }
  return cells.sort((a, b) => a.col - b.col);
}
