import type { DocRow, TableBlock } from '../../model/doc-tree.ts';
import type { GridCell, PageTable } from './table-grid.ts';
import type { LineGeometry } from './line-geometry.ts';
import { cellLayouts, type TableContext } from './page-blocks.ts';
import { breaksInsideWord, lineEndsShort } from './cell-paragraphs.ts';
import { endsInAddressDelimiter, joinsWithoutSpace, textRunsOn, type WordEvidence } from './cell-text.ts';
import { nearlySameText } from '../../text/near-same-text.ts';
import { startsWithEnumerator } from '../../text/text-cues.ts';

/** One table as found on a page, with the block made from it. */
export interface PlacedTable {
  page: number;
  table: PageTable;
  block: TableBlock;
  /** Nothing but page furniture between this table and the page edge below/above it. */
  lastOnPage: boolean;
  firstOnPage: boolean;
  /** A ruled table open at the bottom that reaches the page end: its last row goes on overleaf. */
  cutAtPageEnd?: boolean;
}

const rowShape = (row: DocRow): string => row.cells.map((c) => `${c.col ?? -1}:${c.colSpan}`).join('|');
/** Same cells, same text (a scanned page's repeated header reads a letter or two differently). */
const sameRow = (a: DocRow, b: DocRow): boolean =>
  rowShape(a) === rowShape(b) && nearlySameText(a.cells.map((c) => c.text).join(' | '), b.cells.map((c) => c.text).join(' | '));

/** Both rows are there, have cells, and read alike. */
const sameRepeat = (a: DocRow | undefined, b: DocRow | undefined): boolean => a !== undefined && b !== undefined && a.cells.length > 0 && sameRow(a, b);

function sameColumns(a: PageTable, b: PageTable): boolean {
  if (a.cols !== b.cols) return false;
  if (a.mode === 'stream' || b.mode === 'stream') return true;
  // A grid closed at the page edge (its last column ran off the page) has no last rule of its own.
  const open = a.openEdges?.right === true || b.openEdges?.right === true;
  const compared = open ? a.colEdges.length - 1 : a.colEdges.length;
  return a.colEdges.slice(0, compared).every((x, i) => Math.abs(x - (b.colEdges[i] ?? Number.NaN)) <= 4);
}

function cellText(row: DocRow | undefined, col: number): string {
  const cell = row?.cells.find((c) => c.col === col);
  return cell?.text.trim() ?? '';
}

/**
 * Marks tables that continue on the next page. A table that ends a page and one that starts the
 * next page with the same columns are one logical table: the later block gets
 * `continuesPrevious`; leading rows that repeat the first rows of the chain are header rows (on
 * both pages); and the first body row is marked as continuing the previous row when it leaves
 * empty a column that every new row of the table fills (its start was on the previous page).
 * Otherwise the row is left for the table normalizer to judge from its text.
 */
