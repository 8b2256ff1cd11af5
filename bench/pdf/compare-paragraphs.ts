import { readFileSync } from 'node:fs';
import { parseHtml } from '../../src/parse/html/index.ts';
import { parsePdf } from '../../src/parse/pdf/index.ts';
import { DEFAULT_LIMITS } from '../../src/sniff/limits.ts';
import { normalizeTables } from '../../src/tables/index.ts';
import type { DocTree } from '../../src/model/doc-tree.ts';
import type { Parser } from '../../src/parse/parser.ts';

/**
 * Prints the cells whose paragraphs differ between a PDF and the HTML form of the same report,
 * on the normalized (stitched) tables: `npx tsx bench/pdf/compare-paragraphs.ts a.html b.pdf`.
 */
async function tree(parser: Parser, path: string): Promise<DocTree> {
  const res = await parser({ bytes: new Uint8Array(readFileSync(path)), filename: path, limits: DEFAULT_LIMITS });
  if (!res.ok) throw new Error(`${path}: ${res.error.code}`);
  return res.doc;
}

const [htmlPath, pdfPath] = process.argv.slice(2);
if (!htmlPath || !pdfPath) throw new Error('usage: compare-paragraphs.ts HTML PDF');
const opts = { language: (): string => 'und' };
const html = normalizeTables(await tree(parseHtml, htmlPath), opts).tables;
const pdf = normalizeTables(await tree(parsePdf, pdfPath), opts).tables;
let diffs = 0;
html.forEach((ht, t) => {
  const pt = pdf[t];
  ht.rows.forEach((row, r) => {
    row.cells.forEach((cell, c) => {
      const other = pt?.rows[r]?.cells[c];
      const a = JSON.stringify(cell.paragraphs);
      const b = JSON.stringify(other?.paragraphs ?? null);
      if (a === b) return;
      diffs++;
      console.log(`t${t} r${r} c${c}\n  html: ${a}\n  pdf:  ${b}`);
    });
  });
});
console.log(`${diffs} cells differ`);
