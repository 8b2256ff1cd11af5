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

type Side = 'planned' | 'achieved' | 'other';

function sideOf(role: ColumnRole): Side {
  return PLANNED.has(role) ? 'planned' : ACHIEVED.has(role) ? 'achieved' : 'other';
}

/** A figure already read elsewhere in the row is read again only as the other side of plan vs fact. */
function secondSideOfOneFigure(earlier: ReadonlySet<Side>, side: Side): boolean {
  return earlier.size === 1 && ((earlier.has('planned') && side === 'achieved') || (earlier.has('achieved') && side === 'planned'));
}

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
  const seen = new Map<string, Set<Side>>();
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
    const side = sideOf(role);
    const here = new Set<string>();
    for (const r of readings) {
      const key = `${r.value}\u0001${r.unit}`;
      const earlier = seen.get(key);
      if (earlier && !here.has(key) && !secondSideOfOneFigure(earlier, side)) continue;
      here.add(key);
      if (earlier) earlier.add(side);
      else seen.set(key, new Set([side]));
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
    // One value per side (a sentence repeated across columns counts once).
    const values = (rs: readonly QuantityReading[]): number[] => [...new Set(rs.filter((x) => x.unit === t.unit).map((x) => x.value))];
    const [vt, va, vb] = [values(target), values(actual), values(baseline)];
    if (vt.length !== 1 || va.length !== 1) continue;
    return { unit: t.unit, baseline: vb.length === 1 ? (vb[0] as number) : null, target: t.value, actual: va[0] as number };
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