export function linkPageTables(placed: readonly PlacedTable[], words: WordEvidence, context: TableContext = {}): void {
  let chainHead: PlacedTable | undefined;
  for (let i = 0; i < placed.length; i++) {
    const cur = placed[i];
    const prev = placed[i - 1];
    if (!cur) continue;
    const continues = prev !== undefined && prev.page + 1 === cur.page && prev.lastOnPage && cur.firstOnPage && sameColumns(prev.table, cur.table);
    if (!continues || !chainHead || !prev) {
      chainHead = cur;
      continue;
    }
    cur.block.continuesPrevious = true;
    const headRows = chainHead.block.rows;
    // The repeated header may sit under a title row that only the first page has.
    let h = 0;
    let offset = 0;
    for (let o = 0; o <= 3; o++) {
      let n = 0;
      while (n < cur.block.rows.length && o + n < headRows.length && n < 6) {
        const a = cur.block.rows[n];
        const b = headRows[o + n];
        if (!a || !b || !sameRow(a, b) || a.cells.length === 0) break;
        n++;
      }
      if (n > h) {
        h = n;
        offset = o;
      }
    }
    // Header rows read row for row alike, or else as one band (a two-level header that one page
    // reads as two rows and another as one, as borderless pages are read from their own gaps).
    // The band wins where it takes in more of this page's rows: rows read alike only nearly (a
    // row of column numbers set into one page's header cells, on its own row on the next).
    let headCount = h;
    const band = sameHeaderBand(cur.block.rows, headRows);
    if (band && band.rows > h) {
      h = band.rows;
      offset = band.offset;
      headCount = band.headRows;
      // Rows under the band that repeat row for row (a row of column numbers) are header too.
      while (h < 6 && sameRepeat(cur.block.rows[h], headRows[offset + headCount])) {
        h++;
        headCount++;
      }
    }
    for (let k = 0; k < Math.max(h, headCount); k++) {
      for (const row of [k < h ? cur.block.rows[k] : undefined, k < headCount ? headRows[offset + k] : undefined]) {
        if (!row) continue;
        row.header = true;
        for (const cell of row.cells) cell.header = true;
      }
    }
    const first = cur.block.rows[h];
    if (!first) continue;
    first.pageBreakBefore = true;
    const keyCols = keyColumns([...placed.slice(placed.indexOf(chainHead), i + 1)].map((p) => p.block), h);
    // A key column under a cell of the row spanning into it from the left (one text over several
    // columns) is not empty.
    const missing = keyCols.some((c) => cellText(first, c) === '' && !coveredFromAbove(cur.block, h, c) && !spannedInRow(first, c));
    // A ruled table whose last row on the page before has no rule under it and runs to the page
    // end was cut there (a browser prints a row split by the page that way), provided the table
    // draws its outer rules at all: its first piece is closed on top.
    const cut = (prev.cutAtPageEnd === true && chainHead.table.openEdges?.top === false) || cutUnderHeader(chainHead.table, cur.table, h);
    // Both cues also fit a new row: one under cells that span on from the page before (cut there,
    // they leave empty cells overleaf), or one after a row that happened to end at the page end (its
    // bottom rule is the new row's top rule, printed overleaf). A first row that opens a numbered
    // item in a key column (an item number, or a bare one in a number column) is such a new row.
    const opensItem = keyCols.some((c) => startsWithEnumerator(cellText(first, c)) || /^\d{1,3}$/u.test(cellText(first, c)));
    // Filled key columns and a closed bottom say nothing either way (a cut row may have text in all
    // of them, and other producers rule the cut): `src/tables/` decides from the text, as for any
    // other format.
    if ((missing || cut) && !opensItem) first.continuesPrevious = true;
    // A borderless row whose every cell reads on from the last row's cell above it (no sentence
    // ended there, and the text goes on: a small letter, or two words the document sets side by
    // side) is that row's rest, whatever its first letters; a new row starts at least one cell
    // afresh.
    else if (!opensItem && first.continuesPrevious === undefined && cellsReadOn(prev, first, words)) first.continuesPrevious = true;
    markRunOnCells(prev, cur, h, words, context);
  }
}

/**
 * A borderless row cut by the page break goes on overleaf without the padding above its text: its
 * first line sits closer under the repeated header than the first row under the header on the
 * table's first page (a row of its own, with its padding). One padding is the difference; a
 * tenth of an em (at least 0.75 pt) keeps the glyph boxes' rounding out.
 */
function cutUnderHeader(head: PageTable, cur: PageTable, h: number): boolean {
  if (head.mode !== 'stream' || cur.mode !== 'stream' || h === 0 || head === cur) return false;
  const gap = (t: PageTable): number | undefined => {
    const above = t.rowBands[h - 1];
    const below = t.rowBands[h];
    return above && below ? below.top - above.bottom : undefined;
  };
  const first = gap(head);
  const here = gap(cur);
  const sizes = cur.cells.filter((c) => c.row === h).flatMap((c) => (c.geometry ?? []).flatMap((g) => (g ? [g.fontSize] : [])));
  const em = sizes.length > 0 ? Math.max(...sizes) : 10;
  return first !== undefined && here !== undefined && here < first - Math.max(0.75, 0.1 * em);
}

