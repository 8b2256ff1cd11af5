import { CYRILLIC_CANDIDATES } from './candidates.ts';
import type { CyrillicCandidate } from './candidates.ts';

/**
 * What the letters of a text say, before any statistics. Each Cyrillic alphabet adds its own
 * letters to the Russian core and leaves some out; a letter a language never writes is strong
 * evidence against it, and a language whose everyday letters are all missing from a longer text
 * is unlikely too (Kazakh without any of ә ғ қ ұ і is rare past a dozen letters).
 */

/** Letters outside the shared Russian core, and which languages write them. */
const EXTRA_LETTERS: Record<string, readonly CyrillicCandidate[]> = {
  ә: ['kaz', 'tat'],
  ғ: ['kaz', 'uzb'],
  қ: ['kaz', 'uzb'],
  ң: ['kir', 'kaz', 'tat'],
  ө: ['kir', 'kaz', 'khk', 'tat'],
  ұ: ['kaz'],
  ү: ['kir', 'kaz', 'khk', 'tat'],
  һ: ['kaz', 'tat'],
  і: ['kaz', 'ukr'],
  ї: ['ukr'],
  є: ['ukr'],
  ґ: ['ukr'],
  ў: ['uzb'],
  ҳ: ['uzb'],
  җ: ['tat'],
};

/** Core letters some alphabets lack (Ukrainian has no ы э ъ ё; Uzbek Cyrillic no ы щ). */
const CORE_GAPS: Record<string, readonly CyrillicCandidate[]> = {
  ы: ['ukr', 'uzb'],
  э: ['ukr'],
  ъ: ['ukr'],
  ё: ['ukr'],
  щ: ['uzb', 'khk'],
};

/** The letters a running text in the language almost always shows within a few words. */
const HALLMARKS: Partial<Record<CyrillicCandidate, RegExp>> = {
  // Mongolian and Kyrgyz have no letter of their own, but their long vowels, ө ү and (Mongolian)
  // -ий- endings, or (Kyrgyz) ң and ы, show up in all but a few percent of 14-letter stretches.
  khk: /[өү]|аа|ээ|оо|уу|ий/u,
  kir: /[ңөүы]|оо|уу|аа|ээ/u,
  kaz: /[әғқұі]/u,
  ukr: /[іїєґ]/u,
  uzb: /[ўғқҳ]/u,
  // Tatar without ә җ һ is possible, but next to Kyrgyz (which has ң ө ү and none of these) only
  // these letters separate the two.
  tat: /[әҗһ]/u,
};

/**
 * Softer cues, counted per occurrence: doubled rounded vowels (Kyrgyz `өкмөткө`, `тууралуу`,
 * Mongolian `хүүхэд`) almost never occur in the other candidates; `ж` is rare in Tatar, which writes
 * `җ` in native words; letters Kyrgyz and Kazakh use only in Russian loans (в ф ц щ ь ъ ё) are
 * everyday in Russian and Ukrainian.
 */
const DOUBLE_ROUNDED = /оо|өө|уу|үү/gu;
const DOUBLE_ROUNDED_AGAINST: readonly CyrillicCandidate[] = ['kaz', 'tat', 'uzb', 'ukr', 'rus'];
const ZHE_AGAINST: readonly CyrillicCandidate[] = ['tat'];
const LOAN_LETTERS = /[вфцщьъё]/gu;
const LOAN_LETTERS_AGAINST: readonly CyrillicCandidate[] = ['kir', 'kaz'];
/**
 * Kazakh and Tatar keep о/ө to the first syllable; Kyrgyz and Mongolian round later vowels too
 * (`жогорку`, `төмөнкү`, `хөдөлмөр`). A word with о/ө after its first vowel is counted against
 * the first two (on dev: 12 % of Kazakh segments have one, 58 % of Kyrgyz).
 */
const ROUNDED_LATER = /^[^аәеёиіоөуұүыэюя]*[аәеёиіоөуұүыэюя][^оө]*[оө]/u;
const ROUNDED_LATER_AGAINST: readonly CyrillicCandidate[] = ['kaz', 'tat'];

export interface SoftLetterCues {
  doubleRounded: number;
  zhe: number;
  loanLetters: number;
  roundedLater: number;
}

export function softLetterCues(lower: string, words: readonly string[]): SoftLetterCues {
  let roundedLater = 0;
  for (const word of words) if (ROUNDED_LATER.test(word)) roundedLater++;
  return {
    doubleRounded: lower.match(DOUBLE_ROUNDED)?.length ?? 0,
    zhe: lower.match(/ж/gu)?.length ?? 0,
    loanLetters: lower.match(LOAN_LETTERS)?.length ?? 0,
    roundedLater,
  };
}

export const SOFT_CUE_TARGETS = {
  doubleRounded: DOUBLE_ROUNDED_AGAINST,
  zhe: ZHE_AGAINST,
  loanLetters: LOAN_LETTERS_AGAINST,
  roundedLater: ROUNDED_LATER_AGAINST,
} as const;

export interface LetterEvidence {
  /** Occurrences of letters each language does not write. */
  foreign: Record<CyrillicCandidate, number>;
  /** Languages whose hallmark letters are absent although the text is long enough to show them. */
  missingHallmarks: CyrillicCandidate[];
}

const WRITES = new Map<string, Set<CyrillicCandidate>>();
for (const [letter, langs] of Object.entries(EXTRA_LETTERS)) WRITES.set(letter, new Set(langs));

/** Hallmarks are only expected once a text has this many Cyrillic letters. */
export const HALLMARK_MIN_LETTERS = 14;

export function letterEvidence(lower: string, cyrillicLetters: number): LetterEvidence {
  const foreign: Record<CyrillicCandidate, number> = { kir: 0, khk: 0, kaz: 0, rus: 0, uzb: 0, tat: 0, ukr: 0 };
  for (const ch of lower) {
    const writers = WRITES.get(ch);
    if (writers) {
      for (const lang of CYRILLIC_CANDIDATES) if (!writers.has(lang)) foreign[lang]++;
      continue;
    }
    const lacking = CORE_GAPS[ch];
    if (lacking) for (const lang of lacking) foreign[lang]++;
  }
  const missingHallmarks: CyrillicCandidate[] = [];
  if (cyrillicLetters >= HALLMARK_MIN_LETTERS) {
    for (const [lang, re] of Object.entries(HALLMARKS) as [CyrillicCandidate, RegExp][]) {
      if (!re.test(lower)) missingHallmarks.push(lang);
    }
  }
  return { foreign, missingHallmarks };
}
