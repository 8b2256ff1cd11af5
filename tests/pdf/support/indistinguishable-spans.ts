import type { DocTree } from '../../../src/model/doc-tree.ts';

/**
 * Cells spanning columns that a borderless print cannot show as spanning. Without rules, a cell
 * over two columns whose text lies within its first column («Мод тарьж, цэцэрлэгжүүлэх эх» over
 * the baseline and target columns) prints exactly as that text in a cell of the first column with
 * an empty cell beside it: no reader of the PDF can tell which the source had. The probe proves it
 * in the browser that prints, as the join probe does for line breaks (indistinguishable-joins.ts):
 * it lays the table out once more with the cell narrowed to its first column and empty cells after
 * it, and keeps the cell where every box of its text stays where it was (to a tenth of a pixel). A cell whose text runs
 * into the next column, wraps differently, or whose table lays out differently (auto layout sizes
 * columns to their content) prints differently, and is judged as read.
 */
export interface IndistinguishableSpan {
  /** The cell's text, white space collapsed. */
  text: string;
  /** Its column span in the source. */
  colSpan: number;
}

/**
 * A script for `page.evaluate`, run in print media after the variant's DOM tweaks, that lays the
 * document out at the width of the printed page's text area and returns the spanning cells whose
 * print is the same narrowed to their first column (`IndistinguishableSpan`).
 */
export function spanProbeScript(textWidthPx: number): string {
  return `(() => {
    const root = document.documentElement;
    const width = root.style.width;
    root.style.width = '${textWidthPx.toFixed(2)}px';
    // The boxes of the cell's text, not of its elements (a paragraph is as wide as the cell).
    const boxes = (cell) => {
      const out = [];
      const range = document.createRange();
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        range.selectNodeContents(node);
        for (const b of range.getClientRects()) out.push([b.left, b.top, b.right, b.bottom]);
      }
      return out;
    };
    const found = [];
    for (const cell of document.querySelectorAll('th, td')) {
      const text = cell.textContent.replace(/\\s+/g, ' ').trim();
      if (cell.colSpan < 2 || text === '') continue;
      const span = cell.colSpan;
      const before = boxes(cell);
      cell.colSpan = 1;
      const fillers = [];
      for (let k = 1; k < span; k++) {
        const filler = document.createElement(cell.tagName);
        cell.after(filler);
        fillers.push(filler);
      }
      const after = boxes(cell);
      for (const f of fillers) f.remove();
      cell.colSpan = span;
      // Laying the columns out again rounds their widths anew: text may move by hundredths of a
      // pixel, far under anything a print shows.
      const same = before.length === after.length && before.every((b, i) => b.every((v, j) => Math.abs(v - after[i][j]) < 0.1));
      if (same) found.push({ text, colSpan: span });
    }
    root.style.width = width;
    return found;
  })()`;
}

/**
 * Settles the indistinguishable spans of a borderless print as the source had them: a cell with
 * one of their texts whose row has nothing in the columns the source's cell spanned gets the
 * source's span, and the empty cells there go. Applied through `StageInput.revise` with the join
 * settling, so that only differences a reader of the print could avoid remain.
 */
export function settleSpans(spans: readonly IndistinguishableSpan[]): (doc: DocTree) => void {
  const norm = (s: string): string => s.replace(/\s+/gu, ' ').trim();
  return (doc) => {
    for (const block of doc.blocks) {
      if (block.kind !== 'table') continue;
      block.rows.forEach((row, r) => {
        // Columns of this row taken by cells from rows above (row spans).
        const fromAbove = block.rows.slice(0, r).flatMap((above, k) => above.cells.filter((c) => k + c.rowSpan > r));
        for (const cell of [...row.cells]) {
          const span = spans.find((s) => s.text === norm(cell.text));
          if (!span || cell.colSpan !== 1 || cell.col === undefined) continue;
          const from = cell.col + 1;
          const to = cell.col + span.colSpan;
          const inside = (c: (typeof row.cells)[number]): boolean => c.col !== undefined && c.col < to && c.col + c.colSpan > from;
          // A reader of the print sees the columns the span covers empty: no text, no cell reaching in.
          const covered = row.cells.filter((c) => c !== cell && inside(c));
          if (covered.some((c) => norm(c.text) !== '' || c.col === undefined || c.col < from || c.col + c.colSpan > to) || fromAbove.some(inside)) continue;
          cell.colSpan = span.colSpan;
          row.cells = row.cells.filter((c) => !covered.includes(c));
        }
      });
    }
  };
}