/**
 * Marks the cells of the first body row overleaf (`row`) whose text runs on from the cell above
 * (the one covering the last row of the page before). A lower-case start says so by itself (the
 * table normalizer reads that); a capital does not, as a name runs on capitalised just as a new
 * paragraph starts. The geometry tells the two apart only one way: a last line that ends short
 * (the next word would have fitted) was a forced break. A full one may be a wrap or a paragraph
 * that happened to fill its line, and the text decides (`textRunsOn`). Where the page cut a word
 * broken for want of room (the same evidence as inside a cell, `breaksInsideWord`), the two
 * pieces join without a space (`DocCell.cutInWord`).
 */
function markRunOnCells(prev: PlacedTable, cur: PlacedTable, row: number, words: WordEvidence, context: TableContext): void {
  const docRow = cur.block.rows[row];
  if (!docRow) return;
  if (prev.table.mode === 'stream' && cur.table.mode === 'stream' && docRow.continuesPrevious === true) {
    markRunOnText(prev, cur, row, docRow, words, context);
    return;
  }
  if (prev.table.mode !== 'lattice' || cur.table.mode !== 'lattice') return;
  const lastRow = prev.table.rows - 1;
  const layoutOf = cellLayouts(prev.table, context);
  for (const cell of docRow.cells) {
    if (cell.col === undefined || cell.text.trim() === '') continue;
    const below = cur.table.cells.find((g) => g.row === row && g.col === cell.col);
    const above = prev.table.cells.find((g) => g.col === cell.col && g.colSpan === below?.colSpan && g.row + g.rowSpan - 1 === lastRow);
    const layout = above ? layoutOf(above) : undefined;
    const frame = layout?.frame;
    const cut = above && below ? pageCut(above, below) : undefined;
    if (!above || !below || !layout || !frame || !cut) continue;
    // The words as the cells read them, words broken at a line end joined: the lines' own tokens
    // make «Республикасыны» of «Республикасыны|н», a word the document has beside nothing.
    const before = readText(prev, above);
    const after = cell.text.trim();
    // A «?» or «=» inside a web address ends no sentence; it is a break opportunity, so the line
    // before it may end short of the edge (the rest of the address did not fit).
    const atDelimiter = endsInAddressDelimiter(before) && joinsWithoutSpace(before, after);
    if (lineEndsShort(cut.end, cut.start, frame) && !atDelimiter) continue;
    if (/[.;!?…]$/u.test(before) && !atDelimiter) continue;
    // A word broken for want of room runs on whatever letter goes on overleaf (a web address cut
    // before a digit, the address begun lines before the cut); a line ending in a hyphen, or in
    // an address's delimiter, goes on without a space, as on the same page.
    const inWord = breaksInsideWord(cut.lastLine, cut.firstLine, cut.end, cut.start, layout, words, before);
    if (!inWord && !atDelimiter && !textRunsOn(before, after, words)) continue;
    cell.continuesAbove = true;
    if (inWord || joinsWithoutSpace(cut.lastLine, cut.firstLine)) cell.cutInWord = true;
  }
}

/** The text of a grid cell of a page's table as its cell in the block reads it (line breaks read), else its lines. */
function readText(placed: PlacedTable, cell: GridCell): string {
  return (placed.block.rows[cell.row]?.cells.find((c) => c.col === cell.col)?.text ?? cell.lines.join(' ')).trim();
}

/**
 * A borderless row cut by the page break: no frame tells whether a cell's last line overleaf ended
 * short, so the text alone decides whether each cell runs on (`textRunsOn`), as in a wrapped line
 * whose layout cannot tell.
 */
