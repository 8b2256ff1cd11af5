import type { Block, TableBlock } from '../model/doc-tree.ts';
import type { TextRun } from '../parse/pdf/page-content.ts';
import type { PageTable } from '../parse/pdf/table-grid.ts';
import type { TextLine } from '../parse/pdf/text-lines.ts';

/** Mean OCR confidence of runs, weighted by their letters; undefined when none was read by OCR. */
export function runsConfidence(runs: readonly TextRun[]): number | undefined {
  let sum = 0;
  let weight = 0;
  for (const r of runs) {
    if (r.ocrConfidence === undefined) continue;
    const w = Math.max(1, r.text.length);
    sum += r.ocrConfidence * w;
    weight += w;
  }
  return weight > 0 ? Math.round((sum / weight) * 1000) / 1000 : undefined;
}

/** A text block built from OCR'd lines carries their confidence. */
export function withOcrConfidence<B extends Block>(block: B, lines: readonly TextLine[]): B {
  const confidence = runsConfidence(lines.flatMap((l) => l.chunks.flatMap((c) => c.runs)));
  if (confidence !== undefined) block.ocr = { confidence };
  return block;
}

/**
 * Cells of a table found on an OCR'd page get the confidence of the words inside them (a word
 * belongs to the cell holding its centre, as the lattice finder places runs); the block gets that
 * of all its words.
 */
export function markTableConfidence(block: TableBlock, table: PageTable, runs: readonly TextRun[]): void {
  const read = runs.filter((r) => r.ocrConfidence !== undefined);
  if (read.length === 0) return;
  const inside = (r: TextRun, box: PageTable['box']): boolean => {
    const cx = (r.x0 + r.x1) / 2;
    const cy = (r.top + r.bottom) / 2;
    return cx >= box.x0 && cx <= box.x1 && cy >= box.top && cy <= box.bottom;
  };
  const all = runsConfidence(read.filter((r) => inside(r, table.box)));
  if (all !== undefined) block.ocr = { confidence: all };
  for (const row of block.rows) {
    for (const cell of row.cells) {
      const grid = table.cells.find((g) => g.row === cell.position.row && g.col === cell.position.col);
      if (!grid || cell.text === '') continue;
      const confidence = runsConfidence(read.filter((r) => inside(r, grid.box)));
      if (confidence !== undefined) cell.ocr = { confidence };
    }
  }
}
