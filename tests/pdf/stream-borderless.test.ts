import { describe, expect, it } from 'vitest';
import type { TextRun } from '../../src/parse/pdf/page-content.ts';
import { cell, run } from './support/synthetic-runs.ts';
import { buildLines, makeChunk } from '../../src/parse/pdf/text-lines.ts';
import { alignedCorridors, columnEdges, placeLine, splitAtEdges } from '../../src/parse/pdf/stream-columns.ts';
import { gappedRowStarts, onOneGrid } from '../../src/parse/pdf/stream-rows.ts';
import { streamTable } from '../../src/parse/pdf/stream-table.ts';

/**
 * Geometry of borderless tables whose cells are padded (the layout fuzz's borderless variants),
 * on synthetic words: each run is one cell line, 0.5 em a letter, at a given left edge and baseline.
 */
describe('columns of cells padded less than a word space', () => {
  // Column one's text ends at most 3 pt before column two's shared left edge at x = 100.
  const runs: TextRun[] = [];
  for (let i = 0; i < 8; i++) {
    runs.push(run('left', 40, 100 + 12 * i, 57), run('right', 100, 100 + 12 * i));
  }
  const lines = buildLines(runs);

  it('finds the gap just left of an edge where many lines start text', () => {
    const found = alignedCorridors(lines);
    expect(found).toHaveLength(1);
    expect(found[0]!.to).toBeCloseTo(100, 0);
    expect(found[0]!.at).toBeGreaterThan(96);
    expect(found[0]!.at).toBeLessThan(100);
  });

  it('takes no column edge from an indent a few lines share (notes, definitions)', () => {
    const notes = buildLines([run('GDP:', 40, 100, 18), run('Gross domestic product.', 62, 100), run('(*)', 40, 112, 12), run('Forecast.', 62, 112), run('Source:', 40, 124, 20), run('Eurostat.', 62, 124)]);
    expect(alignedCorridors(notes)).toEqual([]);
  });

  it('keeps a phrase ending a hair past a column edge in its column', () => {
    const edges = [40, 100, 170];
    const spansOf = (x1: number): number[][] => placeLine(buildLines([run('Base level', 40, 100, x1 - 40), run('Target', 112, 100)])[0]!, edges).spans.map((s) => [s.c0, s.c1]);
    // 1.3 pt past the edge: a sub-heading a little wider than the corridor's middle.
    expect(spansOf(101.3)).toEqual([
      [0, 0],
      [1, 1],
    ]);
    // Well into the next column, the two phrases are one cell spanning both.
    expect(spansOf(106)).toEqual([[0, 1]]);
    // Alone on its line too (the column's widest line, beside columns whose cells have ended).
    const alone = (x1: number): number[][] => placeLine(buildLines([run('Base level', 40, 100, x1 - 40)])[0]!, edges).spans.map((s) => [s.c0, s.c1]);
    expect(alone(101.3)).toEqual([[0, 0]]);
    expect(alone(106)).toEqual([[0, 1]]);
  });

  it('cuts a phrase whose runs meet at a column edge into the two cells', () => {
    const chunk = makeChunk([run('left', 40, 100, 57), run('right', 100, 100)]);
    expect(chunk.text).toBe('left right');
    expect(splitAtEdges(chunk, [40, 98.5, 130]).map((c) => c.text)).toEqual(['left', 'right']);
    // Runs of one cell, with no edge between them, stay one phrase.
    expect(splitAtEdges(chunk, [40, 130])).toEqual([chunk]);
  });
});

describe('columns two paddings apart, under half an em', () => {
  // 12 pt text. Column one's widest line ends at 156, column two's text (centred, so no shared
  // left edge) starts at 160 at the earliest: a 4 pt strip no line touches, on lines whose own
  // gaps are all wider than the phrase gap.
  const ends = [156, 150, 148, 152, 146, 151, 149, 147, 153, 150];
  const starts = [163, 160, 164, 166, 161, 165, 162, 167, 168, 169];
  const lines = (spaceWidth?: number): ReturnType<typeof buildLines> =>
    buildLines(
      ends.flatMap((end, i) => {
        const b = 100 + 14 * i;
        const at = (text: string, x0: number, x1: number): TextRun => ({ ...run(text, x0, b, x1 - x0), fontSize: 12, top: b - 9.6, bottom: b + 2.4, ...(spaceWidth === undefined ? {} : { spaceWidth }) });
        return [at('left text', 40, end), at('10', starts[i] ?? 0, (starts[i] ?? 0) + 12)];
      }),
    );

  it('finds the strip as a column gap where the page draws word spaces narrower than it', () => {
    const edges = columnEdges(lines(3.6));
    expect(edges).toHaveLength(3);
    expect(edges[1]).toBeGreaterThan(156);
    expect(edges[1]).toBeLessThan(160);
  });

  it('wants the phrase gap where the page gives no word space to measure', () => {
    expect(columnEdges(lines())).toHaveLength(2);
  });
});

