/**
 * Prints the tables of a PDF for eyeballing: by default one grid per table block as the parser
 * gives it; with `--stitch` the logical tables `src/tables/` makes of them (stitched over pages,
 * repeated headers dropped, continued rows joined).
 * usage: tsx bench/pdf/show-tables.ts FILE.pdf [--stitch] [--width N]
 */
import { readFileSync } from 'node:fs';
import type { TableBlock } from '../../src/model/doc-tree.ts';
import type { TableCell } from '../../src/model/table.ts';
import { parsePdf } from '../../src/parse/pdf/index.ts';
import { DEFAULT_LIMITS } from '../../src/sniff/limits.ts';
import { normalizeTables } from '../../src/tables/index.ts';

type ShownCell = Omit<TableCell, 'language'>;

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const width = Number(args[args.indexOf('--width') + 1] ?? 18) || 18;
if (!file) {
  console.error('usage: show-tables.ts FILE.pdf [--stitch] [--width N]');
  process.exit(2);
}
const res = await parsePdf({ bytes: new Uint8Array(readFileSync(file)), filename: file, limits: DEFAULT_LIMITS });
if (!res.ok) {
  console.log(`${res.error.code}: ${res.error.message}`);
  process.exit(1);
}
for (const f of res.doc.findings) console.log(`finding ${f.code}: ${f.message}`);

const blockGrid = (t: TableBlock): { pages: number[]; cells: ShownCell[] } => ({
  pages: [...new Set(t.rows.map((r) => r.page).filter((p) => p !== undefined))],
  cells: t.rows.flatMap((row, r) =>
    row.cells.map((c) => ({ row: r, col: c.col ?? 0, rowSpan: c.rowSpan, colSpan: c.colSpan, text: c.text, header: c.header === true })),
  ),
});
const grids = args.includes('--stitch')
  ? normalizeTables(res.doc, { language: () => 'und' }).tables.map((t) => t.output)
  : res.doc.blocks.filter((b): b is TableBlock => b.kind === 'table').map(blockGrid);

grids.forEach((g, i) => {
  const rows = Math.max(0, ...g.cells.map((c) => c.row + c.rowSpan));
  const cols = Math.max(0, ...g.cells.map((c) => c.col + c.colSpan));
  console.log(`\n--- table ${i}: pages ${g.pages.join(',')}, ${rows} x ${cols}`);
  const grid = Array.from({ length: rows }, () => Array<string>(cols).fill(''));
  for (const c of g.cells) {
    const span = c.rowSpan > 1 || c.colSpan > 1 ? `[${c.rowSpan}x${c.colSpan}]` : '';
    const row = grid[c.row];
    if (row) row[c.col] = `${c.header ? '*' : ''}${span}${c.text.replace(/\n/g, ' / ')}`;
  }
  for (const r of grid) console.log(r.map((s) => s.slice(0, width).padEnd(width)).join(' | '));
});
