import type { Block } from '../../model/doc-tree.ts';
import type { Box, PageContent } from './page-content.ts';
import type { TextLine } from './text-lines.ts';
import { readingOrder } from './reading-order.ts';
import { findTables, type PageTables } from './table-finder.ts';
import { collectWords } from './cell-text.ts';
import { WordWidths } from './word-widths.ts';
import { WholeWords } from './whole-words.ts';
import { confirmedBreaks, documentPadding, tableBlock, textBlocks, type TableContext } from './page-blocks.ts';
import { columnWrapEdges } from './column-wrap-edges.ts';
import { RightInsets, StreamColumns } from './cell-frames.ts';
import { pageFurniture } from './page-furniture.ts';
import { absorbColumnTail } from './column-tail.ts';
import { absorbGroupRowHead, absorbGroupRowTail } from './group-row-tail.ts';
import { absorbColumnHead, columnPage } from './column-head.ts';
import { fitRuledToColumns, fitToColumns } from './column-fit.ts';
import { tablesUnderRepeatedHeaders } from './repeated-header-page.ts';
import { highestTable, lowestTable, type PageTable } from './table-grid.ts';
import { linkPageTables, type PlacedTable } from './page-continuation.ts';
import { pooledRowGaps } from './row-gap-evidence.ts';
import { markTableConfidence } from '../../ocr/confidence.ts';

/**
 * Pages → blocks: tables found per page, running text in reading order around them, a
 * `page-break` between pages, and tables that run on over a page break linked to each other.
 * The whole document's words are the evidence for joining words hyphenated at line ends.
 */
