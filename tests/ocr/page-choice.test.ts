import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PageContent, TextRun } from '../../src/parse/pdf/page-content.ts';
import { readScannedPages } from '../../src/ocr/scanned-pages.ts';

const run = (text: string, fontName: string): TextRun => ({ text, x0: 10, x1: 100, top: 10, bottom: 20, baseline: 18, fontSize: 10, fontName, bold: false });
const page = (number: number, runs: TextRun[]): PageContent => ({ number, width: 600, height: 800, runs, segments: [], figures: [] });

/** Which pages go to OCR, decided without running it (OCR turned off, so each chosen page says why it was not read). */
describe('pages without a usable text layer are the ones OCR reads', () => {
  const saved = process.env['REPORTMILL_OCR'];
  beforeEach(() => {
    process.env['REPORTMILL_OCR'] = 'off';
  });
  afterEach(() => {
    if (saved === undefined) delete process.env['REPORTMILL_OCR'];
    else process.env['REPORTMILL_OCR'] = saved;
  });

  it('an image-only page and a page in a font without a Unicode map; not a page with real text', async () => {
    const garbage = 'Ñîöèàëüíûé ôîíä Êûðãûçñêîé Ðåñïóáëèêè îò÷¸ò î âûïîëíåíèè ïëàíà';
    const real = 'Социалдык фонддун ишине аудит жүргүзүү жана анын жыйынтыктары';
    const pages = [page(1, [run(real, 'f1')]), page(2, []), page(3, [run(garbage, 'f2'), run(garbage, 'f2')])];
    const textByFont = new Map([
      ['f1', real],
      ['f2', `${garbage} ${garbage}`],
    ]);
    const result = await readScannedPages(new Uint8Array(), pages, textByFont);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.findings.map((f) => [f.code, f.location.page])).toEqual([
      ['pdf/page-without-text', 2],
      ['pdf/page-without-text', 3],
    ]);
    expect(result.notRead).toContain('bash scripts/install-ocr.sh');
    expect(result.pages).toEqual(pages);
  });

  it('a PDF whose pages all have text is left alone', async () => {
    const pages = [page(1, [run('Аткарылды', 'f1')])];
    const result = await readScannedPages(new Uint8Array(), pages, new Map([['f1', 'Аткарылды']]));
    expect(result).toEqual({ ok: true, pages, findings: [] });
  });
});
