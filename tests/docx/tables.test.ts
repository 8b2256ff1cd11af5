import { describe, expect, it } from 'vitest';
import type { DocCell, TableBlock } from '../../src/model/doc-tree.ts';
import { buildDocx, cell, row, span, table, text } from './support/docx-builder.ts';
import { tablesOf } from '../support/doc-grid.ts';
import { fixture, readDocx } from './support/parse.ts';

const cellAt = (t: TableBlock | undefined, r: number, col: number): DocCell | undefined => t?.rows[r]?.cells.find((c) => c.col === col);
const layout = (t: TableBlock | undefined): string[][] =>
  (t?.rows ?? []).map((r) => r.cells.map((c) => `${c.col}:${c.text}${c.rowSpan > 1 ? ` r${c.rowSpan}` : ''}${c.colSpan > 1 ? ` c${c.colSpan}` : ''}`));

describe('vMerge (17.4.85)', () => {
  it('turns restart/continue into rowSpan and emits no covered cells', async () => {
    const doc = await readDocx(fixture('vmerge.docx'));
    const [t] = tablesOf(doc.blocks);
    expect(layout(t)).toEqual([
      ['0:Goal', '1:Measure', '2:Status'],
      ['0:Goal A r3', '1:M1', '2:done'],
      ['1:M2', '2:in progress stray note r2'],
      ['1:M3'],
      ['0:Goal B', '1:M4', '2:not done'],
      ['0:orphan', '1:M5', '2:done'],
    ]);
  });

  it('keeps text that Word hides in a covered cell, and reports it and the orphan continue', async () => {
    const doc = await readDocx(fixture('vmerge.docx'));
    const [t] = tablesOf(doc.blocks);
    expect(cellAt(t, 2, 2)?.paragraphs).toEqual(['in progress', 'stray note']);
    expect(doc.findings.map((f) => [f.code, f.location])).toEqual([
      ['docx/vmerge-continuation-text', { block: 1, table: 0, row: 3, col: 2 }],
      ['docx/vmerge-orphan', { block: 1, table: 0, row: 5, col: 0 }],
    ]);
  });

  it('marks only the header row as header', async () => {
    const doc = await readDocx(fixture('vmerge.docx'));
    const [t] = tablesOf(doc.blocks);
    expect(t?.rows.map((r) => r.header === true)).toEqual([true, false, false, false, false, false]);
    expect(t?.rows[0]?.cells.every((c) => c.header === true)).toBe(true);
  });
});

describe('gridSpan (17.4.17), gridBefore/gridAfter, hMerge and tblHeader (17.4.49)', () => {
  it('places every cell on the grid column it occupies', async () => {
    const doc = await readDocx(fixture('gridspan.docx'));
    const [t] = tablesOf(doc.blocks);
    expect(t?.columns).toBe(4);
    expect(layout(t)).toEqual([
      ['0:No r2', '1:Indicator c2', '3:Result r2'],
      ['1:Baseline', '2:Target'],
      ['0:Goal 1. Full-width group row c4'],
      ['0:1', '1:a', '2:b', '3:c'],
      ['1:x', '2:y', '3:z'],
      ['0:p', '1:q', '2:r'],
      ['0:wide c2', '2:s', '3:t'],
      ['0:2', '1:d', '2:e', '3:f'],
    ]);
  });

  it('takes header rows only from the unbroken run at the top', async () => {
    const doc = await readDocx(fixture('gridspan.docx'));
    const [t] = tablesOf(doc.blocks);
    expect(t?.rows.map((r) => r.header === true)).toEqual([true, true, false, false, false, false, false, false]);
  });

  it('marks a cell whose runs are all bold', async () => {
    const doc = await readDocx(fixture('gridspan.docx'));
    const [t] = tablesOf(doc.blocks);
    expect(cellAt(t, 2, 0)?.bold).toBe(true);
    expect(cellAt(t, 3, 1)?.bold).toBeUndefined();
  });

  it('widens the grid when a row needs more columns than w:tblGrid declares', async () => {
    const doc = await readDocx(
      buildDocx({ body: table([1000, 1000], [row([cell(text('a')), cell(text('b'))]), row([cell(text('wide'), span(3))])]) }),
    );
    const [t] = tablesOf(doc.blocks);
    expect(t?.columns).toBe(3);
    expect(doc.findings.map((f) => f.code)).toEqual(['docx/grid-widened']);
  });
});

