import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestDocument } from '../../../pipelines/ingest/index.ts';
import { formatIndependent } from '../../golden/projection.ts';
import type { PdfRenderer } from './chromium-pdf.ts';
import { goldenDiff } from './golden-diff.ts';
import { drawVariant, variantCss, variantScript, type LayoutVariant } from './layout-variants.ts';

/** The golden reports whose HTML ground truth is printed under varied layouts. */
export const FUZZ_REPORTS = ['ky-socfund-acp-2024q1', 'mn-ndg-inspector-2024'] as const;

const GOLDEN = join(import.meta.dirname, '../../../fixtures/golden');

/**
 * One character of the Mongolian seed is a Bengali letter (an OCR error) that no font installed
 * with the test browser draws; Chromium prints it as .notdef with no Unicode. It is replaced by the
 * Cyrillic letter it stands for, in the HTML and in the expectation alike.
 */
const undrawable = (s: string): string => s.replace(/\u09B0/gu, 'р');

export interface FuzzOutcome {
  variant: LayoutVariant;
  report: string;
  differences: string[];
}

/** Prints one report under the seed's layout, reads the PDF back and compares it with the golden report. */
export async function runLayoutCase(renderer: PdfRenderer, report: (typeof FUZZ_REPORTS)[number], seed: number): Promise<FuzzOutcome> {
  const html = undrawable(readFileSync(join(GOLDEN, report, 'input.html'), 'utf8'));
  const expected = JSON.parse(undrawable(readFileSync(join(GOLDEN, report, 'expected.json'), 'utf8'))) as { tables: { columns: number }[] };
  const variant = drawVariant(seed, expected.tables[0]?.columns ?? 1);
  const pdf = await renderer.render(html, { css: variantCss(variant), prepare: variantScript(variant) });
  const outcome = await ingestDocument({ bytes: pdf, filename: `${report}-${seed}.pdf` });
  const differences = outcome.status === 'ok' ? goldenDiff(formatIndependent(outcome.report), expected) : [`ingest ${outcome.status}: ${outcome.error.code} ${outcome.error.message}`];
  return { variant, report, differences };
}
