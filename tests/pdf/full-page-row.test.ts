import { describe, expect, it } from 'vitest';
import type { PageContent, Segment, TextRun } from '../../src/parse/pdf/page-content.ts';
import { findTables } from '../../src/parse/pdf/table-finder.ts';

/**
 * A row taller than a page, as LibreOffice and Word print it: on the middle page the row's piece
 * is closed by a rule at the page's top and bottom, and only one column (the long narrative) has
 * text there. Its column rules make it a table piece, not a framed paragraph.
 */
const COLUMNS = [40, 130, 230, 340, 460, 800];
const TOP = 45;
const BOTTOM = 540;

function frame(top: number, bottom: number): Segment[] {
  return [
    { orientation: 'h', at: top, from: COLUMNS[0]!, to: COLUMNS.at(-1)! },
    { orientation: 'h', at: bottom, from: COLUMNS[0]!, to: COLUMNS.at(-1)! },
    ...COLUMNS.map((x): Segment => ({ orientation: 'v', at: x, from: top, to: bottom })),
  ];
}

function lines(x0: number, top: number, count: number, text = 'Narrative text of the long row'): TextRun[] {
  return Array.from({ length: count }, (_, i) => {
    const y = top + i * 12;
    return { text: `${text} ${i + 1}`, x0, x1: x0 + 300, top: y, bottom: y + 10, baseline: y + 8, fontSize: 10, fontName: 'f1', bold: false };
  });
}

const page = (segments: Segment[], runs: TextRun[]): PageContent => ({ number: 2, width: 842, height: 595, runs, segments, figures: [] });

describe('a page holding only a piece of one tall row', () => {
  it('is a one-row table even with text in one column only', () => {
    const found = findTables(page(frame(TOP, BOTTOM), lines(465, TOP + 5, 30)));
    expect(found.tables).toHaveLength(1);
    expect(found.tables[0]).toMatchObject({ rows: 1, cols: COLUMNS.length - 1 });
    expect(found.textLines).toHaveLength(0);
  });

  it('a running header and a page number outside it do not change that', () => {
    const found = findTables(page(frame(TOP + 20, BOTTOM - 20), [...lines(40, 20, 1, 'Header'), ...lines(465, TOP + 25, 28), ...lines(400, 560, 1, 'Page')]));
    expect(found.tables).toHaveLength(1);
  });

  it('a ruled box with one text column among paragraphs of running text stays text', () => {
    const found = findTables(page(frame(200, 300), [...lines(40, 60, 8, 'Paragraph line'), ...lines(465, 210, 6), ...lines(40, 320, 8, 'Paragraph line')]));
    expect(found.tables).toHaveLength(0);
  });
});
