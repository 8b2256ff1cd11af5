import { expect, test } from 'vitest';
import { ingestDocument } from '../../pipelines/ingest/index.ts';
import { openStore } from '../../src/store/open-store.ts';
import { wellFormedText } from '../../src/text/well-formed.ts';
import { minimalPdf, text } from '../pdf/minimal-pdf.ts';

/** A ToUnicode map sending three codes to U+0000, a lone high surrogate and a BEL control. */
const BROKEN_MAP = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Broken def /CMapType 2 def
1 begincodespacerange <00> <FF> endcodespacerange
4 beginbfchar
<41> <0041>
<42> <0000>
<43> <D800>
<44> <0007>
endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end`;

test('unstorable characters in text are replaced, found and stored', async () => {
  const pdf = minimalPdf(
    [[text(72, 760, 'Report title'), 'BT /F2 12 Tf 72 720 Td (ABACADA) Tj ET', text(72, 700, 'A plain paragraph follows.')].join('\n')],
    { extraFont: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>', extraFontToUnicode: BROKEN_MAP },
  );
  const outcome = await ingestDocument({ bytes: pdf, filename: 'broken-map.pdf' });
  expect(outcome.status).toBe('ok');
  if (outcome.status !== 'ok') return;
  const json = JSON.stringify(outcome.report);
  expect(json).not.toMatch(/\\u0000|\\u0007|\\ud800/i);
  // pdf.js itself may pair the half surrogate with the next code; NUL and BEL reach us as such.
  expect(json).toMatch(/A\ufffdA.*A\ufffdA/u);
  expect(JSON.stringify(outcome.report.blocks.map((b) => b.text ?? '')).match(/\ufffd/gu)?.length ?? 0).toBeGreaterThanOrEqual(2);
  expect(outcome.report.findings.map((f) => f.code)).toContain('TEXT_UNSTORABLE_CHARACTERS');
  // PostgreSQL's jsonb (PGlite here) refuses U+0000 and lone surrogates: the report must go in.
  const store = await openStore({ inMemory: true, databaseUrl: '' });
  try {
    await store.upsertReport(outcome.report);
    expect(await store.getReport(outcome.report.id)).toEqual(outcome.report);
  } finally {
    await store.close();
  }
});

test('wellFormedText keeps pairs, tabs and newlines and replaces only what cannot be stored', () => {
  expect(wellFormedText('a\tb\nc\r😀')).toBe('a\tb\nc\r😀');
  expect(wellFormedText('x\u0000y\ud83dz\ude00\u001f\u007f')).toBe('x\ufffdy\ufffdz\ufffd\ufffd\ufffd');
});
