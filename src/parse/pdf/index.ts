import type { Block, DocTree } from '../../model/doc-tree.ts';
import { finding, type Finding } from '../../model/finding.ts';
import { parseFailure, type Parser } from '../parser.ts';
import { openPdf } from './pdf-open.ts';
import { repairPdf } from './pdf-repair.ts';
import { readPage, type PageStats } from './page-reader.ts';
import type { Box, PageContent } from './page-content.ts';
import { readingOrder } from './reading-order.ts';
import { findTables, type PageTables } from './table-finder.ts';
import { collectWords } from './cell-text.ts';
import { tableBlock, textBlocks } from './page-blocks.ts';
import { linkPageTables, type PlacedTable } from './page-continuation.ts';
import { checkFontText } from './unicode-map-check.ts';

/** Lines this close to the top or bottom edge (share of page height) are page furniture. */
const FURNITURE_BAND = 0.08;

/**
 * PDF → DocTree (issue 4). Text and ruling lines come from pdf.js; tables are rebuilt from page
 * geometry (lattice from rules, stream from alignment); each page's table is its own block, and
 * a table running on from the previous page says so (`continuesPrevious`, header rows, cut rows)
 * for the table normalizer to stitch.
 */
export const parsePdf: Parser = async ({ bytes, limits }) => {
  if (bytes.byteLength > limits.maxInputBytes) {
    return parseFailure('pdf/too-large', `The PDF is ${bytes.byteLength} bytes; the limit is ${limits.maxInputBytes}.`);
  }
  const findings: Finding[] = [];
  let opened = await openPdf(bytes);
  // Only a file that starts as a PDF can have been cut short; anything else is just not a PDF.
  if (startsAsPdf(bytes) && !hasEofMarker(bytes)) {
    findings.push(finding('pdf/truncated', 'warning', 'The PDF ends without an %%EOF marker (truncated or damaged); pages that could be read were kept.'));
  }
  if (!opened.ok && opened.code === 'pdf/corrupt') {
    // pdf.js cannot find a trailer in a cut file; rebuild the cross-reference table and retry.
    const repaired = repairPdf(bytes);
    if (repaired) {
      const retry = await openPdf(repaired.bytes);
      if (retry.ok) {
        opened = retry;
        const how = repaired.rebuiltPageTree ? 'and a new page tree from the loose page objects' : 'from the objects that are complete';
        findings.push(finding('pdf/xref-rebuilt', 'warning', `The cross-reference table was rebuilt ${how} (${repaired.objects} objects).`));
      }
    }
  }
  if (!opened.ok) {
    const truncated = findings.some((f) => f.code === 'pdf/truncated');
    const message = truncated ? `${opened.message} The file is truncated and no page could be recovered.` : opened.message;
    return parseFailure(opened.code, message);
  }
  const pdf = opened.doc;
  try {
    const total = pdf.numPages;
    const count = Math.min(total, limits.maxPages);
    if (count < total) {
      findings.push(finding('pdf/page-limit', 'warning', `Only the first ${count} of ${total} pages were read (page limit).`));
    }
    const stats: PageStats = { mappedPrivateUse: 0, unknownPrivateUse: 0, fonts: new Map(), textByFont: new Map() };
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
    if (pages.every((p) => p.runs.length === 0)) {
      return parseFailure('pdf/no-text-layer', `The PDF has ${pages.length} page(s) but no text layer (scanned images?); OCR is needed.`);
    }
    for (const p of pages) {
      if (p.runs.length === 0) findings.push(finding('pdf/page-without-text', 'info', `Page ${p.number} has no text layer.`, { page: p.number }));
    }
    if (stats.mappedPrivateUse > 0) {
      findings.push(finding('pdf/private-use-glyph', 'info', `${stats.mappedPrivateUse} private-use symbol-font glyph(s) (e.g. U+F0B7) were mapped to the characters they show (e.g. "•").`));
    }
    if (stats.unknownPrivateUse > 0) {
      findings.push(finding('pdf/private-use-unknown', 'warning', `${stats.unknownPrivateUse} private-use glyph(s) with no known meaning were kept as they are.`));
    }
    for (const [font, text] of stats.textByFont) {
      const verdict = checkFontText(text);
      if (verdict.suspicious) {
        const name = stats.fonts.get(font) ?? font;
        findings.push(finding('pdf/no-unicode-map', 'warning', `Font ${name} has no usable Unicode map: its text is not real characters (${verdict.reason}). Text in this font is unreliable.`, {}, name));
      }
    }

    const found: PageTables[] = pages.map(findTables);
    const words = collectWords(pages.flatMap((p) => p.runs.map((r) => r.text)));
    const bodySize = medianFontSize(pages);
    const blocks: Block[] = [];
    const placed: PlacedTable[] = [];
    pages.forEach((page, i) => {
      const res = found[i];
      if (!res) return;
      if (i > 0) blocks.push({ kind: 'page-break', position: { page: page.number } });
      // The text frame of the page (all ink, tables included) tells where lines end short.
      const frame = { width: page.width, left: page.width, right: 0 };
      for (const r of page.runs) {
        frame.left = Math.min(frame.left, r.x0);
        frame.right = Math.max(frame.right, r.x1);
      }
      const order = readingOrder(res.textLines, frame, res.tables.map((t) => t.box));
      const items: { box: Box; block: Block }[] = textBlocks(order.lines, page.number, frame, bodySize, words);
      const content = res.textLines.filter((l) => !isFurniture(l.top, l.bottom, page.height));
      res.tables.forEach((table, t) => {
        const block = tableBlock(table, page.number, words);
        const lastOnPage = t === res.tables.length - 1 && !content.some((l) => l.top > table.box.bottom);
        const firstOnPage = t === 0 && !content.some((l) => l.bottom < table.box.top);
        placed.push({ page: page.number, table, block, lastOnPage, firstOnPage });
        items.push({ box: table.box, block });
      });
      items.sort((a, b) => order.key(a.box) - order.key(b.box));
      blocks.push(...items.map((it) => it.block));
    });
    linkPageTables(placed);

    const info = await pdf.getMetadata().catch(() => undefined);
    const meta = (info?.info ?? {}) as Record<string, unknown>;
    const metadata: DocTree['metadata'] = {};
    if (typeof meta['Title'] === 'string' && meta['Title'].trim() !== '') metadata.title = meta['Title'].trim();
    if (typeof meta['Author'] === 'string' && meta['Author'].trim() !== '') metadata.author = meta['Author'].trim();
    if (typeof meta['Language'] === 'string' && meta['Language'].trim() !== '') metadata.declaredLanguage = meta['Language'].trim();
    if (typeof meta['CreationDate'] === 'string') {
      const created = pdfDate(meta['CreationDate']);
      if (created) metadata.created = created;
    }
    return { ok: true, doc: { format: 'pdf', pages: total, metadata, blocks, findings } };
  } catch (error) {
    // Anything pdf.js throws past the page level means the file is unreadable as a whole.
    const cause = error instanceof Error ? error.message : String(error);
    return parseFailure('pdf/corrupt', `The PDF cannot be read: ${cause}`);
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
};

function isFurniture(top: number, bottom: number, height: number): boolean {
  return bottom < height * FURNITURE_BAND || top > height * (1 - FURNITURE_BAND);
}

function medianFontSize(pages: readonly PageContent[]): number {
  const sizes = pages.flatMap((p) => p.runs.map((r) => Math.round(r.fontSize * 2) / 2));
  if (sizes.length === 0) return 10;
  sizes.sort((a, b) => a - b);
  return sizes[Math.floor(sizes.length / 2)] ?? 10;
}

function startsAsPdf(bytes: Uint8Array): boolean {
  // PDF 32000-1 §7.5.2: the header may follow up to 1024 bytes of other data.
  return Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-');
}

function hasEofMarker(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  return tail.includes('%%EOF');
}

/** PDF date string (PDF 32000-1 §7.9.4, `D:YYYYMMDDHHmmSS…`) to ISO 8601, date and time only. */
function pdfDate(raw: string): string | undefined {
  const m = /^D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?/.exec(raw.trim());
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00'] = m;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}Z`;
}
