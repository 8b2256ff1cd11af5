import type { Block } from '../model/doc-tree.ts';
import type { IndicatorValues, Quantity } from '../model/report.ts';
import type { ColumnRole } from '../model/table.ts';
import type { LogicalTable } from '../tables/index.ts';
import { cellText, type WorkCell } from '../tables/work-table.ts';
import { readQuantities, type QuantityReading } from './quantity-reader.ts';

/** Columns whose numbers are not quantities: item numbers, dates, scores, goal titles. */
const NOT_QUANTITY_ROLES: ReadonlySet<ColumnRole> = new Set(['number', 'period', 'start', 'end', 'score', 'goal']);
const PLANNED: ReadonlySet<ColumnRole> = new Set(['target', 'expected', 'baseline']);
const ACHIEVED: ReadonlySet<ColumnRole> = new Set(['actual', 'narrative']);

interface CellReadings {
  col: number;
  role: ColumnRole;
  readings: QuantityReading[];
}

export interface RowQuantities {
  quantities: Quantity[];
  /** Per-cell readings, for the indicator values. */
  cells: CellReadings[];
}

function toQuantity(r: QuantityReading, place: Quantity['place']): Quantity {
  const q: Quantity = { value: r.value, unit: r.unit, text: r.text, unit_form: r.unit_form, implied: r.implied, span: r.span, place };
  if (r.label !== undefined) q.label = r.label;
  return q;
}

/**
 * The quantities of one logical row, cell by cell, each with its place. A cell merged over several
 * rows is read once, for the first of them; a figure of the same unit already read from another
 * column of the row is not counted again (reports repeat a sentence across columns), unless one
 * column plans it and the other reports it (target vs actual: two different facts).
 */
export function rowQuantities(table: LogicalTable, rowIndex: number, documentLanguage: string): RowQuantities {
  const row = table.rows[rowIndex];
  if (!row) return { quantities: [], cells: [] };
  const { roles } = table.model;
  const gridRow = table.model.headerRows.length + rowIndex;
  const languageAt = new Map(table.output.cells.map((c) => [`${c.row},${c.col}`, c.language]));
  const seen = new Map<string, ColumnRole>();
  const quantities: Quantity[] = [];
  const cells: CellReadings[] = [];
  row.cells.forEach((cell: WorkCell, col) => {
    const role = roles[col] ?? 'unknown';
    if (NOT_QUANTITY_ROLES.has(role) || row.cells.indexOf(cell) !== col) return;
    if (rowIndex > 0 && table.rows[rowIndex - 1]?.cells[col] === cell) return;
    const text = cellText(cell);
    if (!/\d/u.test(text)) return;
    const cellLanguage = languageAt.get(`${gridRow},${col}`);
    const language = cellLanguage && cellLanguage !== 'und' ? cellLanguage : documentLanguage;
    const readings = readQuantities(text, { language });
    cells.push({ col, role, readings });
    const here = new Set<string>();
    for (const r of readings) {
      const key = `${r.value}\u0001${r.unit}`;
      const earlier = seen.get(key);
      if (earlier !== undefined && !here.has(key) && !((PLANNED.has(earlier) && ACHIEVED.has(role)) || (ACHIEVED.has(earlier) && PLANNED.has(role)))) continue;
      here.add(key);
      if (earlier === undefined) seen.set(key, role);
      quantities.push(toQuantity(r, { kind: 'cell', table: table.index, row: gridRow, col }));
    }
  });
  return { quantities, cells };
}

/**
 * A planned and an achieved figure of one unit in the same row: one quantity of the unit among the
 * planned cells (target, or an expected result) and one among the achieved ones (actual, or the
 * implementation narrative). Ambiguous rows (two figures of the unit on a side) give nothing.
 */
export function indicatorValues(cells: readonly CellReadings[], planned: ReadonlySet<ColumnRole>, achieved: ReadonlySet<ColumnRole>): IndicatorValues | null {
  const side = (roles: ReadonlySet<ColumnRole>): QuantityReading[] => cells.filter((c) => roles.has(c.role)).flatMap((c) => c.readings);
  const target = side(planned);
  const actual = side(achieved);
  const baseline = side(new Set<ColumnRole>(['baseline']));
  for (const t of target) {
    const sameT = target.filter((x) => x.unit === t.unit);
    const sameA = actual.filter((x) => x.unit === t.unit);
    if (sameT.length !== 1 || sameA.length !== 1) continue;
    const sameB = baseline.filter((x) => x.unit === t.unit);
    return { unit: t.unit, baseline: sameB.length === 1 ? (sameB[0] as QuantityReading).value : null, target: t.value, actual: (sameA[0] as QuantityReading).value };
  }
  return null;
}

export { PLANNED, ACHIEVED };

/** Quantities in prose blocks (paragraphs and lists outside tables), placed by block index. */
export function narrativeQuantities(blocks: readonly Block[], documentLanguage: string): Quantity[] {
  const out: Quantity[] = [];
  blocks.forEach((block, index) => {
    if (block.kind !== 'paragraph' && block.kind !== 'list') return;
    const text = block.kind === 'paragraph' ? block.text : block.items.join('\n');
    if (!/\d/u.test(text)) return;
    const language = block.language && block.language !== 'und' ? block.language : documentLanguage;
    for (const r of readQuantities(text, { language })) out.push(toQuantity(r, { kind: 'narrative', block: index }));
  });
  return out;
}