describe('rows of padded cells', () => {
  const edges = [30, 95, 165, 240];
  // Three rows at pitch 12, each row 20 pt (pitch + padding) below the previous row's last line.
  // Column 0 holds one cell spanning the first two rows: its text runs on at line spacing across
  // the second row's start.
  const table = [
    ...cell(32, 100, ['Goal text', 'runs on', 'beside both', 'measures', 'and ends', 'here']),
    ...cell(100, 100, ['First', 'measure']),
    ...cell(170, 100, ['Done']),
    ...cell(100, 144, ['Second', 'measure']),
    ...cell(170, 144, ['Pending', 'still']),
    ...cell(32, 180, ['Next goal']),
    ...cell(100, 180, ['Third']),
    ...cell(170, 180, ['Done', 'too']),
  ];
  const lines = buildLines(table);
  const placed = lines.map((l) => placeLine(l, edges));

  it('starts a row where several columns start text after a gap wider than the line pitch', () => {
    const found = gappedRowStarts(placed, 12);
    expect(found).toBeDefined();
    // The second row's first line also holds the goal's fifth line (baseline 148).
    const tops = [...(found?.starts ?? [])].map((i) => Math.min(...placed[i]!.spans.map((sp) => sp.chunks[0]!.runs[0]!.baseline))).sort((a, b) => a - b);
    expect(tops).toEqual([100, 144, 180]);
  });

  it('reads the running column as one cell spanning the rows it runs into', () => {
    const t = streamTable(lines)?.table;
    expect(t?.cols).toBe(3);
    expect(t?.rows).toBe(3);
    const goal = t?.cells.find((c) => c.col === 0 && c.row === 0);
    expect(goal?.rowSpan).toBe(2);
    expect(goal?.lines).toHaveLength(6);
    expect(t?.cells.filter((c) => c.row === 1).map((c) => c.lines.join(' '))).toEqual(['Second measure', 'Pending still']);
    expect(t?.cells.filter((c) => c.row === 2).map((c) => c.lines.join(' '))).toEqual(['Next goal', 'Third', 'Done too']);
  });

  it('keeps a paragraph break inside one cell in its row when such breaks recur beside running text', () => {
    // Paragraph steps (15 pt) recur while other columns run on; rows are 22 pt apart.
    const runs = [
      ...cell(32, 100, ['a1', 'a2', 'a3', 'a4', 'a5', 'a6']),
      ...cell(100, 100, ['b1', 'b2']),
      ...cell(100, 127, ['b3', 'b4']),
      ...cell(170, 100, ['c1']),
      ...cell(170, 115, ['c2', 'c3']),
      ...cell(32, 182, ['d1', 'd2']),
      ...cell(100, 182, ['e1']),
      ...cell(170, 182, ['f1']),
      ...cell(32, 216, ['g1']),
      ...cell(100, 216, ['h1']),
      ...cell(170, 216, ['i1']),
    ];
    const ls = buildLines(runs);
    const found = gappedRowStarts(
      ls.map((l) => placeLine(l, edges)),
      12,
    );
    expect([...(found?.starts ?? [])].map((i) => ls[i]!.baseline).sort((a, b) => a - b)).toEqual([100, 182, 216]);
  });

  it('leaves single-spaced tables to the text-based reading: their lines sit on one pitch grid', () => {
    const runs: TextRun[] = [];
    [100, 112, 124, 148, 160].forEach((b, i) => runs.push(run(`name ${i}`, 32, b), run(`${i}.5`, 100, b), run(`${i}0`, 170, b)));
    const ls = buildLines(runs).map((l) => placeLine(l, edges));
    expect(onOneGrid(ls, 12)).toBe(true);
    expect(gappedRowStarts(ls, 12)).toBeUndefined();
  });
});