describe('nested tables', () => {
  it("flattens a nested table into the parent cell's paragraphs and says so", async () => {
    const doc = await readDocx(fixture('nested-table.docx'));
    const [t, ...more] = tablesOf(doc.blocks);
    expect(more).toHaveLength(0);
    expect(cellAt(t, 1, 1)?.paragraphs).toEqual(['Before the table', 'Indicator', 'Value', 'People trained', '1 346', 'After the table']);
    expect(cellAt(t, 1, 1)?.text).toBe('Before the table Indicator Value People trained 1 346 After the table');
    expect(doc.findings).toEqual([expect.objectContaining({ code: 'docx/nested-table', location: { block: 0, table: 0, row: 1, col: 1 } })]);
  });
});

describe('a table split in two by a page break', () => {
  it('gives two tables with a page-break block between, each with its header row', async () => {
    const doc = await readDocx(fixture('split-table-repeated-header.docx'));
    expect(doc.blocks.map((b) => b.kind)).toEqual(['table', 'page-break', 'table']);
    const [t1, t2] = tablesOf(doc.blocks);
    for (const t of [t1, t2]) {
      expect(t?.rows[0]?.header).toBe(true);
      expect(t?.rows[0]?.cells.map((c) => [c.text, c.bold])).toEqual([['Goal', true], ['Measure', true], ['Activity', true]]);
    }
    expect(layout(t1).slice(1)).toEqual([['0:Goal 1 r2', '1:Measure 1 r2', '2:Activity 1'], ['2:Activity 2']]);
    // The second part restarts the merges with empty cells, as Word's "Split Table" leaves them.
    expect(layout(t2).slice(1)).toEqual([['0: r2', '1: r2', '2:Activity 3'], ['2:Activity 4']]);
    expect(tablesOf(doc.blocks).map((t) => t.position.table)).toEqual([0, 1]);
  });
});

describe('lists and line breaks inside cells', () => {
  it('keeps one paragraph per w:p, list item and forced line break; numbers auto-numbered cells', async () => {
    const doc = await readDocx(fixture('cell-lists.docx'));
    const [t] = tablesOf(doc.blocks);
    expect(cellAt(t, 1, 0)?.paragraphs).toEqual(['1.']);
    expect(cellAt(t, 2, 0)?.paragraphs).toEqual(['2.']);
    // numFmt "none": the item keeps its own "- " and gets nothing added.
    expect(cellAt(t, 1, 1)?.paragraphs).toEqual(['Expected result: fewer risks', 'Status: done', '- item one', '- item two']);
    // Bullets add no glyph.
    expect(cellAt(t, 2, 1)?.paragraphs).toEqual(['Bulleted', 'Plain']);
    expect(cellAt(t, 1, 1)?.text).toBe('Expected result: fewer risks Status: done - item one - item two');
  });
});

describe('table style first-row formatting (17.7.6)', () => {
  const styles =
    '<w:style w:type="table" w:styleId="GridTable4"><w:name w:val="Grid Table 4"/>' +
    '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:trPr><w:tblHeader/></w:trPr></w:tblStylePr></w:style>';
  const styled = (look: string): string =>
    `<w:tbl><w:tblPr><w:tblStyle w:val="GridTable4"/>${look}</w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>` +
    row([cell(text('Goal')), cell(text('Status'))]) +
    row([cell(text('Goal 1')), cell(text('done'))]) +
    '</w:tbl>';

  it('makes the first row bold and header when the table applies the style to it', async () => {
    const doc = await readDocx(buildDocx({ styles, body: styled('<w:tblLook w:val="04A0" w:firstRow="1"/>') }));
    const [t] = tablesOf(doc.blocks);
    expect(t?.rows.map((r) => [r.header === true, r.cells.map((c) => c.bold === true)])).toEqual([
      [true, [true, true]],
      [false, [false, false]],
    ]);
  });

  it('leaves the first row alone when w:tblLook switches first-row formatting off', async () => {
    const doc = await readDocx(buildDocx({ styles, body: styled('<w:tblLook w:val="0000"/>') }));
    const [t] = tablesOf(doc.blocks);
    expect(t?.rows[0]?.header).toBeUndefined();
    expect(t?.rows[0]?.cells.some((c) => c.bold)).toBe(false);
  });
});
