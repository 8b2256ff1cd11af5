import { describe, expect, it } from 'vitest';
import { estimateSkew } from '../../src/ocr/deskew.ts';
import { flattenBackground, readPgm, rotate, writePgm, type GrayImage } from '../../src/ocr/gray-image.ts';
import { eraseRules, findImageRules } from '../../src/ocr/image-rulings.ts';
import { parseHocr } from '../../src/ocr/hocr.ts';

/** Small deterministic PRNG so a failing variant can be replayed from its seed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Grid {
  image: GrayImage;
  rowsY: number[];
  colsX: number[];
}

/**
 * A ruled table on a white page at 150 dpi: random column widths and row heights, rules 1–3 px,
 * word-like ink blobs in the cells, grey paper noise; optionally a stamp ring over it.
 */
function ruledPage(rand: () => number, stamp: boolean): Grid {
  const width = 1240;
  const height = 880;
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = 235 + Math.floor(rand() * 20);
  const set = (x: number, y: number, v: number): void => {
    if (x >= 0 && y >= 0 && x < width && y < height) data[y * width + x] = v;
  };
  const colsX = [100];
  while ((colsX[colsX.length - 1] ?? 0) < 900) colsX.push((colsX[colsX.length - 1] ?? 0) + 80 + Math.floor(rand() * 160));
  const rowsY = [120];
  while ((rowsY[rowsY.length - 1] ?? 0) < 650) rowsY.push((rowsY[rowsY.length - 1] ?? 0) + 40 + Math.floor(rand() * 120));
  const left = colsX[0] ?? 0;
  const right = colsX[colsX.length - 1] ?? 0;
  const top = rowsY[0] ?? 0;
  const bottom = rowsY[rowsY.length - 1] ?? 0;
  const thick = 1 + Math.floor(rand() * 3);
  for (const y of rowsY) for (let x = left; x <= right; x++) for (let t = 0; t < thick; t++) set(x, y + t, 20);
  for (const x of colsX) for (let y = top; y <= bottom; y++) for (let t = 0; t < thick; t++) set(x + t, y, 20);
  // Words: short dark blobs with letter-like gaps, in text lines inside every cell.
  for (let r = 0; r + 1 < rowsY.length; r++) {
    for (let c = 0; c + 1 < colsX.length; c++) {
      for (let y = (rowsY[r] ?? 0) + 10; y + 12 < (rowsY[r + 1] ?? 0) - 6; y += 20) {
        let x = (colsX[c] ?? 0) + 8;
        while (x + 30 < (colsX[c + 1] ?? 0) - 8) {
          const w = 10 + Math.floor(rand() * 40);
          for (let dx = 0; dx < w; dx++) if (dx % 6 < 3) for (let dy = 0; dy < 12; dy++) set(x + dx, y + dy, 30);
          x += w + 8;
        }
      }
    }
  }
  if (stamp) {
    const cx = 700;
    const cy = 400;
    for (let a = 0; a < 3600; a++) {
      const t = (a / 3600) * 2 * Math.PI;
      for (let d = 0; d < 4; d++) set(Math.round(cx + (110 + d) * Math.cos(t)), Math.round(cy + (110 + d) * Math.sin(t)), 90);
    }
  }
  return { image: { width, height, data }, rowsY, colsX };
}

describe('deskew: the page angle from projection profiles', () => {
  it.each([1, 2, 3, 4, 5, 6])('finds a random skew within 0.1° (variant %i)', (seed) => {
    const rand = prng(seed);
    const { image } = ruledPage(rand, seed % 2 === 0);
    const angle = (rand() * 2 - 1) * 2.5;
    const skewed = rotate(image, angle);
    expect(Math.abs(estimateSkew(skewed) - angle)).toBeLessThan(0.1);
  });

  it('leaves a straight page at 0', () => {
    expect(estimateSkew(ruledPage(prng(9), false).image)).toBe(0);
  });
});