export function layOutDocument(pages: readonly PageContent[]): Block[] {
  const first: PageTables[] = pages.map((p) => findTables(p));
  // A page of a borderless table with no row gap of its own, or fewer columns, is read again with
  // the gap and columns the table's other pages measured.
  const measured = first.flatMap((f) => f.rowGaps);
  const rowGaps = [...measured, ...pooledRowGaps(first.flatMap((f) => f.rowSteps), measured)];
  const again = (f: PageTables): boolean => f.unmeasured || f.tables.some((t) => t.mode === 'stream');
  const found = rowGaps.length === 0 ? first : first.map((f, i) => (again(f) && pages[i] ? findTables(pages[i], rowGaps) : f));
  tablesUnderRepeatedHeaders(found, rowGaps);
  // A page's first borderless piece with fewer columns than the table ending the page before,
  // its edges on that table's (the left columns empty there), is put back into its columns, and so
  // is a ruled piece none of whose rows draws some of the table's rules. A
  // page between them with no table of its own (a cell longer than a page, read below) leaves
  // the table before it the one to fit to.
  let before: PageTable | undefined;
  for (const f of found) {
    const first = highestTable(f.tables);
    if (before && first && !fitToColumns(first, before)) fitRuledToColumns(first, before);
    before = lowestTable(f.tables) ?? before;
  }
  const isFurniture = pageFurniture(found.map((f, i) => ({ tables: f.tables, height: pages[i]?.height ?? 0 })));
  // A page of one borderless table's column alone (a cell longer than a page) holds no table of
  // its own: read as a row of the table on the page before.
  found.forEach((f, i) => {
    const page = pages[i];
    const before = pages[i - 1];
    const prev = lowestTable(found[i - 1]?.tables ?? []);
    if (!page || !before || !prev || f.tables.length > 0) return;
    // Only a table that ends its page runs on over the next one.
    if (found[i - 1]?.textLines.some((l) => l.top >= prev.box.bottom && !isFurniture(l.top, l.bottom, before.height))) return;
    const read = columnPage(prev, f.textLines, (l) => !isFurniture(l.top, l.bottom, page.height), rowGaps);
    if (read) {
      f.tables.push(read.table);
      f.textLines = read.rest;
    }
  });
  const words = collectWords(
    pages.flatMap((p) => p.runs.map((r) => r.text)),
    WordWidths.fromRuns(pages.flatMap((p) => p.runs)),
    WholeWords.fromRuns(pages.flatMap((p) => p.runs)),
  );
  const bodySize = medianFontSize(pages);
  const tables = found.flatMap((f) => f.tables);
  const wrapEdges = columnWrapEdges(tables);
  // A renderer that sized a column to its widest word laid the table out keeping words whole
  // (where it may break them, a column needs no more than a glyph); one that breaks words shows
  // it somewhere in the document (a broken word whose whole form the document has). A piece of
  // a word fills its column exactly only by chance, so both must hold.
  const sizedToWord = tables.some((t) => t.cells.some((c) => wrapEdges(t, c)?.sizedToWord === true));
  const padding = documentPadding(tables);
  const rightInsets = RightInsets.of(tables);
  const streamColumns = StreamColumns.of(tables);
  const breaksWords = tables.some((t) => confirmedBreaks(t, words, { padding, rightInsets, streamColumns }) > 0);
  const context: TableContext = { keepsWordsWhole: sizedToWord && !breaksWords, breaksWords, padding, rightInsets, streamColumns };
  const blocks: Block[] = [];
  const placed: PlacedTable[] = [];
  // Where the page's body ends, from the lowest ruled table of the document: a table cut by the
  // page end reaches it, and every page of a document shares its bottom margin.
  const pageEnd = Math.max(...found.flatMap((f) => f.tables.filter((t) => t.mode === 'lattice').map((t) => t.box.bottom)));
  pages.forEach((page, i) => {
    const res = found[i];
    if (!res) return;
    if (i > 0) blocks.push({ kind: 'page-break', position: { page: page.number } });
    // The text frame of the page (all ink, tables included) tells where lines end short.
    const frame = { width: page.width, left: page.width, right: 0 };
    for (const r of page.runs) {
      frame.left = Math.min(frame.left, r.x0);
      frame.right = Math.max(frame.right, r.x1);
    }
    // The lowest borderless table's last cell may run on below its row, one column alone.
    const lowest = lowestTable(res.tables);
    // Lines in the page's footer band count too: a cell running to the foot of the page reaches
    // into it, while a footer is set apart by more than a cell's paragraph spacing.
    const isContent = (l: TextLine): boolean => !isFurniture(l.top, l.bottom, page.height);
    if (lowest) res.textLines = absorbColumnTail(lowest, res.textLines, rowGaps).sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
    if (lowest) res.textLines = absorbGroupRowTail(lowest, res.textLines, isContent, tables, rowGaps);
    for (const table of res.tables) res.textLines = absorbGroupRowHead(table, res.textLines, isContent, res.tables, tables, rowGaps);
    // The highest one's first row may be the rest of a row the page break cut, one column alone.
    const highest = highestTable(res.tables);
    if (highest && i > 0) res.textLines = absorbColumnHead(highest, res.textLines, isContent, tables, rowGaps);
    const order = readingOrder(res.textLines, frame, res.tables.map((t) => t.box));
    const items: { box: Box; block: Block }[] = textBlocks(order.lines, page.number, frame, bodySize, words);
    const content = res.textLines.filter(isContent);
    res.tables.forEach((table, t) => {
      const block = tableBlock(table, page.number, words, context);
      markTableConfidence(block, table, page.runs);
      const lastOnPage = t === res.tables.length - 1 && !content.some((l) => l.top > table.box.bottom);
      const firstOnPage = t === 0 && !content.some((l) => l.bottom < table.box.top);
      // Open at the bottom yet ending short of the page end: the row ended there and the next one
      // went over whole (a browser does not draw the rule under a row the page break follows).
      const cutAtPageEnd = lastOnPage && table.openEdges?.bottom === true && table.box.bottom >= pageEnd - bodySize;
      placed.push({ page: page.number, table, block, lastOnPage, firstOnPage, cutAtPageEnd });
      items.push({ box: table.box, block });
    });
    items.sort((a, b) => order.key(a.box) - order.key(b.box));
    blocks.push(...items.map((it) => it.block));
  });
  linkPageTables(placed, words, context);
  return blocks;
}

function medianFontSize(pages: readonly PageContent[]): number {
  const sizes = pages.flatMap((p) => p.runs.map((r) => Math.round(r.fontSize * 2) / 2));
  if (sizes.length === 0) return 10;
  sizes.sort((a, b) => a - b);
  return sizes[Math.floor(sizes.length / 2)] ?? 10;
}
