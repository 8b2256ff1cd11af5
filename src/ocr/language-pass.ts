import { detectLanguage } from '../language/detect.ts';
import type { GrayImage } from './gray-image.ts';

/**
 * Tesseract model pair per detected language: the language's own model plus Russian, which the
 * reports of all four countries quote (laws, names of bodies). Mongolian is `khk` to the detector
 * and `mon` to Tesseract.
 */
export const MODELS_BY_LANGUAGE: Readonly<Record<string, readonly string[]>> = {
  kir: ['kir', 'rus'],
  khk: ['mon', 'rus'],
  kaz: ['kaz', 'rus'],
  rus: ['rus'],
  eng: ['eng'],
};

/** The quick pass reads with all the Cyrillic models whose letters tell the languages apart (ң ү ө ә ғ қ …), and English. */
export const QUICK_PASS_MODELS = ['kir', 'mon', 'kaz', 'eng'] as const;

export interface LanguageChoice {
  /** ISO 639-3 of the page's text, `und` when the quick pass could not tell. */
  language: string;
  /** Tesseract models for the full pass, joined with `+`. */
  models: string;
}

/**
 * A strip of the page for the quick pass: the quarter of the page height with the most ink,
 * shrunk to half size by averaging. A quarter page of table text is hundreds of words, plenty for
 * the detector, at a fraction of a full page's OCR time.
 */
export function quickPassStrip(image: GrayImage): GrayImage {
  const band = Math.max(1, Math.floor(image.height / 4));
  const rowInk = new Float64Array(image.height);
  for (let y = 0; y < image.height; y++) {
    let s = 0;
    for (let x = 0; x < image.width; x++) s += 255 - (image.data[y * image.width + x] ?? 255);
    rowInk[y] = s;
  }
  let best = 0;
  let bestInk = -1;
  const step = Math.max(1, Math.floor(band / 4));
  for (let top = 0; top + band <= image.height; top += step) {
    let s = 0;
    for (let y = top; y < top + band; y++) s += rowInk[y] ?? 0;
    if (s > bestInk) {
      bestInk = s;
      best = top;
    }
  }
  const width = Math.floor(image.width / 2);
  const height = Math.floor(band / 2);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (best + 2 * y) * image.width + 2 * x;
      data[y * width + x] = ((image.data[i] ?? 255) + (image.data[i + 1] ?? 255) + (image.data[i + image.width] ?? 255) + (image.data[i + image.width + 1] ?? 255)) >> 2;
    }
  }
  return { width, height, data };
}

/**
 * The full pass's models from the quick pass's text: the project's language detector decides
 * (letters, function words, trigrams). Undecided, the document's language so far is kept, else
 * every installed model the reports may need is used (slower, never wrong-headed).
 */
export function chooseModels(text: string, installed: ReadonlySet<string>, fallback?: LanguageChoice): LanguageChoice {
  const guess = detectLanguage(text);
  const wanted = MODELS_BY_LANGUAGE[guess.code];
  if (wanted && guess.confidence >= 0.5) {
    const models = wanted.filter((m) => installed.has(m));
    if (models.length > 0) return { language: guess.code, models: models.join('+') };
  }
  if (fallback) return fallback;
  const all = ['kir', 'mon', 'kaz', 'rus', 'eng'].filter((m) => installed.has(m));
  return { language: 'und', models: (all.length > 0 ? all : [...installed]).join('+') };
}
