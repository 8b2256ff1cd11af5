import type { Block, DocCell, DocRow, TableBlock } from '../../model/doc-tree.ts';
import type { Box } from './page-content.ts';
import type { TextLine } from './text-lines.ts';
import { joinLines, type WordEvidence } from './cell-text.ts';
import { cellParagraphs, FRAME_SLACK, type BreakTally, type CellLayout } from './cell-paragraphs.ts';
import { columnTextFrames, fullestLineShift, type RightInsets, type StreamColumns } from './cell-frames.ts';
import type { GridCell, PageTable } from './table-grid.ts';
import { joinParagraphs } from '../../text/whitespace.ts';
import { withOcrConfidence } from '../../ocr/confidence.ts';

const BULLET = /^[•▪●■➢❖✓□]\s*/u;

/** What the reader knows of the document beyond one table. */
export interface TableContext {
  /** The renderer keeps words whole (see `CellLayout.keepsWordsWhole`). */
  keepsWordsWhole?: boolean | undefined;
  /** The document shows a word broken inside (see `CellLayout.breaksWords`). */
  breaksWords?: boolean | undefined;
  /** Cell padding of the document's ruled tables, for a page whose own lines do not show it (`documentPadding`). */
  padding?: number | undefined;
  /** The fullest lines of the document's ruled columns (`RightInsets`). */
  rightInsets?: RightInsets | undefined;
  /** The borderless columns of the document, over all their pages (`StreamColumns`). */
  streamColumns?: StreamColumns | undefined;
}

/** A table as the DocTree carries it, one DocRow per grid row; covered grid positions are not emitted. */
export function tableBlock(table: PageTable, page: number, words: WordEvidence, context: TableContext = {}): TableBlock {
  const rows: DocRow[] = Array.from({ length: table.rows }, (_, r) => ({ cells: [], page, position: { page, row: r } }));
  const layoutOf = cellLayouts(table, context);
  for (const cell of [...table.cells].sort((a, b) => a.row - b.row || a.col - b.col)) {
    const paragraphs = cellParagraphs(cell.lines, words, layoutOf(cell));
    const doc: DocCell = {
      text: joinParagraphs(paragraphs),
      paragraphs,
      rowSpan: cell.rowSpan,
      colSpan: cell.colSpan,
      col: cell.col,
      position: { page, row: cell.row, col: cell.col },
    };
    if (cell.bold && paragraphs.length > 0) doc.bold = true;
    rows[cell.row]?.cells.push(doc);
  }
  return { kind: 'table', rows, columns: table.cols, position: { page } };
}

/** How many of the table's line breaks the document's words show to fall inside a word. */
export function confirmedBreaks(table: PageTable, words: WordEvidence, context: TableContext = {}): number {
  const tally: BreakTally = { confirmed: 0 };
  const layoutOf = cellLayouts(table, { padding: context.padding, rightInsets: context.rightInsets, streamColumns: context.streamColumns });
  for (const cell of table.cells) cellParagraphs(cell.lines, words, layoutOf(cell), tally);
  return tally.confirmed;
}

/** What the page shows of each cell's lines (`CellLayout`), for the cells of one table. */
export function cellLayouts(table: PageTable, context: TableContext): (cell: GridCell) => CellLayout {
  // Bold and regular faces of one family differ in line height (a browser's "normal" line
  // height follows the face's metrics): each weight's cells step at their own pitch.
  const pitches = new Map([true, false].map((bold) => [bold, linePitch(table, bold)]));
  const cellFrame = cellFrames(table, context.padding, context.rightInsets);
  const textFrame = columnTextFrames(table, context.streamColumns);
  return (cell) => {
    const pitch = pitches.get(cell.bold);
    return {
      geometry: cell.geometry ?? [],
      frame: cellFrame(cell),
      textFrame: textFrame(cell),
      keepsWordsWhole: context.keepsWordsWhole,
      breaksWords: context.breaksWords,
      pitch: pitch?.pitch,
      pitchSlack: pitch?.slack,
    };
  };
}

/**
 * The limits a ruled cell's lines were wrapped to: its edges less the padding (its column's own,
 * where its lines show it, else the table's). Stream cells have no edges of their own, only the
 * extent of their text: none.
 */
export function cellFrames(table: PageTable, documentPad?: number, rightInsets?: RightInsets): (cell: GridCell) => { left: number; right: number } | undefined {
  const pad = table.mode === 'lattice' ? (cellPadding(table) ?? documentPad) : undefined;
  const columnPad = table.mode === 'lattice' ? columnPadding(table, pad) : undefined;
  const insetOf = (cell: GridCell): number | undefined => (cell.colSpan === 1 ? columnPad?.get(cell.col) : undefined) ?? pad;
  const rightShift = fullestLineShift(
    table,
    (cell) => {
      const inset = insetOf(cell);
      return inset === undefined ? undefined : cell.box.x1 - inset;
    },
    FRAME_SLACK,
    rightInsets,
  );
  return (cell) => {
    const inset = insetOf(cell);
    const shift = cell.colSpan === 1 ? (rightShift.get(cell.col) ?? 0) : 0;
    return inset === undefined ? undefined : { left: cell.box.x0 + inset, right: cell.box.x1 - inset - shift };
  };
}

