import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocTree } from '../../src/model/doc-tree.ts';
import { parsePdf } from '../../src/parse/pdf/index.ts';
import { DEFAULT_LIMITS } from '../../src/sniff/limits.ts';
import { bagDiff, htmlCellTexts, wordBag } from './support/word-bag.ts';

/**
 * Cell text keeps its words (issue 10, defect 1): a word glued to its neighbour at a line join,
 * or split where the renderer broke it for want of room, drops a word of the ground truth. The
 * ground truth is the HTML of each golden report for its PDFs, and the annotated cell contents of
 * the ICDAR 2013 EU set for its PDFs.
 */
async function parse(path: string): Promise<DocTree> {
  const res = await parsePdf({ bytes: new Uint8Array(readFileSync(path)), filename: path, limits: DEFAULT_LIMITS });
  if (!res.ok) throw new Error(`${path}: ${res.error.code}`);
  return res.doc;
}

function cellTexts(doc: DocTree): string[] {
  return doc.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flatMap((r) => r.cells.map((c) => c.text)) : []));
}

function allTexts(doc: DocTree): string[] {
  return doc.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flatMap((r) => r.cells.map((c) => c.text)) : b.kind === 'paragraph' ? [b.text] : b.kind === 'list' ? b.items : []));
}

const GOLDEN = join(import.meta.dirname, '../../fixtures/golden');

describe('golden PDFs: every word of the HTML ground truth\'s cells is a word of the PDF\'s cells', () => {
  const inputs = readdirSync(GOLDEN).flatMap((dir) =>
    readdirSync(join(GOLDEN, dir))
      .filter((f) => f.endsWith('.pdf'))
      .map((f) => [dir, f] as const),
  );
  it.each(inputs)('%s/%s', async (dir, file) => {
    const want = wordBag(htmlCellTexts(readFileSync(join(GOLDEN, dir, 'input.html'), 'utf8')));
    const got = wordBag(cellTexts(await parse(join(GOLDEN, dir, file))));
    expect(bagDiff(got, want).missing).toEqual([]);
  });
});

const ICDAR = new URL('../../../shared/peers/icdar2013-eu/', import.meta.url).pathname;

const decodeXml = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

describe.skipIf(!existsSync(ICDAR))('ICDAR 2013 EU: every word of the annotated cells is a word of the PDF\'s text', () => {
  const pdfs = existsSync(ICDAR) ? readdirSync(ICDAR).filter((f) => f.endsWith('.pdf')) : [];
  it('keeps the words of all 27 documents', async () => {
    const lost: string[] = [];
    for (const pdf of pdfs) {
      const xml = readFileSync(join(ICDAR, pdf.replace(/\.pdf$/, '-str.xml')), 'utf8');
      // Tokens with no letter or figure (the annotators' «..» for not available) say nothing of joins.
      const truth = [...xml.matchAll(/<content>([\s\S]*?)<\/content>/g)].map((m) => decodeXml(m[1] ?? ''));
      const words = allTexts(await parse(join(ICDAR, pdf))).join(' ').normalize('NFKC').split(/\s+/u);
      // The annotation sometimes runs a cell's lines together with no space («UnitedKingdom»):
      // a truth word that is a few consecutive words of the PDF is the annotation's.
      const runs = new Set(words.flatMap((_, i) => [2, 3, 4, 5, 6].map((n) => words.slice(i, i + n).join(''))));
      const { missing } = bagDiff(wordBag(words), wordBag(truth));
      lost.push(...missing.filter((w) => /[\p{L}\p{N}]/u.test(w) && !runs.has(w)).map((w) => `${pdf}: ${w}`));
    }
    expect(lost).toEqual([]);
  });
});
