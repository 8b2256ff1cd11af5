import { columnSpan, largestGap } from './column-tail.ts';
import { setLikeGroupRow } from './group-row-tail.ts';
import { lineGeometry } from './line-geometry.ts';
import type { GridCell, PageTable } from './table-grid.ts';
import type { Chunk, TextLine } from './text-lines.ts';
import type { Box } from './page-content.ts';
import type { RowGapEvidence } from './row-gap-evidence.ts';
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
export function absorbColumnHead(table: PageTable, lines: readonly TextLine[], isContent: (l: TextLine) => boolean, others: readonly PageTable[] = []): TextLine[] {
  if (table.mode !== 'stream' || table.cols < 2) return [...lines];
  const all = lines.filter((l) => l.bottom <= table.box.top + 0.5).sort((a, b) => a.top - b.top);
  const last = all[all.length - 1];
  if (!last) return [...lines];
  const em = last.fontSize || 10;
  const gapLimit = Math.min(3 * em, largestGap(table) + em);
  // Up from the table, line by line, while each sits in a column close above the next; what is
  // left above must be the page's furniture (a running head), which a cut row's rest may also
  // reach into.
  // A goal row's rest (or a goal row) is set like the table's group rows, across the columns.
  const groupLike = (l: TextLine): boolean => setLikeGroupRow(table, others, l, em);
  let from = all.length;
  let below = table.box.top;
  while (from > 0) {
    const l = all[from - 1] as TextLine;
    if ((!inColumns(table, l, em) && !groupLike(l)) || below - l.bottom > gapLimit) break;
    below = l.top;
    from--;
  }
  const above = all.slice(from);
  if (above.length === 0 || all.slice(0, from).some(isContent)) return [...lines];
  const top = Math.min(...above.map((l) => l.top));
  const bottom = Math.max(...above.map((l) => l.bottom));
  const group = above.every(groupLike);
  // The rest of a cut row, then a goal row opening the next rows: two rows, the goal's last.
  let split = above.length;
  while (split > 0 && groupLike(above[split - 1] as TextLine)) split--;
  const rest = above.slice(0, split);
  if (!group && split < above.length && rest.every((l) => inColumns(table, l, em))) {
    const goal = above.slice(split);
    const cells = columnCells(table, rest, em);
    const titled = groupCell(table, goal);
    titled.row = 1;
    for (const c of table.cells) c.row += 2;
    table.cells.unshift(...cells, titled);
    const bandOf = (ls: readonly TextLine[]) => ({ top: Math.min(...ls.map((l) => l.top)), bottom: Math.max(...ls.map((l) => l.bottom)) });
    table.rowBands = [bandOf(rest), bandOf(goal), ...table.rowBands];
    table.rows += 2;
    table.box = { ...table.box, top };
    return lines.filter((l) => !above.includes(l));
  }
  if (!group && above.some((l) => !inColumns(table, l, em))) return [...lines];
  const cells = group ? [groupCell(table, above)] : columnCells(table, above, em);
  // Lines of a column going on at line spacing into the table's first row (the stream reader's
  // region began at the first line with phrases in two columns) are that row's cell: one row.
  const firstRow = table.cells.filter((c) => c.row === 0);
  const runsInto = (c: GridCell): GridCell | undefined => firstRow.find((f) => f.col === c.col && f.colSpan === c.colSpan && f.box.top - c.box.bottom < 0.6 * em);
  if (!group && cells.some((c) => runsInto(c) !== undefined)) {
    for (const c of cells) {
      const into = runsInto(c);
      if (!into) {
        table.cells.push(c);
        continue;
      }
      into.lines = [...c.lines, ...into.lines];
      into.geometry = [...(c.geometry ?? []), ...(into.geometry ?? [])];
      into.bold &&= c.bold;
      into.box = { ...into.box, x0: Math.min(into.box.x0, c.box.x0), x1: Math.max(into.box.x1, c.box.x1), top: c.box.top };
    }
    const band = table.rowBands[0];
    if (band) band.top = Math.min(band.top, top);
  } else {
    for (const c of table.cells) c.row += 1;
    table.cells.unshift(...cells);
    table.rowBands = [{ top, bottom }, ...table.rowBands];
    table.rows += 1;
  }
  table.box = { ...table.box, top };
  return lines.filter((l) => !above.includes(l));
}

/**
 * A page that holds nothing but the rest of such a row (a cell longer than a page), or that and a
 * few rows too sparse for the stream reader to find columns in: every content line's phrases
 * inside the columns of the table on the page before, each line within a cell's paragraph spacing
 * of the one before. The page is read in those columns (one row of column cells when no line has
 * phrases in two), so that the table runs on over it.
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
  const gapLimit = Math.min(3 * em, largestGap(prev) + em);
  if (content.some((l, i) => !inColumns(prev, l, em) || (i > 0 && l.top - (content[i - 1] as TextLine).bottom > gapLimit))) return undefined;
  const rest = lines.filter((l) => !content.includes(l));
  if (content.some((l) => l.chunks.length > 1)) {
    const read = streamTable(content, { columns: prev.colEdges, ...(rowGaps ? { rowGaps } : {}) });
    return read ? { table: read.table, rest } : undefined;
  }
  const box = {
    x0: Math.min(...content.map((l) => l.x0)),
    x1: Math.max(...content.map((l) => l.x1)),
    top: first.top,
    bottom: Math.max(...content.map((l) => l.bottom)),
  };
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
      const box = { x0: Math.min(...chunks.map((c) => c.x0)), x1: Math.max(...chunks.map((c) => c.x1)), top: Math.min(...chunks.map((c) => c.top)), bottom: Math.max(...chunks.map((c) => c.bottom)) };
      let cell = cells.find((c) => c.col === col);
      if (!cell) {
        cell = { row: 0, col, rowSpan: 1, colSpan: 1, lines: [], geometry: [], bold: true, box };
        cells.push(cell);
      }
      cell.lines.push(chunks.map((c) => c.text).join(' '));
      cell.geometry?.push(lineGeometry(chunks));
      cell.bold &&= chunks.every((c) => c.bold);
      cell.box = { x0: Math.min(cell.box.x0, box.x0), x1: Math.max(cell.box.x1, box.x1), top: Math.min(cell.box.top, box.top), bottom: Math.max(cell.box.bottom, box.bottom) };
    }
  }
  return cells.sort((a, b) => a.col - b.col);
}

/** The lines as one cell across the table (a group row). */
function groupCell(table: PageTable, lines: readonly TextLine[]): GridCell {
  return {
    row: 0,
    col: 0,
    rowSpan: 1,
    colSpan: table.cols,
    lines: lines.map((l) => l.chunks.map((c) => c.text).join(' ')),
    geometry: lines.map((l) => lineGeometry(l.chunks)),
    bold: lines.every((l) => l.chunks.every((c) => c.bold)),
    box: { x0: Math.min(...lines.map((l) => l.x0)), x1: Math.max(...lines.map((l) => l.x1)), top: Math.min(...lines.map((l) => l.top)), bottom: Math.max(...lines.map((l) => l.bottom)) },
  };
}
