import { finding, type Finding } from '../model/finding.ts';
import type { PageContent } from '../parse/pdf/page-content.ts';
import { checkFontText } from '../parse/pdf/unicode-map-check.ts';
import { ocrPdfPages, type OcrOptions } from './index.ts';

/** A page whose text is mostly in fonts without a usable Unicode map has no usable text layer. */
const UNUSABLE_SHARE = 0.5;

export type ScannedPagesOutcome =
  | {
      ok: true;
      pages: PageContent[];
      findings: Finding[];
      /** Why pages that needed OCR were not OCR'd (no engine, engine failed), with how to fix it. */
      notRead?: string;
      /** Every page OCR looked at was blank. */
      allBlank?: true;
    }
  | { ok: false; code: string; message: string };

/**
 * Pages without a usable text layer — no text at all (a scanned image), or text mostly in fonts
 * whose glyphs do not map to characters — are OCR'd and take the place of what the text layer
 * gave; the other pages stay as read. Without the OCR engine the pages stay empty with a finding
 * that says how to install it (a document with no text at all then fails `pdf/no-text-layer`).
 */
export async function readScannedPages(
  pdf: Uint8Array,
  pages: readonly PageContent[],
  textByFont: ReadonlyMap<string, string>,
  options: OcrOptions = {},
  mappedFonts: ReadonlySet<string> = new Set(),
): Promise<ScannedPagesOutcome> {
  const unmapped = new Set([...textByFont].filter(([font, text]) => checkFontText(text, mappedFonts.has(font) ? 'defined' : 'unknown').suspicious).map(([font]) => font));
  const wanted = pages.filter((p) => p.runs.length === 0 || unusableShare(p, unmapped) > UNUSABLE_SHARE);
  if (wanted.length === 0) return { ok: true, pages: [...pages], findings: [] };
  const ocr = await ocrPdfPages(pdf, wanted, options);
  if (!ocr.ok) {
    if (ocr.code === 'input/timeout') return { ok: false, code: ocr.code, message: ocr.message };
    const findings = wanted.map((p) =>
      finding('pdf/page-without-text', ocr.code === 'ocr/unavailable' ? 'info' : 'warning', `Page ${p.number} has no usable text layer and was not OCR'd: ${ocr.message}`, { page: p.number }),
    );
    return { ok: true, pages: [...pages], findings, notRead: ocr.message };
  }
  const read = new Map(ocr.pages.map((r) => [r.content.number, r]));
  const findings: Finding[] = [];
  const out = pages.map((p) => {
    const r = read.get(p.number);
    if (!r) return p;
    if (r.blank) {
      findings.push(finding('pdf/page-without-text', 'info', `Page ${p.number} is blank (no text layer, and its image holds no ink).`, { page: p.number }));
      return r.content;
    }
    const why = p.runs.length === 0 ? 'has no text layer' : 'has no usable text layer (fonts without a Unicode map)';
    findings.push(
      finding(
        'pdf/page-ocr',
        'info',
        `Page ${p.number} ${why}; read by OCR (${ocr.engine}, models ${r.language.models}, ${r.content.runs.length} words, mean confidence ${r.confidence.toFixed(2)}, deskewed ${r.skew.toFixed(2)}°).`,
        { page: p.number },
      ),
    );
    return r.content;
  });
  const allBlank = ocr.pages.every((r) => r.blank);
  return { ok: true, pages: out, findings, ...(allBlank ? { allBlank } : {}) };
}

function unusableShare(page: PageContent, unmapped: ReadonlySet<string>): number {
  if (unmapped.size === 0) return 0;
  let bad = 0;
  let all = 0;
  for (const r of page.runs) {
    all += r.text.length;
    if (unmapped.has(r.fontName)) bad += r.text.length;
  }
  return all > 0 ? bad / all : 0;
}
