import type { GridCell, PageTable } from './table-grid.ts';
import type { TextLine } from './text-lines.ts';

/**
 * Chart axes read like table rows or columns: "0% 10% 20% 30%" under a bar chart, "450 400 350
 * 300" beside a line chart. An axis is a row or column whose figures are all tick labels: at least
 * four, values stepping by a constant and positions by a constant too (a sorted column of data
 * may step evenly for a while, never all the way). Steps of 1 (row numbers) and years (column heads
 * such as 2004 2005 2006) are left alone: tables have those.
 */
const MIN_TICKS = 4;

function tickValue(text: string): number | undefined {
  const t = text.trim().replace(/%$/, '').replace(/\s/g, '').replace(',', '.');
  if (!/^[-−]?\d+(\.\d+)?$/.test(t)) return undefined;
  return Number(t.replace('−', '-'));
}

/** All the ticks, in position order, step by one constant value and one constant distance. */
function isAxis(ticks: readonly { value: number; at: number }[]): boolean {
  const [first, second] = ticks;
  if (!first || !second || ticks.length < MIN_TICKS) return false;
  const step = second.value - first.value;
  const gap = second.at - first.at;
  if (step === 0 || Math.abs(step) === 1 || Math.abs(gap) < 1) return false;
  if (ticks.every((t) => t.value >= 1900 && t.value <= 2100 && Number.isInteger(t.value))) return false;
  return ticks.every((t, k) => {
    const prev = ticks[k - 1];
    if (!prev) return true;
    return Math.abs(t.value - prev.value - step) < 1e-6 * Math.max(1, Math.abs(step)) && Math.abs(t.at - prev.at - gap) < 0.1 * Math.abs(gap) + 0.5;
  });
}

/** Whether some row or column of the table is a run of evenly spaced, evenly stepped ticks. */
export function hasChartAxis(table: PageTable): boolean {
  const numeric = table.cells
    .map((c) => ({ c, v: c.lines.length === 1 ? tickValue(c.lines[0] ?? '') : undefined }))
    .filter((x): x is { c: GridCell; v: number } => x.v !== undefined);
  const byRow = new Map<number, { value: number; at: number }[]>();
  const byCol = new Map<number, { value: number; at: number }[]>();
  for (const { c, v } of numeric) {
    const row = byRow.get(c.row) ?? [];
    row.push({ value: v, at: (c.box.x0 + c.box.x1) / 2 });
    byRow.set(c.row, row);
    const col = byCol.get(c.col) ?? [];
    col.push({ value: v, at: (c.box.top + c.box.bottom) / 2 });
    byCol.set(c.col, col);
  }
  for (const ticks of [...byRow.values(), ...byCol.values()]) {
    ticks.sort((a, b) => a.at - b.at);
    if (ticks.length >= MIN_TICKS && isAxis(ticks)) return true;
  }
  return false;
}

/**
 * Whether a text line is a horizontal axis: nothing but tick labels. Labels that share one text
 * run are placed by their share of its characters, which is exact enough for equal-width ticks.
 */
export function isAxisLine(line: TextLine): boolean {
  const ticks: { value: number; at: number }[] = [];
  for (const chunk of line.chunks) {
    for (const run of chunk.runs) {
      const tokens = run.text.trim().split(/\s+/);
      const total = tokens.reduce((n, t) => n + t.length + 1, 0);
      let offset = 0;
      for (const token of tokens) {
        const value = tickValue(token);
        if (value === undefined) return false;
        const mid = (offset + token.length / 2) / Math.max(1, total - 1);
        ticks.push({ value, at: run.x0 + (run.x1 - run.x0) * mid });
        offset += token.length + 1;
      }
    }
  }
  ticks.sort((a, b) => a.at - b.at);
  return isAxis(ticks);
}
