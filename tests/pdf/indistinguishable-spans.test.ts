import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocTree, TableBlock } from '../../src/model/doc-tree.ts';
import { openPdfRenderer, type PdfRenderer } from './support/chromium-pdf.ts';
import { printedText } from './support/printed-text.ts';
import { settleSpans, spanProbeScript, type IndistinguishableSpan } from './support/indistinguishable-spans.ts';

/**
 * The layout fuzzing settles a borderless print's spanning cells that its probe finds
 * indistinguishable from a cell of their first column beside empty ones
 * (support/indistinguishable-spans.ts). The claim is checked the hard way: the source is rewritten
 * that way and printed again, and the two PDFs must hold the same text at the same places, while
 * the same rewrite of a cell the probe kept must change the print.
 */
let renderer: PdfRenderer;
beforeAll(async () => {
  renderer = await openPdfRenderer();
});
afterAll(async () => {
  await renderer?.close();
});

const WIDTH_PX = 600;
const CSS = `@page { size: A4; margin: 20mm; } table { border-collapse: collapse; width: ${WIDTH_PX}px; } td { border: none; padding: 3pt; font: 10pt "DejaVu Sans"; vertical-align: top; }`;
const row = (cells: string): string => `<tr>${cells}</tr>`;
/** The table, with the short spanning cell (row 2) or the long one (row 3) written as a first-column cell beside an empty one. */
function html(split: 'none' | 'short' | 'long'): string {
  const short = 'Trees planted';
  const long = 'Trees planted in every district of the capital city this year';
  const cell = (text: string, which: 'short' | 'long'): string => (split === which ? `<td>${text}</td><td></td>` : `<td colspan="2">${text}</td>`);
  return `<!doctype html><html><head><meta charset="utf-8"></head><body><table>
    <colgroup><col style="width: 20%"><col style="width: 40%"><col style="width: 40%"></colgroup>
    ${row('<td>No</td><td>Baseline of the indicator</td><td>Target of the indicator</td>')}
    ${row(`<td>1</td>${cell(short, 'short')}`)}
    ${row(`<td>2</td>${cell(long, 'long')}`)}
    ${row('<td>3</td><td>one value</td><td>another value</td>')}
  </table></body></html>`;
}

async function print(source: string): Promise<{ pdf: Uint8Array; spans: IndistinguishableSpan[] }> {
  const { pdf, probe } = await renderer.renderProbed(source, { css: CSS, probe: spanProbeScript(WIDTH_PX) });
  return { pdf, spans: probe as IndistinguishableSpan[] };
}

describe('spanning cells of a borderless print', () => {
  it('finds the one whose text lies in its first column, and that print is the same with the cell split; not the one whose text runs on', async () => {
    const original = await print(html('none'));
    expect(original.spans).toEqual([{ text: 'Trees planted', colSpan: 2 }]);
    const text = await printedText(original.pdf);
    expect(await printedText((await print(html('short'))).pdf)).toEqual(text);
    expect(await printedText((await print(html('long'))).pdf)).not.toEqual(text);
  });
});

describe('settleSpans', () => {
  const cell = (col: number, text: string, colSpan = 1) => ({ text, paragraphs: text ? [text] : [], rowSpan: 1, colSpan, col, position: {} });
  const doc = (rows: ReturnType<typeof cell>[][]): DocTree => ({ format: 'pdf', blocks: [{ kind: 'table', rows: rows.map((cells) => ({ cells, position: {} })), position: {} }] }) as DocTree;
  const spans: IndistinguishableSpan[] = [{ text: 'Trees planted', colSpan: 2 }];
  const shape = (d: DocTree): [number | undefined, number, string][][] => (d.blocks[0] as TableBlock).rows.map((r) => r.cells.map((c) => [c.col, c.colSpan, c.text]));

  it('gives the cell its span where the columns it covers are empty or missing', () => {
    const empty = doc([[cell(0, '1'), cell(1, 'Trees planted'), cell(2, '')]]);
    settleSpans(spans)(empty);
    expect(shape(empty)).toEqual([
      [
        [0, 1, '1'],
        [1, 2, 'Trees planted'],
      ],
    ]);
    const missing = doc([[cell(0, '1'), cell(1, 'Trees planted')]]);
    settleSpans(spans)(missing);
    expect(shape(missing)[0]?.[1]).toEqual([1, 2, 'Trees planted']);
  });

  it('leaves it where a covered column holds text, or a cell from the row above reaches into it', () => {
    const filled = doc([[cell(0, '1'), cell(1, 'Trees planted'), cell(2, 'a target')]]);
    settleSpans(spans)(filled);
    expect(shape(filled)[0]?.[1]).toEqual([1, 1, 'Trees planted']);
    const reached = doc([[cell(0, 'x'), { ...cell(2, 'tall'), rowSpan: 2 }], [cell(0, '1'), cell(1, 'Trees planted')]]);
    settleSpans(spans)(reached);
    expect(shape(reached)[1]?.[1]).toEqual([1, 1, 'Trees planted']);
  });
});