function markRunOnText(prev: PlacedTable, cur: PlacedTable, row: number, docRow: DocRow, words: WordEvidence, context: TableContext): void {
  const layoutOf = cellLayouts(prev.table, context);
  for (const cell of docRow.cells) {
    if (cell.col === undefined || cell.text.trim() === '') continue;
    const above = cellAbove(prev, cell.col);
    const before = above ? readText(prev, above) : '';
    const atDelimiter = endsInAddressDelimiter(before) && joinsWithoutSpace(before, cell.text);
    if (!above || before === '' || (/[.;!?…:]$/u.test(before) && !atDelimiter)) continue;
    // A word the page cut where its column was full, as inside a cell (`breaksInsideWord`): the
    // column's wrap edge read over the whole document. It runs on whatever letter goes on.
    const below = cur.table.cells.find((g) => g.row === row && g.col === cell.col);
    const cut = below ? pageCut(above, below) : undefined;
    const inWord = cut !== undefined && breaksInsideWord(cut.lastLine, cut.firstLine, cut.end, cut.start, layoutOf(above), words, before);
    if (!inWord && !atDelimiter && !textRunsOn(before, cell.text, words)) continue;
    cell.continuesAbove = true;
    if (inWord || joinsWithoutSpace(before, cell.text)) cell.cutInWord = true;
  }
}

/**
 * The filled cells of a borderless table's first row overleaf go on from the cells above them:
 * more than half of them read on (`textRunsOn`), or, where some cell's text above ended a
 * sentence, more than half go on in small letters. A cell may open a paragraph of its own
 * overleaf (a capital after a line that ended with or without a stop, «…аткарылды | Күтүлгөн
 * натыйжа 2: …») while its neighbours plainly read on; a new row reads on in one cell now and
 * then (a name in small letters), not in most.
 */
function cellsReadOn(prev: PlacedTable, docRow: DocRow, words: WordEvidence): boolean {
  if (prev.table.mode !== 'stream') return false;
  const filled = docRow.cells.filter((c) => c.col !== undefined && c.text.trim() !== '');
  let on = 0;
  let ended = 0;
  let lower = 0;
  for (const cell of filled) {
    const before = textAbove(prev, cell.col ?? -1);
    if (before === '') return false;
    if (/[.;!?…]$/u.test(before)) {
      ended++;
      continue;
    }
    if (textRunsOn(before, cell.text, words)) on++;
    if (/^\p{Ll}/u.test(cell.text.trim())) lower++;
  }
  // A cell whose text above ended a sentence may open its next paragraph overleaf while the
  // others plainly go on; then only words going on in small letters, in most cells, tell.
  if (ended > 0) return lower >= 2 && lower * 2 > filled.length;
  return filled.length > 0 && (on === filled.length || (on >= 2 && on * 2 > filled.length));
}

/** Where the page cut a cell: the last line above the break and the first overleaf, with their geometry. */
function pageCut(above: GridCell, below: GridCell): { lastLine: string; firstLine: string; end: LineGeometry; start: LineGeometry } | undefined {
  const end = above.geometry?.findLast((g) => g !== undefined);
  const start = below.geometry?.find((g) => g !== undefined);
  if (!end || !start) return undefined;
  const lastLine = above.lines.findLast((l) => l.trim() !== '')?.trim() ?? '';
  const firstLine = below.lines.find((l) => l.trim() !== '')?.trim() ?? '';
  return { lastLine, firstLine, end, start };
}

/** The text of the cell of the page's last row over column `col`. */
function textAbove(prev: PlacedTable, col: number): string {
  return cellAbove(prev, col)?.lines.join(' ').trim() ?? '';
}

/** The cell of the page's last row over column `col` (a cell spanning it counts). */
function cellAbove(prev: PlacedTable, col: number): GridCell | undefined {
  const lastRow = prev.table.rows - 1;
  return prev.table.cells.find((g) => g.col <= col && col < g.col + g.colSpan && g.row + g.rowSpan - 1 === lastRow);
}

