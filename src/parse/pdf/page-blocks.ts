import type { Block, DocCell, DocRow, TableBlock } from '../../model/doc-tree.ts';
import type { TextLine } from './text-lines.ts';
import type { PageTable } from './table-grid.ts';
import { joinLines, type WordEvidence } from './cell-text.ts';
import { cellParagraphs } from './cell-paragraphs.ts';

const BULLET = /^[•▪●■➢❖✓□]\s*/u;

/** A table as the DocTree carries it, one DocRow per grid row; covered grid positions are not emitted. */
export function tableBlock(table: PageTable, page: number, words: WordEvidence): TableBlock {
  const rows: DocRow[] = Array.from({ length: table.rows }, (_, r) => ({ cells: [], page, position: { page, row: r } }));
  for (const cell of [...table.cells].sort((a, b) => a.row - b.row || a.col - b.col)) {
    const paragraphs = cellParagraphs(cell.lines, words);
    const doc: DocCell = {
      text: paragraphs.join('\n'),
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
): { top: number; block: Block }[] {
  const pageWidth = frame.width;
  const paras: Para[] = [];
  // The right edge of running text: a line ending well before it closes its paragraph.
  const { left, right } = frame;
  for (const line of lines) {
    const cur = paras[paras.length - 1];
    const prev = cur?.lines[cur.lines.length - 1];
    if (cur && prev) {
      const gap = line.top - prev.bottom;
      const sameStyle = isBoldLine(line) === isBoldLine(prev) && Math.abs(line.fontSize - prev.fontSize) < 1;
      const newItem = BULLET.test(lineString(line));
      // Only a left-aligned line can end short; centred title lines are all short.
      const prevShort = prev.x0 < left + 0.05 * (right - left) && prev.x1 < right - 0.12 * (right - left);
      if (gap < 0.6 * Math.max(line.fontSize, prev.fontSize) && sameStyle && !newItem && !prevShort) {
        cur.lines.push(line);
        continue;
      }
    }
    paras.push({ lines: [line] });
  }
  const out: { top: number; block: Block }[] = [];
  for (const p of paras) {
    const first = p.lines[0];
    if (!first) continue;
    const texts = p.lines.map(lineString);
    const first0 = texts[0] ?? '';
    if (BULLET.test(first0)) {
      const item = joinLines(texts, words).replace(BULLET, '');
      const last = out[out.length - 1];
      if (last && last.block.kind === 'list' && !last.block.ordered) last.block.items.push(item);
      else out.push({ top: first.top, block: { kind: 'list', ordered: false, items: [item], position: { page } } });
      continue;
    }
    const bold = p.lines.every(isBoldLine);
    const large = p.lines.every((l) => l.fontSize >= bodySize * 1.3);
    const centred = p.lines.every((l) => Math.abs((l.x0 + l.x1) / 2 - pageWidth / 2) < pageWidth * 0.08);
    const text = joinLines(texts, words);
    if ((bold || large) && (centred || p.lines.length <= 3)) {
      const block: Block = { kind: 'paragraph', text, bold: true, position: { page } };
      if (p.lines.length > 1) block.lines = texts;
      out.push({ top: first.top, block });
    } else {
      out.push({ top: first.top, block: { kind: 'paragraph', text, position: { page } } });
    }
  }
  return out;
}
