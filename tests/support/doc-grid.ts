import type { Block, TableBlock } from '../../src/model/doc-tree.ts';
import type { GridCell } from './html-grid.ts';

export function tablesOf(blocks: readonly Block[]): TableBlock[] {
  return blocks.filter((b): b is TableBlock => b.kind === 'table');
}

/** A parser's table block on the grid shape of `html-grid.ts` (the block knows each cell's grid column). */
export function docTableGrid(table: TableBlock): GridCell[] {
  return table.rows.flatMap((row, r) =>
    row.cells.map((c) => ({ row: r, col: c.col ?? -1, rowSpan: c.rowSpan, colSpan: c.colSpan, text: c.text, header: c.header === true })),
  );
}