describe('ruling lines from the image', () => {
  it.each([11, 12, 13, 14, 15, 16])('finds every rule of a random grid and nothing else, stamp or not (variant %i)', (seed) => {
    const rand = prng(seed);
    const grid = ruledPage(rand, seed % 2 === 1);
    const angle = (rand() * 2 - 1) * 1;
    const page = rotate(rotate(grid.image, angle), -estimateSkew(rotate(grid.image, angle)));
    const rules = findImageRules(page, { dpi: 150 });
    const hs = rules.filter((r) => r.orientation === 'h').map((r) => r.at).sort((a, b) => a - b);
    const vs = rules.filter((r) => r.orientation === 'v').map((r) => r.at).sort((a, b) => a - b);
    expect(hs).toHaveLength(grid.rowsY.length);
    expect(vs).toHaveLength(grid.colsX.length);
    // Rotating there and back moves a rule by under a pixel or two plus half its thickness.
    hs.forEach((y, i) => expect(Math.abs(y - (grid.rowsY[i] ?? 0))).toBeLessThan(4));
    vs.forEach((x, i) => expect(Math.abs(x - (grid.colsX[i] ?? 0))).toBeLessThan(4));
  });

  it('erasing the rules leaves the words', () => {
    const grid = ruledPage(prng(21), false);
    const rules = findImageRules(grid.image, { dpi: 150 });
    const clean = eraseRules(grid.image, rules, { dpi: 150 });
    const darkAt = (img: GrayImage, x: number, y: number): boolean => (img.data[y * img.width + x] ?? 255) < 128;
    const y = grid.rowsY[1] ?? 0;
    expect(darkAt(grid.image, 400, y)).toBe(true);
    expect(darkAt(clean, 400, y)).toBe(false);
    // Word ink inside the first cell survives.
    let before = 0;
    let after = 0;
    for (let yy = (grid.rowsY[0] ?? 0) + 8; yy < y - 4; yy++) {
      for (let x = (grid.colsX[0] ?? 0) + 6; x < (grid.colsX[1] ?? 0) - 4; x++) {
        if (darkAt(grid.image, x, yy)) before++;
        if (darkAt(clean, x, yy)) after++;
      }
    }
    expect(before).toBeGreaterThan(0);
    expect(after).toBe(before);
  });
});

describe('background flattening', () => {
  it('equals a brute-force local maximum, and turns shading white while ink keeps its contrast', () => {
    const rand = prng(41);
    const width = 57;
    const height = 23;
    const data = new Uint8Array(width * height).map(() => Math.floor(rand() * 256));
    const image = { width, height, data };
    const flat = flattenBackground(image, 7);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let max = 0;
        for (let dy = -3; dy <= 3; dy++) for (let dx = -3; dx <= 3; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          if (yy >= 0 && xx >= 0 && yy < height && xx < width) max = Math.max(max, data[yy * width + xx] ?? 0);
        }
        expect(flat.data[y * width + x]).toBe(255 - (max - (data[y * width + x] ?? 0)));
      }
    }
    // A grey band (shading) with a dark line in it: the band goes white, the line stays dark.
    const shaded = new Uint8Array(100 * 40).fill(250);
    for (let y = 10; y < 30; y++) for (let x = 0; x < 100; x++) shaded[y * 100 + x] = x === 50 ? 40 : 215;
    const f = flattenBackground({ width: 100, height: 40, data: shaded }, 9);
    expect(f.data[20 * 100 + 20]).toBe(255);
    expect(f.data[20 * 100 + 50]).toBeLessThan(90);
  });
});

describe('image files and Tesseract output', () => {
  it('PGM round trip', () => {
    const image = ruledPage(prng(31), false).image;
    const back = readPgm(writePgm(image));
    expect(back.width).toBe(image.width);
    expect(back.height).toBe(image.height);
    expect(Buffer.from(back.data).equals(Buffer.from(image.data))).toBe(true);
  });

  it('hOCR lines carry baseline, size and words with confidences', () => {
    const hocr = `<div class='ocr_carea'><span class='ocr_line' id='line_1_1' title="bbox 104 98 232 115; baseline 0.01 -4; x_size 27; x_descenders 6; x_ascenders 7">
      <span class='ocrx_word' id='word_1_1' title='bbox 104 98 160 115; x_wconf 75'>Стратегия&amp;</span>
      <span class='ocrx_word' id='word_1_2' title='bbox 170 98 232 115; x_wconf 96'><strong>максат</strong></span></span></div>`;
    const [line] = parseHocr(hocr);
    expect(line).toMatchObject({ x0: 104, y1: 115, baseline: 111, slope: 0.01, size: 27, descenders: 6 });
    expect(line?.words.map((w) => [w.text, w.confidence])).toEqual([
      ['Стратегия&', 75],
      ['максат', 96],
    ]);
  });
});
