import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PageContent, Segment } from '../parse/pdf/page-content.ts';
import { estimateSkew } from './deskew.ts';
import { runChecked } from './engine.ts';
import { flattenBackground, readPgm, rotate, writePgm, type GrayImage } from './gray-image.ts';
import { parseHocr, type OcrLine } from './hocr.ts';
import { inkedEmptyCells, placeLines, rereadSheet } from './empty-cells.ts';
import { eraseRules, findImageRules, type PixelRule } from './image-rulings.ts';
import { chooseModels, QUICK_PASS_MODELS, quickPassStrip, type LanguageChoice } from './language-pass.ts';
import { wordRuns } from './word-runs.ts';

/**
 * Render resolution. Tesseract reads best with capitals 20–30 px high; 300 dpi gives that for the
 * 8 pt table text of our reports (measured on the Kyrgyz report: word recall 0.997 at 300 dpi
 * against 0.994 at 200 dpi, at about the same time per page). A 150-dpi scan is upsampled.
 */
export const OCR_DPI = 300;

/** The paper around a pixel is looked for this far (pixels, 5 pt): wider than any rule or bold stem. */
const BACKGROUND_WINDOW = Math.round((5 * OCR_DPI) / 72) | 1;

/**
 * Ink less than this much darker than the paper around it is paper: header shading (#D9D9D9 is 38
 * below white) and JPEG noise on it; the faintest rule of a 150-dpi JPEG scan stays above 60.
 */
const PAPER_CONTRAST = 48;

export interface PageToRead {
  number: number;
  /** Page size in points, as the PDF reader sees it (rotation applied). */
  width: number;
  height: number;
}

export interface OcrPageResult {
  content: PageContent;
  language: LanguageChoice;
  /** Skew corrected, degrees. */
  skew: number;
  /** Mean word confidence, 0–1 (0 when no word was read). */
  confidence: number;
  /** The page image holds no ink at all (an empty page): not sent to Tesseract. */
  blank?: true;
}

export interface PageOcrContext {
  tesseract: string;
  pdftoppm: string;
  languages: ReadonlySet<string>;
  pdfPath: string;
  workDir: string;
  signal: AbortSignal;
  /** The language other pages of the document were found in so far: used when a page's quick pass cannot tell. */
  documentLanguage?: () => LanguageChoice | undefined;
  /** Told each page's decided language. */
  onLanguage?: (choice: LanguageChoice) => void;
}

/**
 * One page image → the page's text runs and ruling lines: render (pdftoppm, grey), deskew
 * (projection profiles), find the ruling lines in the image and whiten them, a quick OCR pass on
 * a strip for the language, the full OCR pass (Tesseract, hOCR) with that language's models, and
 * the words turned into runs in page points. The geometry table finder then reads the page as it
 * reads a text-layer page.
 */
export async function ocrPage(page: PageToRead, ctx: PageOcrContext): Promise<OcrPageResult> {
  const base = join(ctx.workDir, `p${page.number}`);
  await runChecked(ctx.pdftoppm, ['-f', String(page.number), '-l', String(page.number), '-r', String(OCR_DPI), '-gray', '-singlefile', ctx.pdfPath, base], ctx.signal);
  let image = readPgm(new Uint8Array(await readFile(`${base}.pgm`)));
  const skew = estimateSkew(image);
  if (skew !== 0) image = rotate(image, -skew);
  image = flattenBackground(image, BACKGROUND_WINDOW, PAPER_CONTRAST);
  // Word processors print empty pages (a page break before the first line); Tesseract would spend
  // seconds on them to find nothing.
  if (image.data.every((v) => v === 255)) {
    return { content: { number: page.number, width: page.width, height: page.height, runs: [], segments: [], figures: [] }, language: chooseModels('', ctx.languages, ctx.documentLanguage?.()), skew, confidence: 0, blank: true };
  }
  const rules = findImageRules(image, { dpi: OCR_DPI });
  const clean = eraseRules(image, rules, { dpi: OCR_DPI });
  const cleanPath = `${base}-clean.pgm`;
  await writeFile(cleanPath, writePgm(clean));

  const stripPath = `${base}-strip.pgm`;
  await writeFile(stripPath, writePgm(quickPassStrip(clean)));
  const quickModels = QUICK_PASS_MODELS.filter((m) => ctx.languages.has(m));
  const quick = quickModels.length > 0 ? await tesseract(ctx, stripPath, quickModels.join('+'), OCR_DPI / 2, 'txt') : '';
  const decided = ctx.documentLanguage?.();
  const language = chooseModels(quick, ctx.languages, decided);
  if (language.language !== 'und') ctx.onLanguage?.(language);

  const hocr = await tesseract(ctx, cleanPath, language.models, OCR_DPI, 'hocr');
  const lines = parseHocr(hocr);
  lines.push(...(await rereadEmptyCells(ctx, base, clean, rules, lines, language.models)));
  const runs = wordRuns(lines, clean, OCR_DPI);
  const words = runs.length;
  const confidence = words > 0 ? runs.reduce((s, r) => s + (r.ocrConfidence ?? 0), 0) / words : 0;
  const content = { number: page.number, width: page.width, height: page.height, runs, segments: toSegments(rules), figures: [] };
  return { content, language, skew, confidence };
}

/** Words Tesseract's confidence puts below this on a re-read cell are a stamp's or a signature's scrawl. */
const REREAD_MIN_CONFIDENCE = 50;

/**
 * Ruled cells with ink but no word are read again, all in one Tesseract call on a sheet of their
 * crops stacked one under another (block mode: each crop a line of its own).
 */
async function rereadEmptyCells(ctx: PageOcrContext, base: string, image: GrayImage, rules: readonly PixelRule[], lines: readonly OcrLine[], models: string): Promise<OcrLine[]> {
  const parts = inkedEmptyCells(image, rules, lines, OCR_DPI);
  if (parts.length === 0) return [];
  const sheet = rereadSheet(image, parts, OCR_DPI);
  const path = `${base}-cells.pgm`;
  await writeFile(path, writePgm(sheet.image));
  const hocr = await tesseract(ctx, path, models, OCR_DPI, 'hocr', '6');
  return placeLines(sheet, parseHocr(hocr))
    .map((l) => ({ ...l, words: l.words.filter((w) => w.confidence >= REREAD_MIN_CONFIDENCE) }))
    .filter((l) => l.words.length > 0);
}

function tesseract(ctx: PageOcrContext, image: string, models: string, dpi: number, format: 'txt' | 'hocr', psm = '3'): Promise<string> {
  // --psm 3: automatic page segmentation; with the rules whitened it finds the cells as blocks.
  return runChecked(ctx.tesseract, [image, 'stdout', '-l', models, '--psm', psm, '--dpi', String(dpi), format], ctx.signal).then((b) => b.toString('utf8'));
}

function toSegments(rules: readonly PixelRule[]): Segment[] {
  const pt = 72 / OCR_DPI;
  return rules.map((r) => ({ orientation: r.orientation, at: r.at * pt, from: r.from * pt, to: (r.to + 1) * pt }));
}