/** Text of each column over a band of rows, a spanning cell counted once at its first column. */
function columnTexts(rows: readonly DocRow[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const row of rows) {
    for (const cell of row.cells) {
      if (cell.col === undefined || cell.text.trim() === '') continue;
      out.set(cell.col, `${out.get(cell.col) ?? ''} ${cell.text}`.trim());
    }
  }
  return out;
}

/**
 * The first rows of a page that repeat a band of the chain's first rows column for column, however
 * either page cut the band into rows (up to three rows each, the band under up to three title
 * rows of the first page): how many rows on this page, where the band starts in the first page's
 * rows and how many rows it takes there. Every column must read the same, and two at least must
 * have text.
 */
function sameHeaderBand(rows: readonly DocRow[], headRows: readonly DocRow[]): { rows: number; offset: number; headRows: number } | undefined {
  const hasText = (row: DocRow): boolean => row.cells.some((c) => c.text.trim() !== '');
  // Every row of a band has text: an empty sliver of a cut row is no header row. The widest band
  // first: a band of fewer rows may read nearly alike too.
  let widest = 0;
  while (widest < 3 && widest < rows.length && hasText(rows[widest] as DocRow)) widest++;
  for (let n = widest; n >= 1; n--) {
    const mine = columnTexts(rows.slice(0, n));
    if (mine.size < 2) continue;
    for (let offset = 0; offset <= 3; offset++) {
      for (let m = 1; m <= 3 && offset + m <= headRows.length; m++) {
        if (!headRows.slice(offset, offset + m).every(hasText)) break;
        const theirs = columnTexts(headRows.slice(offset, offset + m));
        if (theirs.size !== mine.size) continue;
        if ([...mine].every(([col, text]) => nearlySameText(text, theirs.get(col) ?? ''))) return { rows: n, offset, headRows: m };
      }
    }
  }
  return undefined;
}

/** Whether a cell of the row with text spans over column `col` from a column to its left. */
function spannedInRow(row: DocRow, col: number): boolean {
  return row.cells.some((c) => c.col !== undefined && c.col < col && col < c.col + c.colSpan && c.text.trim() !== '');
}

/** Whether grid position (row, col) is covered by a row-spanning cell of an earlier row. */
function coveredFromAbove(block: TableBlock, row: number, col: number): boolean {
  for (let r = 0; r < row; r++) {
    for (const c of block.rows[r]?.cells ?? []) {
      const c0 = c.col ?? -1;
      if (col >= c0 && col < c0 + c.colSpan && r + c.rowSpan > row) return true;
    }
  }
  return false;
}

/** Columns in which (almost) every body row that does not span the whole width has its own text. */
function keyColumns(blocks: readonly TableBlock[], headerRows: number): number[] {
  const counts = new Map<number, number>();
  let rows = 0;
  for (const [bi, block] of blocks.entries()) {
    const width = block.columns ?? 0;
    // Skip header rows and each page's first body row (which may itself be a continuation).
    for (const row of block.rows.slice(headerRows + (bi > 0 ? 1 : 0))) {
      if (row.header) continue;
      if (row.cells.length === 1 && (row.cells[0]?.colSpan ?? 0) >= width) continue;
      // A row with text in one cell alone is no new item either: a paragraph of a long cell that a
      // borderless page set a row's gap apart, or the rest of a cut row.
      if (row.cells.filter((c) => c.text.trim() !== '').length < 2) continue;
      rows++;
      for (const c of row.cells) if (c.text.trim() !== '' && c.col !== undefined) counts.set(c.col, (counts.get(c.col) ?? 0) + 1);
    }
  }
  if (rows < 2) return [];
  return [...counts.entries()].filter(([, n]) => n >= 0.9 * rows).map(([c]) => c);
}
