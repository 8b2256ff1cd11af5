import type { TextRun } from '../parse/pdf/page-content.ts';
import { otsuThreshold, type GrayImage } from './gray-image.ts';
import type { OcrLine, OcrWord } from './hocr.ts';


/** Tesseract's `x_size` (row height) is about one em of the font: measured 0.97–1.03 on 8 and 11 pt DejaVu at 300 dpi. */
const EM_PER_ROW = 1;
/** A line whose row height is within this ratio of the page's usual one is body text of the usual size. */
const SAME_SIZE = [0.72, 1.25] as const;
/** Stems this much thicker than the page's usual ones are bold. */
const BOLD_STROKE = 1.3;
/** Same vertical metrics as the PDF reader's defaults, so OCR and text-layer lines group alike. */
const ASCENT = 0.8;
const DESCENT = 0.2;

/**
 * OCR lines → one text run per word, in page points (top-down, like the PDF reader's runs). Words
 * of one line share its baseline and font size, so the line builder keeps them on one line and
 * puts spaces between them; a column gap or a cell rule still separates them. The size of body
 * lines is the page's median, so the line pitch reads the same from line to line; bold is judged
 * from stem thickness against the page's usual stems.
 */
export function wordRuns(lines: readonly OcrLine[], image: GrayImage, dpi: number): TextRun[] {
  const pt = 72 / dpi;
  const sizes = lines.map((l) => l.size).sort((a, b) => a - b);
  const bodyRow = sizes[Math.floor(sizes.length / 2)] ?? 0;
  const ink = otsuThreshold(image);
  const strokes = new Map<OcrWord, number>();
  for (const line of lines) for (const w of line.words) strokes.set(w, strokeWidth(image, w, ink));
  const allStrokes = [...strokes.values()].filter((s) => s > 0).sort((a, b) => a - b);
  const usualStroke = allStrokes[Math.floor(allStrokes.length / 2)] ?? 0;
  const runs: TextRun[] = [];
  for (const line of lines) {
    const ratio = bodyRow > 0 ? line.size / bodyRow : 1;
    const row = ratio >= SAME_SIZE[0] && ratio <= SAME_SIZE[1] ? bodyRow : line.size;
    const fontSize = Math.max(1, row * EM_PER_ROW * pt);
    for (const w of line.words) {
      const baseline = (line.baseline + line.slope * ((w.x0 + w.x1) / 2 - line.x0)) * pt;
      const stroke = strokes.get(w) ?? 0;
      runs.push({
        text: w.text,
        x0: w.x0 * pt,
        x1: (w.x1 + 1) * pt,
        top: baseline - ASCENT * fontSize,
        bottom: baseline + DESCENT * fontSize,
        baseline,
        fontSize,
        fontName: 'ocr',
        bold: usualStroke > 0 && stroke > BOLD_STROKE * usualStroke,
        ocrConfidence: Math.max(0, Math.min(1, w.confidence / 100)),
      });
    }
  }
  return runs;
}

/**
 * Mean length of the horizontal ink runs inside a word's box: the thickness of its vertical
 * stems, which is what makes bold type look bold.
 */
function strokeWidth(image: GrayImage, w: OcrWord, ink: number): number {
  let dark = 0;
  let starts = 0;
  for (let y = Math.max(0, w.y0); y <= Math.min(image.height - 1, w.y1); y++) {
    let prev = false;
    for (let x = Math.max(0, w.x0); x <= Math.min(image.width - 1, w.x1); x++) {
      const d = (image.data[y * image.width + x] ?? 255) <= ink;
      if (d) {
        dark++;
        if (!prev) starts++;
      }
      prev = d;
    }
  }
  return starts > 0 ? dark / starts : 0;
}