/**
 * The line pitch (median baseline step, in font sizes, between consecutive lines of one cell) and
 * how far the steps of one paragraph stray from it: four times their median deviation, at most
 * 0.12 font sizes. A renderer that places lines exactly (a browser: every line of a paragraph one
 * pitch apart) leaves paragraph spacing visible down to its smallest step, a device pixel, which
 * under a small font is less than a tenth of it; where lines stray (mixed fonts, raised
 * characters), the bound stays wide enough for them.
 */
function linePitch(table: PageTable, bold: boolean): { pitch: number; slack: number } | undefined {
  const steps = lineSteps(table, bold);
  if (steps.length < 3) return undefined;
  const pitch = steps[Math.floor(steps.length / 2)] ?? 0;
  const deviations = steps.map((s) => Math.abs(s - pitch)).sort((x, y) => x - y);
  return { pitch, slack: Math.min(0.12, 4 * (deviations[Math.floor(deviations.length / 2)] ?? 0)) };
}

/** Baseline steps, in font sizes, between consecutive lines of one cell of the given weight, sorted. */
function lineSteps(table: PageTable, bold: boolean): number[] {
  const steps: number[] = [];
  for (const cell of table.cells) {
    if (cell.bold !== bold) continue;
    const geo = cell.geometry ?? [];
    for (let i = 1; i < geo.length; i++) {
      const a = geo[i - 1];
      const b = geo[i];
      if (!a || !b || Math.abs(a.fontSize - b.fontSize) > 0.5) continue;
      const step = (b.baseline - a.baseline) / Math.max(a.fontSize, b.fontSize);
      if (step > 0.5) steps.push(step);
    }
  }
  return steps.sort((x, y) => x - y);
}

/**
 * Inner padding of ruled cells: how far left-aligned text sits from the left rule. That is the
 * smallest inset that many lines share (one in ten, at least two, within half a point); centred,
 * right-aligned and indented lines sit further in, and a stray line touching a rule does not
 * count.
 */
function cellPadding(table: PageTable): number | undefined {
  const insets: number[] = [];
  // Half the room a line leaves in its cell: no padding can be wider, as the line fitted inside it.
  const bounds: number[] = [];
  for (const cell of table.cells) {
    for (const g of cell.geometry ?? []) {
      if (!g) continue;
      insets.push(g.x0 - cell.box.x0);
      bounds.push((cell.box.x1 - cell.box.x0 - (g.x1 - g.x0) + g.glyphWidth) / 2);
    }
  }
  const pad = sharedInset(insets);
  if (pad === undefined) return pad;
  // A page whose text is mostly indented (a nested list filling a cell) shares the indent, not the
  // padding: lines too wide for it refute it. Two must (one may overflow its cell); the padding is
  // then shared by the lines that sit no further in than the second-widest line allows, and where
  // no line does, the page does not show it.
  bounds.sort((a, b) => a - b);
  const bound = bounds[1];
  if (bound === undefined || pad <= bound) return pad;
  const fitting = insets.filter((x) => x <= bound);
  return fitting.length > 0 ? sharedInset(fitting) : undefined;
}

/**
 * The cell padding of the document's ruled tables: one style sheet or template pads every page
 * alike, so the median of what the pages that show it say stands for those that do not.
 */
export function documentPadding(tables: readonly PageTable[]): number | undefined {
  const pads = tables.flatMap((t) => (t.mode === 'lattice' ? [cellPadding(t)] : [])).filter((p): p is number => p !== undefined);
  pads.sort((a, b) => a - b);
  return pads[Math.floor(pads.length / 2)];
}

/**
 * The padding of each column, where its own lines show it. A renderer lays columns out in device
 * pixels and draws rules snapped to them, so the inset of the text from the rule differs from
 * column to column by up to a pixel although the padding is one. The width a line was
 * wrapped to is the column's, and a word broken for want of room tells apart from a whole one by
 * less than that: each column's lines give its own inset, taken to hold on the right as well. A
 * column with too few lines, or whose text sits further in than the table's padding allows
 * (centred or indented text), keeps the table's padding.
 */
function columnPadding(table: PageTable, tablePad: number | undefined): Map<number, number> {
  const byCol = new Map<number, number[]>();
  const fontSizes = new Map<number, number>();
  for (const cell of table.cells) {
    if (cell.colSpan !== 1) continue;
    const list = byCol.get(cell.col) ?? [];
    for (const g of cell.geometry ?? []) {
      if (!g) continue;
      list.push(g.x0 - cell.box.x0);
      fontSizes.set(cell.col, Math.max(fontSizes.get(cell.col) ?? 0, g.fontSize));
    }
    byCol.set(cell.col, list);
  }
  const out = new Map<number, number>();
  if (tablePad === undefined) return out;
  for (const [col, insets] of byCol) {
    if (insets.length < 3) continue;
    const pad = sharedInset(insets);
    // Pixel snapping moves text by a small share of an em; centred or indented text sits further in.
    if (pad !== undefined && pad <= tablePad + 0.1 * (fontSizes.get(col) ?? 0)) out.set(col, pad);
  }
  return out;
}

