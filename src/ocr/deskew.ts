import { otsuThreshold, shrinkDarkest, type GrayImage } from './gray-image.ts';

/** Widest skew looked for, in degrees: a page fed crookedly through a scanner. */
const MAX_SKEW = 5;

/**
 * The page's skew in degrees (positive: lines fall to the right, i.e. the content is turned
 * clockwise), from projection profiles: at the right angle, ruling lines and text lines each fall
 * into few rows of a projection, so the sum of squared row counts peaks. Long table rules give a
 * sharp peak; text lines alone still give a clear one. A coarse search on a 1/4-scale image is
 * refined on a 1/2-scale one.
 */
export function estimateSkew(image: GrayImage): number {
  const coarse = darkPixels(shrinkDarkest(image, 4));
  let best = bestAngle(coarse, -MAX_SKEW, MAX_SKEW, 0.1);
  const fine = darkPixels(shrinkDarkest(image, 2));
  best = bestAngle(fine, best - 0.12, best + 0.12, 0.02);
  return Math.abs(best) < 0.02 ? 0 : best;
}

interface Points {
  xs: Int32Array;
  ys: Int32Array;
  height: number;
  width: number;
}

function darkPixels(image: GrayImage): Points {
  const threshold = otsuThreshold(image);
  let n = 0;
  for (const v of image.data) if (v <= threshold) n++;
  // Thousands of points are plenty for an angle; a stride keeps a dense page cheap.
  const stride = Math.max(1, Math.floor(n / 200_000));
  const xs = new Int32Array(Math.ceil(n / stride));
  const ys = new Int32Array(xs.length);
  let k = 0;
  let seen = 0;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if ((image.data[y * image.width + x] ?? 255) > threshold) continue;
      if (seen++ % stride !== 0 || k >= xs.length) continue;
      xs[k] = x;
      ys[k] = y;
      k++;
    }
  }
  return { xs: xs.subarray(0, k), ys: ys.subarray(0, k), height: image.height, width: image.width };
}

function bestAngle(points: Points, from: number, to: number, step: number): number {
  let best = 0;
  let bestScore = -1;
  const pad = Math.ceil(points.width * Math.tan((MAX_SKEW * Math.PI) / 180)) + 2;
  const bins = new Int32Array(points.height + 2 * pad);
  for (let a = from; a <= to + 1e-9; a += step) {
    const t = Math.tan((a * Math.PI) / 180);
    bins.fill(0);
    for (let i = 0; i < points.xs.length; i++) {
      const r = Math.round((points.ys[i] ?? 0) - (points.xs[i] ?? 0) * t) + pad;
      if (r >= 0 && r < bins.length) bins[r] = (bins[r] ?? 0) + 1;
    }
    let score = 0;
    for (const b of bins) score += b * b;
    // Ties go to the angle nearest zero (an unskewed page stays untouched).
    if (score > bestScore * 1.0000001 || (score >= bestScore && Math.abs(a) < Math.abs(best))) {
      bestScore = score;
      best = a;
    }
  }
  return Math.round(best * 100) / 100;
}
