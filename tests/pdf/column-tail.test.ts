import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePdf } from '../../src/parse/pdf/index.ts';
import { DocTree } from '../../src/model/doc-tree.ts';
import { DEFAULT_LIMITS } from '../../src/sniff/limits.ts';
import { normalizeTables } from '../../src/tables/index.ts';
import { openPdfRenderer, type PdfRenderer } from './support/chromium-pdf.ts';
import { prng } from './support/layout-variants.ts';

/**
 * A borderless table whose last row holds, in its last column, a cell far longer than the rest of
 * the row: below the other cells the page holds that column alone, as a report's long "what was
 * done" does at the end of a page. The lines of that column must stay in the cell (one cell,
 * every word in order), not come out as running text after the table (column-tail.ts). A note
 * below the table, as wide as the page, stays running text.
 */
let renderer: PdfRenderer;
beforeAll(async () => {
  renderer = await openPdfRenderer();
});
afterAll(async () => {
  await renderer?.close();
});

const WORDS = ['камсыздандыруу', 'пенсия', 'жөнүндө', 'маалымат', 'фонддун', 'төлөмдөр', 'иштери', 'боюнча', 'кызмат', 'аткарылды'];

function sentence(r: () => number, words: number): string {
  return Array.from({ length: words }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' ');
}

function page(seed: number): { html: string; long: string; note: string } {
  const r = prng(seed);
  // Items of a list in the long cell, each a paragraph of its own (as the reports write them).
  const items = Array.from({ length: 12 + Math.floor(r() * 8) }, (_, i) => `${i + 1}) ${sentence(r, 6 + Math.floor(r() * 8))}.`);
  const long = items.join(' ');
  const note = `Эскертүү: ${sentence(r, 30)}.`;
  const row = (n: number, last: string): string =>
    `<tr><td>${n}</td><td>${sentence(r, 5)}</td><td>${sentence(r, 4)}</td><td>${last}</td></tr>`;
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>
    @page { size: 210mm 500mm; margin: 15mm; } body { font-family: "DejaVu Sans"; font-size: ${8 + Math.floor(r() * 3)}pt; }
    table { border-collapse: collapse; width: 100%; } td, th { padding: 3pt; vertical-align: top; text-align: left; }
    td p { margin: 0 0 ${4 + Math.floor(r() * 5)}pt 0; }
  </style></head><body>
  <table><thead><tr><th>№</th><th>Иш-чара</th><th>Аткаруучу</th><th>Аткаруу жөнүндө маалымат</th></tr></thead><tbody>
  ${row(1, sentence(r, 12))}
  ${row(2, sentence(r, 10))}
  ${row(3, items.map((t) => `<p>${t}</p>`).join(''))}
  </tbody></table><p>${note}</p></body></html>`;
  return { html, long, note };
}

describe('a long last cell of a borderless table running down the page alone', () => {
  // Seed 3: the stream reader takes the long cell's paragraphs for rows of their own (their gaps
  // match the table's row gap); rows with text in free-text columns alone then join the row above
  // (src/tables/row-merger.ts).
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) it(`stays one cell (seed ${seed})`, async () => {
    const { html, long, note } = page(seed);
    const pdf = await renderer.render(html);
    const res = await parsePdf({ bytes: pdf, filename: `column-tail-${seed}.pdf`, limits: DEFAULT_LIMITS });
    if (!res.ok) throw new Error(res.error.code);
    const tables = normalizeTables(DocTree.parse(res.doc), { language: () => 'und' }).tables.map((t) => t.output);
    expect(tables).toHaveLength(1);
    const cells = tables[0]?.cells ?? [];
    const squeeze = (s: string): string => s.replace(/\s+/gu, ' ').trim();
    expect(cells.map((c) => squeeze(c.text))).toContain(squeeze(long));
    const prose = res.doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [squeeze(b.text)] : []));
    expect(prose.join(' ')).toContain(squeeze(note));
  });
});

describe('a heading in a larger size just under a borderless table', () => {
  // «Abbreviations:» under the table, at its left edge, inside its wide first column and within its
  // own spacing of the last row, whose first cell is empty: a cell keeps its type size as it runs on, so the heading and the
  // list under it stay text.
  for (const seed of [1, 2, 3, 4]) it(`stays out of the table (seed ${seed})`, async () => {
    const r = prng(seed);
    const size = 7 + Math.floor(r() * 3);
    // The last rows go on from a measure above: their first cells are empty.
    const row = (n: number): string => `<tr><td>${n <= 2 ? sentence(r, 4) : ''}</td><td>${n <= 2 ? sentence(r, 5) : ''}</td><td>${sentence(r, 4)}</td><td>${sentence(r, 8)}</td></tr>`;
    const heading = 'Кыскартуулар:';
    const html = `<!doctype html><html><head><meta charset="utf-8"><style>
      @page { size: A4; margin: 15mm; } body { font-family: "DejaVu Sans"; font-size: ${size}pt; }
      table { border-collapse: collapse; width: 100%; } td { padding: 3pt; vertical-align: top; text-align: left; }
      td:first-child { width: 30%; }
      h3 { font-size: ${(size * (1.3 + r() * 0.3)).toFixed(1)}pt; font-weight: normal; margin: ${(2 + r() * 4).toFixed(1)}pt 0 0 0; }
    </style></head><body>
    <table><tbody>${[1, 2, 3, 4].map(row).join('')}</tbody></table>
    <h3>${heading}</h3><p>КР СФ – ${sentence(r, 6)}</p><p>МСК – ${sentence(r, 5)}</p></body></html>`;
    const pdf = await renderer.render(html);
    const res = await parsePdf({ bytes: pdf, filename: `heading-under-${seed}.pdf`, limits: DEFAULT_LIMITS });
    if (!res.ok) throw new Error(res.error.code);
    const inTables = res.doc.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flatMap((row) => row.cells.map((c) => c.text)) : []));
    expect(inTables.join(' ')).not.toContain(heading);
    const text = res.doc.blocks.flatMap((b) => (b.kind === 'paragraph' || b.kind === 'heading' ? [b.text] : []));
    expect(text.join(' ')).toContain(heading);
  });
});
