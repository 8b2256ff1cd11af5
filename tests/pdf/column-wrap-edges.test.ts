import { describe, expect, it } from 'vitest';
import { cellParagraphs } from '../../src/parse/pdf/cell-paragraphs.ts';
import { collectWords } from '../../src/parse/pdf/cell-text.ts';
import { columnWrapEdges } from '../../src/parse/pdf/column-wrap-edges.ts';
import type { LineGeometry } from '../../src/parse/pdf/line-geometry.ts';
import type { GridCell, PageTable } from '../../src/parse/pdf/table-grid.ts';
import { WordWidths } from '../../src/parse/pdf/word-widths.ts';

/**
 * A ruled column from 100 to 180 (rules snapped), text 10 pt with 5 pt glyphs. Its wrap box is
 * 104.8–175.2: left-aligned lines start at 104.8, centred lines have their midpoint at 140.
 */
const GLYPH = 5;

function geo(x0: number, width: number, row: number, words = 1): LineGeometry {
  return {
    x0,
    x1: x0 + width,
    top: 12 * row,
    bottom: 12 * row + 10,
    baseline: 12 * row + 8,
    fontSize: 10,
    headWidth: words === 1 ? width : GLYPH * 4,
    tailWidth: GLYPH * 4,
    firstGlyphWidth: GLYPH,
    glyphWidth: GLYPH,
    oneWord: words === 1,
  };
}

function cell(row: number, lines: string[], geometry: LineGeometry[], x0 = 100, x1 = 180): GridCell {
  return { row, col: 0, rowSpan: 1, colSpan: 1, lines, geometry, bold: false, box: { x0, x1, top: 0, bottom: 100 } };
}

function table(cells: GridCell[], edges = [100, 180]): PageTable {
  return { mode: 'lattice', box: { x0: edges[0]!, x1: edges[1]!, top: 0, bottom: 100 }, rows: cells.length, cols: 1, cells, rowBands: [], colEdges: edges };
}

const header = cell(0, ['Зорилтыг хэрэгжүүлэх', 'арга'], [geo(110, 60, 0, 2), geo(120, 40, 1)]);
const body = cell(1, ['баталгаажуулж тооцоо', 'нийлсэн'], [geo(104.8, 60, 2, 2), geo(104.8, 35, 3)]);

describe('the width a ruled column wrapped its lines to', () => {
  it('mirrors the left edge of left-aligned text about the midpoint of centred text', () => {
    const edges = columnWrapEdges([table([header, body])]);
    const e = edges(table([header, body]), body);
    expect(e?.left).toBeCloseTo(104.8, 6);
    expect(e?.right).toBeCloseTo(175.2, 6);
  });

  it('takes the measure from another page of the same column, matched by its rules', () => {
    // The header is printed on the first page only; the second page's piece has its rules a
    // fraction of a pixel off and cell boxes that are its text's extent.
    const later = table([cell(0, ['баталгаажуулса'], [geo(104.8, 70.4, 0)], 104.8, 175.2), body], [100.2, 179.8]);
    const edges = columnWrapEdges([table([header, body]), later]);
    expect(edges(later, later.cells[0]!)?.right).toBeCloseTo(175.2, 6);
  });

  it('has no measure without centred text', () => {
    const edges = columnWrapEdges([table([body, cell(2, ['ажилгүйдлийн'], [geo(104.8, 60, 4)])])]);
    expect(edges(table([body]), body)).toBeUndefined();
  });
});

describe('a column sized to its widest word', () => {
  it('is one where a line of the column is exactly as wide as its wrap box', () => {
    const full = cell(2, ['баталгаажуулса'], [geo(104.8, 70.4, 4)]);
    const near = cell(2, ['баталгаажуулс'], [geo(104.8, 69.4, 4)]);
    expect(columnWrapEdges([table([header, body, full])])(table([full]), full)?.sizedToWord).toBe(true);
    expect(columnWrapEdges([table([header, body, near])])(table([near]), near)?.sizedToWord).toBe(false);
  });

  // «баталгаажуулса» fills the 70.4 pt box; «н» after it is a likely rest of a broken word by the
  // document's widths (many words wider than the line, none of one letter).
  const lines = ['баталгаажуулса', 'н байх'];
  const geometry = [geo(104.8, 70.4, 0), geo(104.8, 30, 1, 2)];
  geometry[1]!.headWidth = GLYPH;
  const widths = { letters: WordWidths.of(Array.from({ length: 40 }, (_, i) => 7.5 + i * 0.1)), figures: WordWidths.of([]) };
  const words = collectWords(lines, widths);
  const layout = { geometry, frame: { left: 104.8, right: 175.2 }, pitch: 1.2 };

  it('tells that the renderer keeps words whole: a full line is a whole word', () => {
    expect(cellParagraphs(lines, words, { ...layout, keepsWordsWhole: true })).toEqual(['баталгаажуулса н байх']);
  });

  it('leaves the width odds to decide otherwise', () => {
    expect(cellParagraphs(lines, words, { ...layout, keepsWordsWhole: false })).toEqual(['баталгаажуулсан байх']);
    expect(cellParagraphs(lines, words, layout)).toEqual(['баталгаажуулсан байх']);
  });

  it('never overrules the document showing the joined word whole', () => {
    const known = collectWords([...lines, 'баталгаажуулсан'], widths);
    expect(cellParagraphs(lines, known, { ...layout, keepsWordsWhole: true })).toEqual(['баталгаажуулсан байх']);
  });
});
