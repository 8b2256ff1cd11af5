import { finding, type Finding } from '../../model/finding.ts';
import { parseFailure, type Parser } from '../parser.ts';
import { openPdfRepairing } from './pdf-open.ts';
import { readPage, type PageStats } from './page-reader.ts';
import type { PageContent } from './page-content.ts';
import { glyphFindings } from './glyph-findings.ts';
import { layOutDocument } from './document-layout.ts';
import { pdfMetadata } from './pdf-metadata.ts';
import { readScannedPages } from '../../ocr/scanned-pages.ts';

/**
 * PDF → DocTree (issue 4), in order: open (repairing a cut file), read every page's glyphs and
 * ruling lines from pdf.js, report glyph trouble, lay the pages out as blocks (tables rebuilt from
 * geometry, running text in reading order), read the info dictionary. Each page's table is its own
 * block; a table running on from the previous page says so (`continuesPrevious`, header rows, cut
 * rows) for the table normalizer to stitch.
 */
export const parsePdf: Parser = async ({ bytes, limits, deadline }) => {
  if (bytes.byteLength > limits.maxInputBytes) {
    return parseFailure('pdf/too-large', `The PDF is ${bytes.byteLength} bytes; the limit is ${limits.maxInputBytes}.`);
  }
  const opened = await openPdfRepairing(bytes);
  if (!opened.ok) return parseFailure(opened.code, opened.message);
  const findings: Finding[] = [...opened.findings];
  const pdf = opened.doc;
  try {
    const total = pdf.numPages;
    const count = Math.min(total, limits.maxPages);
    if (count < total) {
      findings.push(finding('pdf/page-limit', 'warning', `Only the first ${count} of ${total} pages were read (page limit).`));
    }
    const stats: PageStats = { mappedPrivateUse: 0, unknownPrivateUse: 0, fonts: new Map(), textByFont: new Map(), mappedFonts: new Set() };
    const pages: PageContent[] = [];
    for (let n = 1; n <= count; n++) {
      try {
        const page = await pdf.getPage(n);
        pages.push(await readPage(page, stats));
        page.cleanup();
      } catch (error) {
        const cause = error instanceof Error ? error.message : String(error);
        findings.push(finding('pdf/page-unreadable', 'warning', `Page ${n} could not be read and was skipped.`, { page: n }, cause));
      }
    }
    if (pages.length === 0) return parseFailure('pdf/corrupt', 'No page of the PDF could be read.');
    // Pages without a usable text layer (scans) are OCR'd into text runs and ruling lines (src/ocr/).
    const scanned = await readScannedPages(bytes, pages, stats.textByFont, deadline === undefined ? {} : { deadline }, stats.mappedFonts);
    if (!scanned.ok) return parseFailure(scanned.code, scanned.message);
    pages.splice(0, pages.length, ...scanned.pages);
    if (pages.every((p) => p.runs.length === 0)) {
      if (scanned.allBlank) return parseFailure('pdf/blank', `All ${pages.length} page(s) of the PDF are blank: nothing is printed on them.`);
      const why = scanned.notRead === undefined ? 'and OCR found no text either.' : `OCR is needed. ${scanned.notRead}`;
      return parseFailure('pdf/no-text-layer', `The PDF has ${pages.length} page(s) but no text layer (scanned images?); ${why}`);
    }
    findings.push(...scanned.findings);
    for (const p of pages) {
      if (p.runs.length === 0 && !scanned.findings.some((f) => f.location.page === p.number)) {
        findings.push(finding('pdf/page-without-text', 'info', `Page ${p.number} has no text layer.`, { page: p.number }));
      }
    }
    findings.push(...glyphFindings(stats));
    const blocks = layOutDocument(pages);
    const metadata = pdfMetadata((await pdf.getMetadata().catch(() => undefined))?.info);
    return { ok: true, doc: { format: 'pdf', pages: total, metadata, blocks, findings } };
  } catch (error) {
    // Anything pdf.js throws past the page level means the file is unreadable as a whole.
    const cause = error instanceof Error ? error.message : String(error);
    return parseFailure('pdf/corrupt', `The PDF cannot be read: ${cause}`);
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
};