function sharedInset(insets: number[]): number | undefined {
  if (insets.length === 0) return undefined;
  insets.sort((x, y) => x - y);
  const need = Math.max(2, Math.ceil(insets.length / 10));
  for (let i = 0; i + need <= insets.length; i++) {
    const from = insets[i] ?? 0;
    let j = i;
    while (j < insets.length && (insets[j] ?? 0) <= from + 0.5) j++;
    if (j - i >= need) return Math.max(0, insets[Math.floor((i + j - 1) / 2)] ?? from);
  }
  return Math.max(0, insets[0] ?? 0);
}

interface Para {
  lines: TextLine[];
}

function isBoldLine(l: TextLine): boolean {
  return l.chunks.every((c) => c.bold);
}

function lineString(l: TextLine): string {
  return l.chunks.map((c) => c.text).join(' ');
}

/**
 * Running text of a page as paragraphs and lists. Lines join a paragraph while the spacing stays
 * that of one paragraph and the style (size, weight) does not change; a bullet starts a list item.
 * Bold or larger, centred lines (titles) keep their forced line breaks in `lines`.
 */
export function textBlocks(
  lines: readonly TextLine[],
  page: number,
  frame: { width: number; left: number; right: number },
  bodySize: number,
  words: WordEvidence,
): { box: Box; block: Block }[] {
  const pageWidth = frame.width;
  const paras: Para[] = [];
  // The right edge of running text: a line ending well before it closes its paragraph.
  const { left, right } = frame;
  // The column edges depend only on the line's x0 and size, which most lines of a column share.
  const columnEdges = new Map<string, { colLeft: number; colRight: number }>();
  for (const line of lines) {
    const cur = paras[paras.length - 1];
    const prev = cur?.lines[cur.lines.length - 1];
    if (cur && prev) {
      const gap = line.top - prev.bottom;
      const sameStyle = isBoldLine(line) === isBoldLine(prev) && Math.abs(line.fontSize - prev.fontSize) < 1;
      const newItem = BULLET.test(lineString(line));
      // Only a left-aligned line can end short; centred title lines are all short. The edges are
      // those of the text column the line sits in (lines starting near it), not of the page.
      const key = `${prev.x0} ${prev.fontSize}`;
      let edges = columnEdges.get(key);
      if (!edges) {
        const mates = lines.filter((l) => Math.abs(l.x0 - prev.x0) < 3 * prev.fontSize);
        const colLeft = Math.max(left, Math.min(...mates.map((l) => l.x0)));
        // A high percentile, not the maximum: a title or wide line starting at the same x does not
        // make every line of a narrow column look short.
        const ends = mates.map((l) => l.x1).sort((a, b) => a - b);
        edges = { colLeft, colRight: Math.min(right, ends[Math.floor(0.8 * (ends.length - 1))] ?? right) };
        columnEdges.set(key, edges);
      }
      const { colLeft, colRight } = edges;
      const colWidth = colRight - colLeft;
      const prevShort = prev.x0 < colLeft + 0.05 * colWidth && prev.x1 < colRight - 0.12 * colWidth;
      // Going back up the page means the next text column: a new paragraph.
      const below = line.top >= prev.top - 1;
      if (below && gap < 0.6 * Math.max(line.fontSize, prev.fontSize) && sameStyle && !newItem && !prevShort) {
        cur.lines.push(line);
        continue;
      }
    }
    paras.push({ lines: [line] });
  }
  const out: { box: Box; block: Block }[] = [];
  for (const p of paras) {
    const first = p.lines[0];
    if (!first) continue;
    const texts = p.lines.map(lineString);
    const first0 = texts[0] ?? '';
    if (BULLET.test(first0)) {
      const item = joinLines(texts, words).replace(BULLET, '');
      const last = out[out.length - 1];
      if (last && last.block.kind === 'list' && !last.block.ordered) last.block.items.push(item);
      else out.push({ box: first, block: withOcrConfidence({ kind: 'list', ordered: false, items: [item], position: { page } }, p.lines) });
      continue;
    }
    const bold = p.lines.every(isBoldLine);
    const large = p.lines.every((l) => l.fontSize >= bodySize * 1.3);
    const centred = p.lines.every((l) => Math.abs((l.x0 + l.x1) / 2 - pageWidth / 2) < pageWidth * 0.08);
    const text = joinLines(texts, words);
    if ((bold || large) && (centred || p.lines.length <= 3)) {
      const block: Block = { kind: 'paragraph', text, bold: true, position: { page } };
      if (p.lines.length > 1) block.lines = texts;
      out.push({ box: first, block: withOcrConfidence(block, p.lines) });
    } else {
      out.push({ box: first, block: withOcrConfidence({ kind: 'paragraph', text, position: { page } }, p.lines) });
    }
  }
  return out;
}
