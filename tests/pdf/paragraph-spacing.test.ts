import { describe, expect, it } from 'vitest';
import { collectWords } from '../../src/parse/pdf/cell-text.ts';
import { tableBlock } from '../../src/parse/pdf/page-blocks.ts';
import type { LineGeometry } from '../../src/parse/pdf/line-geometry.ts';
import type { GridCell, PageTable } from '../../src/parse/pdf/table-grid.ts';

/**
 * Paragraph spacing inside ruled cells, on synthetic cells of 8 pt text 12 pt apart: one cell
 * holds two short paragraphs ending on lines too full to tell a wrap (a long word follows), the
 * second paragraph 0.8 pt further down (a tenth of the font: a browser's pixel of spacing).
 */
const FS = 8;

function geometry(x1: number, baseline: number, head: number): LineGeometry {
  return { x0: 104, x1, top: baseline - 6, bottom: baseline + 2, baseline, fontSize: FS, headWidth: head, tailWidth: 10, firstGlyphWidth: 4, glyphWidth: 4, oneWord: false };
}

function cell(col: number, lines: string[], baselines: number[]): GridCell {
  return {
    row: 0,
    col,
    rowSpan: 1,
    colSpan: 1,
    lines,
    // Lines end 10 pt short of the frame (104–194), and each next line starts with a 40 pt word.
    geometry: lines.map((_, i) => geometry(184, baselines[i] ?? 0, 40)),
    bold: false,
    box: { x0: 100 + 100 * col, x1: 198 + 100 * col, top: 90, bottom: 300 },
  };
}

function table(jitter: (i: number) => number): PageTable {
  // Filler cells: lines one pitch apart, give or take `jitter`, to measure the pitch from.
  const filler = [1, 2, 3].map((c) => {
    const baselines = Array.from({ length: 6 }, (_, i) => 100 + 12 * i + jitter(i + c));
    const made = cell(c, baselines.map((_, i) => `line ${i}`), baselines);
    made.geometry = baselines.map((b) => ({ ...geometry(184, b, 40), x0: made.box.x0 + 4, x1: made.box.x0 + 84 }));
    return made;
  });
  const twoParagraphs = cell(0, ['Ички аудит', 'башкармалыгы', 'Пенсия төлөө', 'башкармалыгы'], [100, 112, 124.8, 136.8]);
  return { mode: 'lattice', box: { x0: 100, x1: 500, top: 90, bottom: 300 }, rows: 1, cols: 4, cells: [twoParagraphs, ...filler], rowBands: [], colEdges: [100, 200, 300, 400, 500] };
}

const paragraphs = (t: PageTable): string[] | undefined => tableBlock(t, 1, collectWords([])).rows[0]?.cells.find((c) => c.col === 0)?.paragraphs;

describe('paragraph spacing inside cells', () => {
  it('a step a tenth of the font longer than the pitch ends a paragraph where the lines of a paragraph are exactly one pitch apart', () => {
    expect(paragraphs(table(() => 0))).toEqual(['Ички аудит башкармалыгы', 'Пенсия төлөө башкармалыгы']);
  });

  it('the same step is within the stray of lines placed less exactly', () => {
    expect(paragraphs(table((i) => (i % 2 === 0 ? 0.3 : -0.3)))).toEqual(['Ички аудит башкармалыгы Пенсия төлөө башкармалыгы']);
  });
});
