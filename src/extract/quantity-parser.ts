import type { Quantity } from '../model/report.ts';

/**
 * Units we recognise after a number, with their canonical form. Stems cover case endings
 * ("сомго", "сомдон", "адамга", "хүний"). Only these are read, so ordinary numbers in running text
 * (years, item numbers) are not mistaken for quantities.
 */
const UNITS: readonly (readonly [RegExp, string])[] = [
  [/^сом\p{L}*/iu, 'сом'],
  [/^теңге\p{L}*|^тенге\p{L}*/iu, 'тенге'],
  [/^төгрөг\p{L}*|^₮/iu, 'төгрөг'],
  [/^руб(?:\.|л\p{L}*)?/iu, 'руб'],
  [/^(?:доллар\p{L}*|usd|\$)/iu, 'USD'],
  [/^(?:евро|eur|€)/iu, 'EUR'],
  [/^(?:%|пайыз\p{L}*|хувь\p{L}*|процент\p{L}*|percent)/iu, '%'],
  [/^(?:адам\p{L}*|киши\p{L}*)/iu, 'адам'],
  [/^(?:чел\.|человек\p{L}*)/iu, 'чел.'],
  [/^(?:хүн\p{L}*)/iu, 'хүн'],
  [/^(?:persons?|people)/iu, 'person'],
];

// A number with optional thousands groups separated by (narrow/no-break) spaces, and decimals.
const NUMBER = /(?<![\d.,])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,](\d+))?(?![\d])/gu;

/** Quantities with units in a text, verbatim and as numbers: `2 078 967 сом` → 2078967 «сом». */
export function findQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index ?? 0;
    const afterNumber = start + m[0].length;
    const rest = text.slice(afterNumber);
    const gap = rest.match(/^[ \u00a0\u202f]?/u)?.[0] ?? '';
    const tail = rest.slice(gap.length);
    for (const [re, unit] of UNITS) {
      const u = tail.match(re);
      if (!u) continue;
      const integer = (m[1] ?? '').replace(/[ \u00a0\u202f]/g, '');
      const value = Number(m[2] ? `${integer}.${m[2]}` : integer);
      if (Number.isFinite(value)) out.push({ value, unit, text: text.slice(start, afterNumber + gap.length + u[0].length) });
      break;
    }
  }
  return out;
}
