import { clusterValues } from '../parse/pdf/table-grid.ts';
import { otsuThreshold, type GrayImage } from './gray-image.ts';
import type { OcrLine } from './hocr.ts';
import type { PixelRule } from './image-rulings.ts';

/** A part of the page image copied into the re-read sheet. */
export interface Placement {
  /** Where the ink sits on the page (pixels). */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Where it sits on the sheet: top row. */
  sheetTop: number;
  sheetLeft: number;
}

export interface RereadSheet {
  image: GrayImage;
  placements: Placement[];
}

/**
 * Cells of a ruled table that hold ink but got no word from the page pass. Tesseract's page
 * segmentation drops a lone short text in a narrow cell (the row number «2» in a «№» column, a
 * score «10») as noise. Only cells closed by rules on all four sides count, so a stamp in a
 * merged cell or an empty margin is left alone. Boxes are in pixels.
 */
export function inkedEmptyCells(image: GrayImage, rules: readonly PixelRule[], lines: readonly OcrLine[], dpi: number): Placement[] {
  const pt = dpi / 72;
  const snap = 3 * pt;
  const hs = rules.filter((r) => r.orientation === 'h');
  const vs = rules.filter((r) => r.orientation === 'v');
  const ys = clusterValues(hs.map((r) => r.at), snap);
  const xs = clusterValues(vs.map((r) => r.at), snap);
  const covered = (list: readonly PixelRule[], at: number, along: number): boolean =>
    list.some((r) => Math.abs(r.at - at) <= snap && along >= r.from && along <= r.to);
  const ink = otsuThreshold(image);
  const margin = Math.round(1.5 * pt);
  const minInk = Math.round(5 * (dpi / 100) ** 2);
  const words = lines.flatMap((l) => l.words);
  const out: Placement[] = [];
  for (let i = 0; i + 1 < ys.length; i++) {
    for (let j = 0; j + 1 < xs.length; j++) {
      const top = ys[i] ?? 0;
      const bottom = ys[i + 1] ?? 0;
      const left = xs[j] ?? 0;
      const right = xs[j + 1] ?? 0;
      const midY = (top + bottom) / 2;
      const midX = (left + right) / 2;
      if (!covered(vs, left, midY) || !covered(vs, right, midY) || !covered(hs, top, midX) || !covered(hs, bottom, midX)) continue;
      const box = { x0: Math.ceil(left + margin), x1: Math.floor(right - margin), y0: Math.ceil(top + margin), y1: Math.floor(bottom - margin) };
      if (box.x1 <= box.x0 || box.y1 <= box.y0) continue;
      if (words.some((w) => w.x0 < box.x1 && w.x1 > box.x0 && w.y0 < box.y1 && w.y1 > box.y0)) continue;
      let dark = 0;
      let x0 = box.x1;
      let x1 = box.x0;
      let y0 = box.y1;
      let y1 = box.y0;
      for (let y = box.y0; y <= box.y1; y++) {
        for (let x = box.x0; x <= box.x1; x++) {
          if ((image.data[y * image.width + x] ?? 255) > ink) continue;
          dark++;
          if (x < x0) x0 = x;
          if (x > x1) x1 = x;
          if (y < y0) y0 = y;
          if (y > y1) y1 = y;
        }
      }
      if (dark >= minInk) out.push({ x0, y0, x1, y1, sheetTop: 0, sheetLeft: 0 });
    }
  }
  return out;
}

/** The inked parts stacked one under another on a white sheet, far enough apart to be separate lines. */
export function rereadSheet(image: GrayImage, parts: Placement[], dpi: number): RereadSheet {
  const pad = Math.round(dpi / 8);
  const width = Math.max(...parts.map((p) => p.x1 - p.x0 + 1)) + 2 * pad;
  let height = pad;
  const placements = parts.map((p) => {
    const placed = { ...p, sheetTop: height, sheetLeft: pad };
    height += p.y1 - p.y0 + 1 + pad;
    return placed;
  });
  const data = new Uint8Array(width * height).fill(255);
  for (const p of placements) {
    for (let y = p.y0; y <= p.y1; y++) {
      const row = image.data.subarray(y * image.width + p.x0, y * image.width + p.x1 + 1);
      data.set(row, (p.sheetTop + y - p.y0) * width + p.sheetLeft);
    }
  }
  return { image: { width, height, data }, placements };
}

/** Lines read from the sheet, moved back to where their ink is on the page. */
export function placeLines(sheet: RereadSheet, lines: readonly OcrLine[]): OcrLine[] {
  const out: OcrLine[] = [];
  for (const line of lines) {
    const cy = (line.y0 + line.y1) / 2;
    const p = sheet.placements.find((q) => cy >= q.sheetTop - 2 && cy <= q.sheetTop + (q.y1 - q.y0) + 2);
    if (!p) continue;
    const dx = p.x0 - p.sheetLeft;
    const dy = p.y0 - p.sheetTop;
    out.push({
      ...line,
      x0: line.x0 + dx,
      x1: line.x1 + dx,
      y0: line.y0 + dy,
      y1: line.y1 + dy,
      baseline: line.baseline + dy,
      words: line.words.map((w) => ({ ...w, x0: w.x0 + dx, x1: w.x1 + dx, y0: w.y0 + dy, y1: w.y1 + dy })),
    });
  }
  return out;
}
