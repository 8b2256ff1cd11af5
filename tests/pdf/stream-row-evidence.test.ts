import { describe, expect, it } from 'vitest';
import type { TextRun } from '../../src/parse/pdf/page-content.ts';
import { buildLines } from '../../src/parse/pdf/text-lines.ts';
import { streamTable } from '../../src/parse/pdf/stream-table.ts';

/**
 * Pages of one borderless table with padded cells: a page with too few row starts to measure its
 * row gap (one tall row under the repeated header) reads its rows with the gap and paragraph step
 * the table measured on another page. Synthetic words, 0.5 em a letter, 10 pt type, pitch 12.
 */
const FS = 10;
function run(text: string, x0: number, baseline: number): TextRun {
  return { text, x0, x1: x0 + text.length * 0.5 * FS, top: baseline - 0.8 * FS, bottom: baseline + 0.2 * FS, baseline, fontSize: FS, fontName: 'F', bold: false };
}
function cell(x: number, baseline: number, lines: string[], pitch = 12): TextRun[] {
  return lines.map((t, i) => run(t, x, baseline + i * pitch));
}
const header = (y: number): TextRun[] => [run('Name', 32, y), run('Value', 100, y), run('Note', 170, y)];

// Rows are 20 pt apart (pitch 12 plus 8 pt of padding); a paragraph inside a cell is 16 pt below
// the last line of the one before it.
const measured = [
  ...header(100),
  ...cell(32, 120, ['alpha', 'beta']),
  ...cell(100, 120, ['one']),
  ...cell(170, 120, ['first', 'note', 'text']),
  ...cell(170, 160, ['more', 'note']),
  ...cell(32, 192, ['gamma']),
  ...cell(100, 192, ['two', 'three']),
  ...cell(170, 192, ['second']),
  ...cell(32, 224, ['delta']),
  ...cell(100, 224, ['four']),
  ...cell(170, 224, ['third', 'note']),
  ...cell(170, 264, ['last', 'words']),
];
// The next page: the header, then one row whose note runs on alone, with two paragraph breaks.
const tallRow = [
  ...header(100),
  ...cell(32, 120, ['omega']),
  ...cell(100, 120, ['five']),
  ...cell(170, 120, ['long', 'note', 'goes', 'on']),
  ...cell(170, 184, ['after', 'a', 'break']),
  ...cell(170, 236, ['and', 'another']),
];

describe('row gaps borrowed from the table on another page', () => {
  const first = streamTable(buildLines(measured));

  it('measures the row gap where several rows start', () => {
    expect(first?.table.rows).toBe(4);
    expect(first?.rowGap).toBeDefined();
    expect(first?.rowGap?.usualRowStep).toBeCloseTo(20, 0);
  });

  it('marks a page with one row under its header as unmeasured', () => {
    const alone = streamTable(buildLines(tallRow));
    expect(alone?.unmeasured).toBe(true);
    expect(alone?.rowGap).toBeUndefined();
  });

  it('reads that page with the other page’s gap: the running note is one cell, its paragraph breaks inside it', () => {
    const rowGap = first?.rowGap;
    expect(rowGap).toBeDefined();
    const t = streamTable(buildLines(tallRow), rowGap ? { rowGaps: [rowGap] } : {})?.table;
    expect(t?.rows).toBe(2);
    const note = t?.cells.find((c) => c.row === 1 && c.col === 2);
    expect(note?.lines.join(' ')).toBe('long note goes on after a break and another');
  });

  it('does not borrow from a table of other columns', () => {
    const rowGap = first?.rowGap;
    expect(rowGap).toBeDefined();
    const elsewhere = rowGap ? { ...rowGap, edges: rowGap.edges.map((x, i) => (i === 1 ? x + 40 : x)) } : undefined;
    const t = streamTable(buildLines(tallRow), elsewhere ? { rowGaps: [elsewhere] } : {});
    expect(t?.unmeasured).toBe(true);
  });
});
