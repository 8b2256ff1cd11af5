import { franc } from 'franc';

export interface LanguageGuess {
  /** ISO 639-3, `und` when undecidable. */
  code: string;
  confidence: number;
  script: 'Cyrl' | 'Latn' | 'Zyyy';
}

export interface DetectOptions {
  /** The document's language: used only when the text's own evidence is weak. */
  prior?: string;
}

export const CANDIDATES = ['kir', 'khk', 'kaz', 'rus', 'uzn', 'tat', 'ukr', 'eng'] as const;

const UND: LanguageGuess = { code: 'und', confidence: 0, script: 'Zyyy' };

/**
 * Detects the language of one text. First version: franc restricted to the candidates plus a few
 * decisive letters. `src/language/` owns the full detector (issue 6); callers rely only on this
 * signature.
 */
export function detectLanguage(text: string, options: DetectOptions = {}): LanguageGuess {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < 3) return UND;
  const cyr = letters.filter((c) => /\p{Script=Cyrillic}/u.test(c)).length;
  const script = cyr * 2 >= letters.length ? 'Cyrl' : 'Latn';
  const lower = text.toLowerCase();
  if (script === 'Cyrl') {
    if (/[әғқұһі]/u.test(lower)) return { code: 'kaz', confidence: 0.9, script };
    if (/ң/u.test(lower) && /[өү]/u.test(lower)) return { code: 'kir', confidence: 0.9, script };
    if (/[өү]/u.test(lower) && !/ң/u.test(lower)) return { code: 'khk', confidence: 0.85, script };
    if (/[їєґ]/u.test(lower)) return { code: 'ukr', confidence: 0.9, script };
  }
  if (letters.length < 12) {
    return options.prior ? { code: options.prior, confidence: 0.3, script } : { ...UND, script };
  }
  const code = franc(text, { only: [...CANDIDATES], minLength: 3 });
  if (code === 'und') return { ...UND, script };
  return { code: code === 'uzn' ? 'uzb' : code, confidence: 0.6, script };
}
