import { describe, expect, it } from 'vitest';
import { openPdfRepairing } from '../../src/parse/pdf/pdf-open.ts';
import { readPage, type PageStats } from '../../src/parse/pdf/page-reader.ts';
import { buildLines } from '../../src/parse/pdf/text-lines.ts';
import { minimalPdf, text } from './minimal-pdf.ts';

/** Helvetica's word space, 278 thousandths of an em. */
const SPACE_EM = 0.278;
/** Widths (thousandths of an em, Helvetica) of the letters used here. */
const WIDTH: Record<string, number> = { a: 556, b: 556, c: 500, d: 556, e: 556, ' ': 278 };
const widthOf = (s: string, size: number): number => ([...s].reduce((w, ch) => w + (WIDTH[ch] ?? 0), 0) / 1000) * size;

async function chunksOfLines(content: string): Promise<string[][]> {
  const opened = await openPdfRepairing(minimalPdf([content]));
  if (!opened.ok) throw new Error(opened.message);
  const stats: PageStats = { mappedPrivateUse: 0, unknownPrivateUse: 0, fonts: new Map(), textByFont: new Map(), mappedFonts: new Set() };
  const page = await readPage(await opened.doc.getPage(1), stats);
  await opened.doc.destroy();
  return buildLines(page.runs).map((l) => l.chunks.map((c) => c.text));
}

describe('phrases of a line', () => {
  // Two cells of two lines each, drawn cell by cell (each cell's text on its own, as browsers and
  // office suites print tables), the right cell starting `gap` ems after the left one's longer line.
  const cells = (gap: number, size = 10): string => {
    const left = ['abc dea', 'bad'];
    const right = ['cab ed', 'dab'];
    const x1 = 72 + Math.max(...left.map((s) => widthOf(s, size)));
    const x = x1 + gap * size;
    return [...left.map((s, i) => text(72, 700 - 12 * i, s, size)), ...right.map((s, i) => text(x, 700 - 12 * i, s, size))].join('\n');
  };

  it('keeps two cells apart where they stand further apart than a word space, though closer than half an em', async () => {
    const lines = await chunksOfLines(cells(1.35 * SPACE_EM));
    expect(lines[0]).toEqual(['abc dea', 'cab ed']);
  });

  it('keeps apart texts drawn one after the other with a gap wider than a word space and no space drawn in it', async () => {
    const size = 10;
    const x = 72 + widthOf('abc dea', size) + 1.35 * SPACE_EM * size;
    // One text object: the second part is drawn right after the first, placed on its own.
    const lines = await chunksOfLines(`BT /F1 ${size} Tf 72 700 Td (abc dea) Tj ${x - 72} 0 Td (cab ed) Tj ET`);
    expect(lines[0]).toEqual(['abc dea', 'cab ed']);
  });

  it('keeps a phrase whole whose words were placed one by one a word space apart, or set with stretched spaces', async () => {
    const size = 10;
    const x = 72 + widthOf('abc dea', size) + SPACE_EM * size;
    expect((await chunksOfLines(`BT /F1 ${size} Tf 72 700 Td (abc dea) Tj ${x - 72} 0 Td (cab ed) Tj ET`))[0]).toEqual(['abc dea cab ed']);
    // Justified: word spacing (Tw) widens every drawn space to 1.35 of its width.
    const tw = 0.35 * SPACE_EM * size;
    expect((await chunksOfLines(`BT /F1 ${size} Tf ${tw} Tw 72 700 Td (abc dea cab ed) Tj ET`))[0]).toEqual(['abc dea cab ed']);
  });

  it('reads a word space between separately drawn texts as one phrase', async () => {
    const lines = await chunksOfLines(cells(SPACE_EM));
    expect(lines[0]).toEqual(['abc dea cab ed']);
  });
});
