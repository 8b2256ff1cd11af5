import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePdf } from '../../src/parse/pdf/index.ts';
import { DEFAULT_LIMITS } from '../../src/sniff/limits.ts';
import { DocTree } from '../../src/model/doc-tree.ts';
import { line, minimalPdf, text } from './minimal-pdf.ts';

const run = (bytes: Uint8Array, limits = DEFAULT_LIMITS) => parsePdf({ bytes, filename: 'test.pdf', limits });

describe('unreadable PDFs fail with stable codes, never by throwing', () => {
  it('pdf/encrypted for a password-protected file (qpdf, AES-256, user password set)', async () => {
    const res = await run(new Uint8Array(readFileSync(new URL('../../fixtures/pdf/encrypted-aes256.pdf', import.meta.url))));
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('pdf/encrypted');
  });

  it('pdf/no-text-layer for pages that only draw (a scan has images, this one has lines)', async () => {
    const res = await run(minimalPdf([line(72, 700, 500, 700), line(72, 600, 500, 600)]));
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('pdf/no-text-layer');
      expect(res.error.permanent).toBe(true);
    }
  });

  it('pdf/corrupt for bytes that are not a PDF', async () => {
    const res = await run(new TextEncoder().encode('%PDF-1.7\nthis is not really a pdf at all\n'));
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('pdf/corrupt');
  });

  it('pdf/too-large above the input limit', async () => {
    const res = await run(minimalPdf([text(72, 700, 'x')]), { ...DEFAULT_LIMITS, maxInputBytes: 10 });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('pdf/too-large');
  });
});

describe('damaged but partly readable PDFs', () => {
  it('a truncated file keeps the pages that can be read and reports the rest', async () => {
    const full = minimalPdf([text(72, 700, 'First page survives the cut.'), text(72, 700, 'Second page is lost.')]);
    const cut = full.slice(0, Buffer.from(full).indexOf('Second page') - 40);
    const res = await run(cut);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const doc = DocTree.parse(res.doc);
    const codes = doc.findings.map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['pdf/truncated', 'pdf/xref-rebuilt', 'pdf/page-unreadable']));
    expect(doc.findings.find((f) => f.code === 'pdf/page-unreadable')?.location.page).toBe(2);
    expect(JSON.stringify(doc.blocks)).toContain('First page survives the cut.');
    expect(JSON.stringify(doc.blocks)).not.toContain('Second page');
  });

  it('a real report that lost its cross-reference table and trailer is read in full', async () => {
    const full = new Uint8Array(readFileSync(new URL('../../../shared/fixtures/mn-ndg-inspector-2024.pdf', import.meta.url)));
    const res = await run(full.slice(0, full.length - 1200));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.doc.pages).toBe(3);
    expect(res.doc.blocks.filter((b) => b.kind === 'table')).toHaveLength(3);
  });

  it('a report cut before its page objects cannot be recovered: pdf/corrupt, saying so', async () => {
    const full = new Uint8Array(readFileSync(new URL('../../../shared/fixtures/mn-ndg-inspector-2024.pdf', import.meta.url)));
    const res = await run(full.slice(0, Math.floor(full.length * 0.5)));
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('pdf/corrupt');
      expect(res.error.message).toMatch(/truncated/);
    }
  });

  it('reads no more pages than the limit and says so', async () => {
    const res = await run(minimalPdf([text(72, 700, 'one'), text(72, 700, 'two'), text(72, 700, 'three')]), { ...DEFAULT_LIMITS, maxPages: 2 });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.doc.pages).toBe(3);
    expect(res.doc.findings.map((f) => f.code)).toContain('pdf/page-limit');
    expect(JSON.stringify(res.doc.blocks)).not.toContain('three');
  });

  it('flags a font without a Unicode map whose text comes out as glyph codes', async () => {
    // A Type 1 font re-encoded to glyph names nobody knows: pdf.js cannot map them to Unicode
    // (no ToUnicode, PDF 32000-1 §9.10.2) and falls back to the raw codes.
    const names = Array.from({ length: 26 }, (_, i) => `/g${i + 1}`).join(' ');
    const font = `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /Differences [65 ${names}] >> >>`;
    const lines = Array.from({ length: 6 }, (_, i) => text(72, 760 - i * 14, 'QWRTZPLKJHGFDSXCVBNM QWRTPLKJH GFDSXCVB', 10, 'F2'));
    const res = await run(minimalPdf([[text(72, 790, 'Readable heading'), ...lines].join('\n')], { extraFont: font }));
    expect(res.ok).toBe(true);
    if (res.ok) expect(res.doc.findings.map((f) => f.code)).toContain('pdf/no-unicode-map');
  });

  it('trusts words without vowels in a font whose encoding names every glyph (no OCR, no flag)', async () => {
    // The same codes as above, but the encoding names them (WinAnsi, or Differences with standard
    // glyph names): the file defines the characters, so odd words (codes, filler) are real text.
    const letters = 'QWRTZPLKJHGFDSXCVBNM'.split('');
    const standard = `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /Differences [65 ${letters.map((l) => `/${l}`).join(' ')}] >> >>`;
    for (const font of ['F1', 'F2']) {
      const lines = Array.from({ length: 6 }, (_, i) => text(72, 760 - i * 14, 'QWRTZPLKJHGFDSXCVBNM QWRTPLKJH GFDSXCVB', 10, font));
      const res = await run(minimalPdf([[text(72, 790, 'Readable heading'), ...lines].join('\n')], { extraFont: standard }));
      expect(res.ok).toBe(true);
      if (!res.ok) return;
      const codes = res.doc.findings.map((f) => f.code);
      expect(codes).not.toContain('pdf/no-unicode-map');
      expect(codes).not.toContain('pdf/page-ocr');
      expect(codes).not.toContain('pdf/page-without-text');
    }
  });

  it('does not flag ordinary text', async () => {
    const body = Array.from({ length: 6 }, (_, i) => text(72, 760 - i * 14, 'The measures of the plan were carried out on time in every region.')).join('\n');
    const res = await run(minimalPdf([body], { title: 'Plan report' }));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.doc.findings.map((f) => f.code)).not.toContain('pdf/no-unicode-map');
    expect(res.doc.metadata.title).toBe('Plan report');
    expect(res.doc.pages).toBe(1);
  });
});
