import { describe, expect, it } from 'vitest';
import { columnTextFrames, fullestLineShift, RightInsets, StreamColumns } from '../../src/parse/pdf/cell-frames.ts';
import type { LineGeometry } from '../../src/parse/pdf/line-geometry.ts';
import type { GridCell, PageTable } from '../../src/parse/pdf/table-grid.ts';

/** A one-column ruled table whose cells span x 100–170 and whose lines end at `ends`; glyphs 5 pt. */
function table(ends: number[][]): PageTable {
  const cells: GridCell[] = ends.map((row, r) => ({
    row: r,
    col: 0,
    rowSpan: 1,
    colSpan: 1,
    lines: row.map(() => 'x'),
    bold: false,
    box: { x0: 100, x1: 170, top: 20 * r, bottom: 20 * r + 20 },
    geometry: row.map((x1, i): LineGeometry => ({
      x0: 105,
      x1,
      top: 20 * r + 12 * i,
      bottom: 20 * r + 12 * i + 10,
      baseline: 20 * r + 12 * i + 8,
      fontSize: 10,
      headWidth: 20,
      tailWidth: 20,
      firstGlyphWidth: 5,
      glyphWidth: 5,
      oneWord: true,
    })),
  }));
  return { mode: 'lattice', box: { x0: 100, x1: 170, top: 0, bottom: 20 * ends.length }, rows: ends.length, cols: 1, cells, rowBands: [], colEdges: [100, 170] };
}

describe("a ruled column's right edge", () => {
  // The left inset (5 pt) mirrored puts the edge at 165.
  const edge = (): number => 165;

  it('moves to the fullest line where that lies within the frame slack of the padding estimate', () => {
    expect(fullestLineShift(table([[150, 164.4], [160]]), edge, 0.2).get(0)).toBeCloseTo(0.6);
  });

  it('moves out to the fullest line where lines reach past the estimate but stay inside the rule (a left-only indent read as padding)', () => {
    expect(fullestLineShift(table([[150, 168.5], [160]]), edge, 0.2).get(0)).toBeCloseTo(-3.5);
  });

  it('stays where the fullest line runs past the rule: a word too wide for its cell', () => {
    expect(fullestLineShift(table([[150, 172], [160]]), edge, 0.2).has(0)).toBe(false);
  });

  it('takes the fullest line of the column on any page: another page of the table filled it further', () => {
    // This page's lines end at 164 at most (1 pt short of the estimate 165: moved in to 164); the
    // page after it, its rules a third of a point further right, has a line 4.4 pt short of its
    // rule, which here is 165.6: the edge moves out to that.
    const here = table([[150, 164], [160]]);
    const overleaf = table([[150, 165.93], [158]]);
    overleaf.cells.forEach((c) => (c.box = { ...c.box, x0: c.box.x0 + 0.33, x1: c.box.x1 + 0.33 }));
    const insets = RightInsets.of([here, overleaf]);
    expect(insets.of({ x0: 100, x1: 170 })).toBeCloseTo(4.4);
    expect(fullestLineShift(here, edge, 0.2).get(0)).toBeCloseTo(1);
    expect(fullestLineShift(here, edge, 0.2, insets).get(0)).toBeCloseTo(-0.6);
    // Another column's rules are another column.
    expect(insets.of({ x0: 100, x1: 180 })).toBeUndefined();
  });

  it('stays where no line comes within the slack (an indent or a column that never fills)', () => {
    expect(fullestLineShift(table([[150, 158], [160]]), edge, 0.2).has(0)).toBe(false);
  });
});

/** A borderless table of columns whose text starts at `lefts`, with one cell per column whose lines end at `ends[col]`; glyphs 5 pt. */
function streamTable(lefts: number[], ends: number[][]): PageTable {
  const cells: GridCell[] = lefts.map((x0, col) => ({
    row: 0,
    col,
    rowSpan: 1,
    colSpan: 1,
    lines: (ends[col] ?? []).map(() => 'x'),
    bold: false,
    box: { x0, x1: (lefts[col + 1] ?? x0 + 60) - 1, top: 0, bottom: 40 },
    geometry: (ends[col] ?? []).map((x1, i): LineGeometry => ({ x0, x1, top: 12 * i, bottom: 12 * i + 10, baseline: 12 * i + 8, fontSize: 10, headWidth: 20, tailWidth: 20, firstGlyphWidth: 5, glyphWidth: 5, oneWord: true })),
  }));
  return { mode: 'stream', box: { x0: lefts[0] ?? 0, x1: (lefts.at(-1) ?? 0) + 60, top: 0, bottom: 40 }, rows: 1, cols: lefts.length, cells, rowBands: [], colEdges: [] };
}

describe("a borderless column's wrap edge", () => {
  const cell = (t: PageTable, col: number): GridCell => t.cells.find((c) => c.col === col) as GridCell;

  it("lies the table's narrowest column gap before the next column's text", () => {
    // Column 1 meets column 2 8 pt apart: column 0, 20 pt short of column 1, wraps 8 pt before it.
    const t = streamTable([100, 170, 240], [[140, 150], [232], [280]]);
    expect(columnTextFrames(t)(cell(t, 0))).toEqual({ left: 100, right: 162 });
  });

  it("takes the narrowest gap and the longest line over every page showing the same columns", () => {
    // On this page no column comes nearer its neighbour than 14 pt; overleaf (columns a tenth of a
    // point to the right) column 0 comes within 6 pt of column 1 and column 1 reaches 64 pt past its start.
    const here = streamTable([100, 170, 240], [[140, 150], [226], [280]]);
    const overleaf = streamTable([100.1, 170.1, 240.1], [[164.1], [234.1], [280]]);
    const document = StreamColumns.of([here, overleaf]);
    expect(columnTextFrames(here)(cell(here, 0))?.right).toBeCloseTo(156);
    expect(columnTextFrames(here, document)(cell(here, 0))?.right).toBeCloseTo(164);
    expect(columnTextFrames(here, document)(cell(here, 1))?.right).toBeCloseTo(234);
    // A table with other columns shares nothing.
    const other = streamTable([100, 200, 260], [[150], [250], [300]]);
    expect(columnTextFrames(other, document)(cell(other, 0))?.right).toBeCloseTo(190);
    expect(columnTextFrames(other, document)(cell(other, 0))).toEqual(columnTextFrames(other)(cell(other, 0)));
  });
});
