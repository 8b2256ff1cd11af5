/**
 * 8-bit greyscale page images (0 black … 255 white), read from and written as binary PGM (P5):
 * `pdftoppm -gray` writes it and Tesseract (Leptonica) reads it, so no image library is needed.
 */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export function readPgm(bytes: Uint8Array): GrayImage {
  // Header: "P5", width, height, maxval, each separated by whitespace (comments start with #),
  // then exactly one whitespace byte before the raster.
  let pos = 0;
  const token = (): string => {
    for (;;) {
      while (pos < bytes.length && isSpace(bytes[pos] ?? 0)) pos++;
      if (bytes[pos] === 0x23) {
        while (pos < bytes.length && bytes[pos] !== 0x0a) pos++;
        continue;
      }
      break;
    }
    const start = pos;
    while (pos < bytes.length && !isSpace(bytes[pos] ?? 0)) pos++;
    return String.fromCharCode(...bytes.subarray(start, pos));
  };
  if (token() !== 'P5') throw new Error('not a binary PGM (P5) image');
  const width = Number(token());
  const height = Number(token());
  const maxval = Number(token());
  pos++;
  if (!(width > 0 && height > 0) || maxval !== 255) throw new Error(`unsupported PGM ${width}x${height} maxval ${maxval}`);
  if (bytes.length - pos < width * height) throw new Error('PGM raster is truncated');
  return { width, height, data: bytes.slice(pos, pos + width * height) };
}

export function writePgm(image: GrayImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(header.length + image.data.length);
  out.set(header, 0);
  out.set(image.data, header.length);
  return out;
}

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

/**
 * Shrinks by an integer factor keeping the darkest pixel of each block, so a one-pixel rule stays
 * a dark line instead of fading into the paper as it would with averaging.
 */
export function shrinkDarkest(image: GrayImage, factor: number): GrayImage {
  const width = Math.max(1, Math.floor(image.width / factor));
  const height = Math.max(1, Math.floor(image.height / factor));
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let min = 255;
      for (let dy = 0; dy < factor; dy++) {
        const row = (y * factor + dy) * image.width + x * factor;
        for (let dx = 0; dx < factor; dx++) {
          const v = image.data[row + dx] ?? 255;
          if (v < min) min = v;
        }
      }
      data[y * width + x] = min;
    }
  }
  return { width, height, data };
}

/**
 * Rotates about the centre by `degrees` (positive turns the content clockwise on screen, y down),
 * bilinear, same canvas size, uncovered corners white.
 */
export function rotate(image: GrayImage, degrees: number): GrayImage {
  const { width, height, data: src } = image;
  const out = new Uint8Array(width * height).fill(255);
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  for (let y = 0; y < height; y++) {
    const dy = y - cy;
    for (let x = 0; x < width; x++) {
      const dx = x - cx;
      // Inverse mapping: where this output pixel comes from in the source.
      const sx = cos * dx + sin * dy + cx;
      const sy = -sin * dx + cos * dy + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= width - 1 || y0 >= height - 1) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * width + x0;
      const top = (src[i] ?? 255) * (1 - fx) + (src[i + 1] ?? 255) * fx;
      const bottom = (src[i + width] ?? 255) * (1 - fx) + (src[i + width + 1] ?? 255) * fx;
      out[y * width + x] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return { width, height, data: out };
}

/** Otsu's threshold of the grey histogram: the level that best splits ink from paper. */
export function otsuThreshold(image: GrayImage): number {
  const hist = new Float64Array(256);
  for (const v of image.data) hist[v] = (hist[v] ?? 0) + 1;
  const total = image.data.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * (hist[i] ?? 0);
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t] ?? 0;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * (hist[t] ?? 0);
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/** The paper's grey: the most common level in the lighter half. */
export function paperLevel(image: GrayImage): number {
  const hist = new Uint32Array(256);
  for (const v of image.data) hist[v] = (hist[v] ?? 0) + 1;
  let level = 255;
  for (let i = 128; i < 256; i++) if ((hist[i] ?? 0) > (hist[level] ?? 0)) level = i;
  return level;
}

/**
 * Ink measured against the paper around it: each pixel becomes 255 minus how much darker it is
 * than the lightest pixel within `window` pixels (a separable max filter, van Herk/Gil-Werman,
 * three comparisons per pixel and pass). Grey cell shading, a yellowed page or a shadow along the
 * fold turn white, while text and rules on them keep their contrast; so the rule finder does not
 * take a shaded header for a row of vertical lines, and Tesseract binarizes one clean background.
 * Contrast under `minContrast` is paper too: near a rule the window reaches the white page beyond
 * it, so shading would otherwise leave a grey frame inside each shaded cell, and JPEG leaves specks.
 */
export function flattenBackground(image: GrayImage, window: number, minContrast = 0): GrayImage {
  const { width, height, data } = image;
  const rowMax = new Uint8Array(width * height);
  const line = new Uint8Array(Math.max(width, height));
  const out = new Uint8Array(Math.max(width, height));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) line[x] = data[y * width + x] ?? 255;
    slidingMax(line, width, window, out);
    rowMax.set(out.subarray(0, width), y * width);
  }
  const bg = new Uint8Array(width * height);
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) line[y] = rowMax[y * width + x] ?? 255;
    slidingMax(line, height, window, out);
    for (let y = 0; y < height; y++) bg[y * width + x] = out[y] ?? 255;
  }
  const flat = new Uint8Array(width * height);
  for (let i = 0; i < flat.length; i++) {
    const contrast = (bg[i] ?? 255) - (data[i] ?? 255);
    flat[i] = contrast < minContrast ? 255 : 255 - contrast;
  }
  return { width, height, data: flat };
}

/** out[i] = max of values[i - r … i + r] (r = window >> 1), for the first n values. */
function slidingMax(values: Uint8Array, n: number, window: number, out: Uint8Array): void {
  const r = window >> 1;
  const w = 2 * r + 1;
  const g = new Uint8Array(n + w);
  const h = new Uint8Array(n + w);
  // g: running max from each block start; h: running max to each block end (blocks of w).
  for (let i = 0; i < n + w; i++) {
    const v = i < n ? (values[i] ?? 0) : 0;
    g[i] = i % w === 0 ? v : Math.max(g[i - 1] ?? 0, v);
  }
  for (let i = n + w - 1; i >= 0; i--) {
    const v = i < n ? (values[i] ?? 0) : 0;
    h[i] = i % w === w - 1 || i === n + w - 1 ? v : Math.max(h[i + 1] ?? 0, v);
  }
  for (let i = 0; i < n; i++) {
    const lo = i - r;
    const hi = i + r;
    if (lo < 0) out[i] = g[Math.min(hi, n - 1)] ?? 0;
    else out[i] = Math.max(h[lo] ?? 0, g[Math.min(hi, n + w - 1)] ?? 0);
  }
}
