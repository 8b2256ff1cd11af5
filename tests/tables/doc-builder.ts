import type { Block, DocCell, DocRow, DocTree } from '../../src/model/doc-tree.ts';

/** Tiny DocTree builder: `table([['a','b'],['c','d']], { header: 1 })`. Cells may carry spans: `{ t, rs, cs }`. */
export type CellSpec = string | { t: string; rs?: number; cs?: number; bold?: boolean };

export function cell(spec: CellSpec): DocCell {
  const s = typeof spec === 'string' ? { t: spec } : spec;
  const c: DocCell = { text: s.t, paragraphs: s.t ? [s.t] : [], rowSpan: s.rs ?? 1, colSpan: s.cs ?? 1, position: {} };
  if (s.bold) c.bold = true;
  return c;
}

export function table(rows: CellSpec[][], opts: { header?: number; breaks?: number[]; continuesPrevious?: boolean } = {}): Block {
  const docRows: DocRow[] = rows.map((r, i) => {
    const row: DocRow = { cells: r.map(cell), position: { row: i } };
    if (i < (opts.header ?? 0)) row.header = true;
    if (opts.breaks?.includes(i)) row.pageBreakBefore = true;
    return row;
  });
  const block: Block = { kind: 'table', rows: docRows, position: {} };
  if (opts.continuesPrevious !== undefined) block.continuesPrevious = opts.continuesPrevious;
  return block;
}

export function doc(...blocks: Block[]): DocTree {
  return { format: 'html', metadata: {}, blocks, findings: [] };
}
