import { describe, expect, it } from 'vitest';
import { parsePdf } from '../../src/parse/pdf/index.ts';
import { DEFAULT_LIMITS } from '../../src/sniff/limits.ts';
import { DocTree, type TableBlock } from '../../src/model/doc-tree.ts';
import { line, minimalPdf, text } from './minimal-pdf.ts';

/** Helvetica-Bold as /F2. */
const BOLD_FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>';

async function tables(pages: string[]): Promise<TableBlock[]> {
  const res = await parsePdf({ bytes: minimalPdf(pages, { extraFont: BOLD_FONT }), filename: 't.pdf', limits: DEFAULT_LIMITS });
  if (!res.ok) throw new Error(res.error.code);
  return DocTree.parse(res.doc).blocks.filter((b): b is TableBlock => b.kind === 'table');
}

/** A ruled grid with rows at `ys` and columns at `xs` (PDF user space). */
function grid(xs: number[], ys: number[]): string[] {
  return [...ys.map((y) => line(xs[0]!, y, xs.at(-1)!, y)), ...xs.map((x) => line(x, ys[0]!, x, ys.at(-1)!))];
}

/** Lines of one cell, 3 pt inside its left rule, at the given baselines (Helvetica 10 pt). */
function cellLines(x: number, ys: number[], lines: string[]): string[] {
  return lines.map((s, i) => text(x + 3, ys[i]!, s));
}

describe('paragraphs inside ruled cells (Helvetica 10 pt, 12 pt line pitch)', () => {
  // Column 0 is 66 pt wide (60 pt of text), column 1 180 pt (174 pt of text).
  const xs = [72, 138, 318];
  const ys = [760, 735, 600];
  const header = [text(75, 745, 'Goal'), text(141, 745, 'Responsible')];

  it('ends a paragraph at extra spacing and at a line whose successor\'s first word would have fitted', async () => {
    const page = [...grid(xs, ys), ...header, ...cellLines(72, [722], ['Audit'])];
    // "postal" does not fit after line 1 (a wrap); "Pension" would fit after line 2 (a forced
    // break); line 4 sits 2 pt lower than the pitch (paragraph spacing) although line 3 is full.
    page.push(...cellLines(138, [722, 710, 698, 684], ['Regional offices together with the', 'postal service branches', 'Pension payment office of the whole', 'Finance department']));
    const [t] = await tables([page.join('\n')]);
    const cell = t?.rows[1]?.cells[1];
    expect(cell?.paragraphs).toEqual(['Regional offices together with the postal service branches', 'Pension payment office of the whole', 'Finance department']);
    expect(cell?.text).toBe('Regional offices together with the postal service branches Pension payment office of the whole Finance department');
  });

  it('keeps wrapped lines of one paragraph together', async () => {
    const page = [...grid(xs, ys), ...header, ...cellLines(72, [722], ['Audit'])];
    page.push(...cellLines(138, [722, 710, 698], ['Regional offices together with the', 'postal service branches of the whole', 'country']));
    const [t] = await tables([page.join('\n')]);
    expect(t?.rows[1]?.cells[1]?.paragraphs).toEqual(['Regional offices together with the postal service branches of the whole country']);
  });

  it('joins a word broken without a hyphen where not one more letter fitted, and no other', async () => {
    // "Transparenc" fills the 60 pt of column 0 but for less than the width of "y".
    const page = [...grid(xs, ys), ...header];
    // "pension" is one word too, but ends well short of the edge: "funding" wrapped after it.
    page.push(...cellLines(72, [722, 710, 698, 686], ['Transparenc', 'y of the', 'pension', 'funding']));
    // The document's own words say that words wider than column 0 occur (a word had to break):
    // "implementation", "organizational" and "responsibilities" are each wider than 60 pt.
    page.push(
      ...cellLines(138, [722, 710, 698, 686, 674], [
        'Regional offices together with the',
        'postal service and the implementation of',
        'the new organizational responsibilities of the',
        'branches of the whole country and the',
        'implementation of their responsibilities',
      ]),
    );
    const [t] = await tables([page.join('\n')]);
    expect(t?.rows[1]?.cells[0]?.paragraphs).toEqual(['Transparency of the pension funding']);
  });

  it('keeps the space after a full one-word line that holds a hyphen: a broken word would have broken there', async () => {
    // "co-ordinated" (55.6 pt) fills the 60 pt of column 0 to less than the width of "m" (8.3 pt);
    // the document has many words wider than the column, few about as wide, and none about as wide
    // as "monitoring", so the widths alone call "co-ordinated" the first piece of a broken word.
    // That word would have broken after "co-" instead.
    const page = [...grid(xs, ys), ...header];
    page.push(...cellLines(72, [722, 710, 698], ['co-ordinated', 'monitoring of', 'branches']));
    page.push(
      ...cellLines(138, [722, 710, 698, 686, 674, 662], [
        'Regional offices together with the',
        'postal service and the implementation of',
        'the new organizational responsibilities of the',
        'organizational responsibilities and',
        'implementation of their responsibilities',
        'responsibilities implementation',
      ]),
    );
    const [t] = await tables([page.join('\n')]);
    expect(t?.rows[1]?.cells[0]?.paragraphs).toEqual(['co-ordinated monitoring of branches']);
  });

  it('does not join a centred word that happens to fill its cell to the next centred line', async () => {
    // Column 0 is 40 pt wide: "Sample" (33.9 pt) centred fills it; "unit" is centred below.
    const narrow = [72, 112, 292];
    const page = [...grid(narrow, ys), text(72 + (40 - 33.9) / 2, 745, 'Sample'), text(72 + (40 - 16.1) / 2, 733, 'unit'), text(115, 745, 'Responsible')];
    page.push(...cellLines(72, [722], ['Audit']), ...cellLines(112, [722, 710], ['Regional offices together with', 'the postal service']));
    const [t] = await tables([page.join('\n')]);
    expect(t?.rows[0]?.cells[0]?.text).toBe('Sample unit');
  });

  it('measures bold cells by their own line pitch: a bold heading set a little looser than the body is one paragraph', async () => {
    // The body's cells step 12 pt; the bold heading's two lines 13 pt (a browser's line height
    // follows the face). "level" (23 pt) does not fit after "Achieved" (45 pt) in 60 pt: a wrap.
    const tall = [760, 730, 600];
    const page = [...grid(xs, tall), text(75, 748, 'Achieved', 10, 'F2'), text(75, 735, 'level', 10, 'F2'), text(141, 748, 'Responsible', 10, 'F2')];
    page.push(...cellLines(72, [717], ['Audit']), ...cellLines(138, [717, 705, 693, 681], ['Regional offices together with the', 'postal service branches of the whole', 'country and the district offices of', 'the fund']));
    const [t] = await tables([page.join('\n')]);
    expect(t?.rows[0]?.cells[0]?.paragraphs).toEqual(['Achieved level']);
  });

  it('keeps a list of web addresses, one a line, as one paragraph per address', async () => {
    const page = [...grid(xs, ys), ...header, ...cellLines(72, [722], ['Links'])];
    // None of the addresses would fit after the one before it, so only the addresses tell.
    page.push(...cellLines(138, [722, 710, 698], ['https://www.socfond.kg/kg/reports/', 'https://www.facebook.com/socfondKG/', 'https://twitter.com/SocFondKG']));
    const [t] = await tables([page.join('\n')]);
    expect(t?.rows[1]?.cells[1]?.paragraphs).toEqual(['https://www.socfond.kg/kg/reports/', 'https://www.facebook.com/socfondKG/', 'https://twitter.com/SocFondKG']);
  });
});
