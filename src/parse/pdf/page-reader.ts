import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.d.ts';
import type { PageContent, TextRun } from './page-content.ts';
import { rulingSegments, type OperatorList } from './ruling-lines.ts';
import { repairGlyphText } from './glyph-text.ts';

type Matrix = [number, number, number, number, number, number];

export interface PageStats {
  mappedPrivateUse: number;
  unknownPrivateUse: number;
  /** Font (PostScript) names seen on the page, by pdf.js font id. */
  fonts: Map<string, string>;
  /** Text per pdf.js font id, for the Unicode-map check. */
  textByFont: Map<string, string>;
}

function mul(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

const BOLD_NAME = /bold|black|heavy|semibold|demi|,b$|-b$/i;

interface FontInfo {
  name?: unknown;
  bold?: unknown;
  black?: unknown;
}

/**
 * Reads one page into text runs and ruling segments in top-down page coordinates.
 * The operator list is read first: it makes pdf.js load the page's fonts into `commonObjs`,
 * which is where the real font names (and so bold faces) can be looked up.
 */
export async function readPage(page: PDFPageProxy, stats: PageStats): Promise<PageContent> {
  const viewport = page.getViewport({ scale: 1 });
  const vt = viewport.transform as Matrix;
  const ops = (await page.getOperatorList()) as unknown as OperatorList;
  const segments = rulingSegments(ops, vt);
  const content = await page.getTextContent();
  const runs: TextRun[] = [];
  const boldByFont = new Map<string, boolean>();
  const fontBold = (id: string): boolean => {
    const known = boldByFont.get(id);
    if (known !== undefined) return known;
    let bold = false;
    try {
      if (page.commonObjs.has(id)) {
        const font = page.commonObjs.get(id) as FontInfo;
        const name = typeof font.name === 'string' ? font.name : '';
        stats.fonts.set(id, name);
        bold = font.bold === true || font.black === true || BOLD_NAME.test(name.replace(/^[A-Z]{6}\+/, ''));
      }
    } catch {
      // A font pdf.js could not load still yields text; it just cannot tell us it is bold.
    }
    boldByFont.set(id, bold);
    return bold;
  };
  for (const raw of content.items) {
    if (!('str' in raw)) continue;
    const item = raw as TextItem;
    if (item.str.trim() === '') continue;
    const repaired = repairGlyphText(item.str);
    stats.mappedPrivateUse += repaired.mappedPrivateUse;
    stats.unknownPrivateUse += repaired.unknownPrivateUse;
    stats.textByFont.set(item.fontName, (stats.textByFont.get(item.fontName) ?? '') + repaired.text + ' ');
    const tm = item.transform as Matrix;
    const t = mul(vt, tm);
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
    ].map(([u, v]) => [t[0] * (u ?? 0) + t[2] * (v ?? 0) + t[4], t[1] * (u ?? 0) + t[3] * (v ?? 0) + t[5]]);
    const xs = corners.map((c) => c[0]);
    const ys = corners.map((c) => c[1]);
    const fontSize = Math.hypot(t[2], t[3]);
    if (!(fontSize > 0.5)) continue;
    runs.push({
      text: repaired.text,
      x0: Math.min(...xs),
      x1: Math.max(...xs),
      top: Math.min(...ys),
      bottom: Math.max(...ys),
      baseline: t[5],
      fontSize,
      fontName: item.fontName,
      bold: fontBold(item.fontName),
    });
  }
  return { number: page.pageNumber, width: viewport.width, height: viewport.height, runs, segments };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
