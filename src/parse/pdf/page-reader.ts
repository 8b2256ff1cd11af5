import { multiply, type Matrix } from './matrix.ts';
import { AnnotationMode, type PDFPageProxy } from './pdfjs.ts';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.d.ts';
import type { Box, PageContent, TextRun } from './page-content.ts';
import { rulingSegments, type OperatorList } from './ruling-lines.ts';
import { withoutTextDecorations } from './text-decorations.ts';
import { repairGlyphText } from './glyph-text.ts';
import { fontUnicodeMapping } from './unicode-map-check.ts';
import { glyphsToRuns, quarterTurn, readGlyphs, textQuarter, turnGlyphs, type FontMetrics } from './glyph-runs.ts';


export interface PageStats {
  mappedPrivateUse: number;
  unknownPrivateUse: number;
  /** Font (PostScript) names seen on the page, by pdf.js font id. */
  fonts: Map<string, string>;
  /** Text per pdf.js font id, for the Unicode-map check. */
  textByFont: Map<string, string>;
  /** Fonts whose codes the file maps to characters itself (ToUnicode or known glyph names). */
  mappedFonts: Set<string>;
}


const BOLD_NAME = /bold|black|heavy|semibold|demi|,b$|-b$/i;

interface FontInfo {
  name?: unknown;
  bold?: unknown;
  black?: unknown;
  fontMatrix?: unknown;
  ascent?: unknown;
  descent?: unknown;
}

/**
 * Reads one page into text runs and ruling segments in top-down page coordinates, both from the
 * operator list (one pass over the content stream). Reading it makes pdf.js load the page's fonts
 * into `commonObjs`, where widths, metrics and real font names (bold faces) are looked up.
 */
export async function readPage(page: PDFPageProxy, stats: PageStats): Promise<PageContent> {
  const viewport = page.getViewport({ scale: 1 });
  const vt = viewport.transform as Matrix;
  // Annotations (form fields, stamps) are not report content; skipping them saves their appearance streams.
  const ops = (await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE })) as unknown as OperatorList;
  const metricsCache = new Map<string, FontMetrics>();
  const metrics = (id: string): FontMetrics => {
    const known = metricsCache.get(id);
    if (known) return known;
    const m: FontMetrics = { widthScale: 0.001, ascent: 0.8, descent: -0.2, bold: false };
    try {
      if (id !== '' && page.commonObjs.has(id)) {
        const font = page.commonObjs.get(id) as FontInfo;
        const name = typeof font.name === 'string' ? font.name : '';
        // Font ids are the document's: its encoding is judged on the first page that uses it.
        if (!stats.fonts.has(id) && fontUnicodeMapping(font) === 'defined') stats.mappedFonts.add(id);
        stats.fonts.set(id, name);
        m.bold = font.bold === true || font.black === true || BOLD_NAME.test(name.replace(/^[A-Z]{6}\+/, ''));
        const fm = font.fontMatrix;
        if (Array.isArray(fm) && typeof fm[0] === 'number' && fm[0] !== 0) m.widthScale = fm[0];
        if (typeof font.ascent === 'number' && font.ascent > 0) m.ascent = clamp(font.ascent, 0.6, 0.95);
        if (typeof font.descent === 'number' && font.descent < 0) m.descent = clamp(font.descent, -0.35, -0.05);
      }
    } catch {
      // A font pdf.js could not load still yields text; default metrics place it well enough.
    }
    metricsCache.set(id, m);
    return m;
  };
  // A page whose text mostly runs down or up the sheet (a wide table printed sideways, a
  // landscape page in a portrait document) is read turned so that its text runs left to right:
  // glyphs and rules alike, so rows stay rows.
  const glyphs = readGlyphs(ops, vt, metrics);
  const quarter = textQuarter(glyphs);
  const frame = quarterTurn(quarter, viewport.width, viewport.height);
  const sideways = quarter === 1 || quarter === 3;
  const figures: Box[] = [];
  const segments = rulingSegments(ops, multiply(vt, frame), figures);
  if (quarter !== 0) turnGlyphs(glyphs, frame);
  let raw = glyphsToRuns(glyphs, segments);
  if (raw.length === 0) raw = await textContentRuns(page, vt, metrics);
  const runs: TextRun[] = [];
  for (const run of raw) {
    const repaired = repairGlyphText(run.text);
    stats.mappedPrivateUse += repaired.mappedPrivateUse;
    stats.unknownPrivateUse += repaired.unknownPrivateUse;
    stats.textByFont.set(run.fontName, (stats.textByFont.get(run.fontName) ?? '') + repaired.text + ' ');
    if (repaired.text.trim() === '') continue;
    runs.push({ ...run, text: repaired.text });
  }
  const width = sideways ? viewport.height : viewport.width;
  const height = sideways ? viewport.width : viewport.height;
  // Underlined links and struck-out text are strokes like cell rules; only rules are kept.
  const rules = withoutTextDecorations(segments, runs);
  return { number: page.pageNumber, width, height, runs, segments: rules, figures, ...(quarter !== 0 ? { quarter } : {}) };
}

/** pdf.js text items as runs: the fallback when the operator list yields no glyphs. */
async function textContentRuns(page: PDFPageProxy, vt: Matrix, metrics: (id: string) => FontMetrics): Promise<TextRun[]> {
  const content = await page.getTextContent();
  const runs: TextRun[] = [];
  for (const raw of content.items) {
    if (!('str' in raw)) continue;
    const item = raw as TextItem;
    if (item.str.trim() === '') continue;
    const tm = item.transform as Matrix;
    const t = multiply(tm, vt);
    const style = content.styles[item.fontName];
    const ascent = clamp(style?.ascent ?? 0.8, 0.6, 0.95);
    const descent = clamp(style?.descent ?? -0.2, -0.35, -0.05);
    const userScale = Math.hypot(tm[0], tm[1]) || 1;
    const w = item.width / userScale;
    // Glyph box corners in text space (units of the font size), mapped to the page.
    const corners: [number, number][] = [
      [0, descent],
      [w, descent],
      [w, ascent],
      [0, ascent],
    ].map(([u = 0, v = 0]) => [t[0] * u + t[2] * v + t[4], t[1] * u + t[3] * v + t[5]]);
    const xs = corners.map((c) => c[0]);
    const ys = corners.map((c) => c[1]);
    const fontSize = Math.hypot(t[2], t[3]);
    if (!(fontSize > 0.5)) continue;
    runs.push({
      text: item.str,
      x0: Math.min(...xs),
      x1: Math.max(...xs),
      top: Math.min(...ys),
      bottom: Math.max(...ys),
      baseline: t[5],
      fontSize,
      fontName: item.fontName,
      bold: metrics(item.fontName).bold,
    });
  }
  return runs;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
