/**
 * Mongolian (Khalkha, Cyrillic) nouns: candidate stems of an inflected word. Strips a reflexive
 * possessive (`-аа`), a case suffix and a plural suffix from the end. Where a vowel-initial suffix
 * left a stem ending in two consonants, the fleeting vowel of the nominative is put back
 * (`журмыг` → журм → журам, `зөрчлийг` → зөрчил, `газрыг` → газар); where it swallowed a
 * stem-final short vowel, that vowel is put back (`шаардлагаар` → шаардлага). Which candidate is a
 * word is for the caller (stem lexicon) to decide.
 */

export interface MongolianCandidate {
  stem: string;
  suffixes: string[];
}

const REFLEXIVE = ['гаа', 'гээ', 'гоо', 'гөө', 'аа', 'ээ', 'оо', 'өө'];

const CASES = [
  // genitive
  'гийн', 'ийн', 'ын', 'ний', 'ны', 'ий', 'ы', 'н',
  // accusative
  'ийг', 'ыг', 'г',
  // dative-locative
  'ад', 'эд', 'од', 'өд', 'нд', 'д', 'т',
  // ablative
  'гаас', 'гээс', 'гоос', 'гөөс', 'наас', 'нээс', 'ноос', 'нөөс', 'иас', 'иос', 'аас', 'ээс', 'оос', 'өөс',
  // instrumental
  'гаар', 'гээр', 'гоор', 'гөөр', 'иар', 'иор', 'аар', 'ээр', 'оор', 'өөр',
  // comitative
  'тай', 'тэй', 'той',
  // directional
  'руу', 'рүү', 'луу', 'лүү',
];

const PLURALS = ['нууд', 'нүүд', 'чууд', 'чүүд', 'ууд', 'үүд', 'иуд', 'ид', 'д', 'с'];

const VOWEL = /[аэиоуөүыеёюя]/u;
/** Consonants that close a final syllable whose vowel drops before a vowel-initial suffix. */
const FLEETING_AFTER = /[лрмнгсвдзжх]/u;

function lastVowel(stem: string): string | null {
  for (let i = stem.length - 1; i >= 0; i--) if (VOWEL.test(stem[i] as string)) return stem[i] as string;
  return null;
}

/** Short vowels that may come back between the last two consonants, by vowel harmony. */
function fleetingVowels(stem: string): string[] {
  const v = lastVowel(stem);
  if (v === 'а' || v === 'у' || v === 'я') return ['а', 'и'];
  if (v === 'о') return ['о', 'и'];
  if (v === 'ө') return ['ө', 'и'];
  if (v === 'э' || v === 'ү' || v === 'е') return ['э', 'и'];
  if (v === 'и') return ['и', 'э', 'а'];
  return ['а', 'э', 'о', 'ө', 'и'];
}

function restored(stem: string, suffix: string): string[] {
  const out = [stem];
  if (!VOWEL.test(suffix[0] as string)) return out;
  const last = stem.at(-1) ?? '';
  const prev = stem.at(-2) ?? '';
  // Fleeting vowel: журм(ыг) → журам.
  if (stem.length >= 3 && !VOWEL.test(last) && !VOWEL.test(prev) && FLEETING_AFTER.test(last) && last !== 'ь') {
    for (const v of fleetingVowels(stem.slice(0, -1))) out.push(stem.slice(0, -1) + v + last);
  }
  // A short final vowel swallowed by a long-vowel suffix: шаардлаг(аар) → шаардлага.
  if (!VOWEL.test(last)) for (const v of ['а', 'э', 'о', 'ө']) out.push(stem + v);
  // A soft sign before -ий-: хув(ийг) → хувь.
  if (suffix.startsWith('и')) out.push(`${stem}ь`);
  return out;
}

/** All ways to read `word` as stem + (plural) + (case) + (reflexive), longest stem first. */
export function mongolianCandidates(word: string): MongolianCandidate[] {
  const lower = word.toLowerCase();
  const out: MongolianCandidate[] = [{ stem: lower, suffixes: [] }];
  const seen = new Set<string>([lower]);
  const push = (stem: string, suffixes: string[]): void => {
    if (stem.length < 2 || seen.has(stem)) return;
    seen.add(stem);
    out.push({ stem, suffixes });
  };
  const afterReflexive: { rest: string; suffixes: string[] }[] = [{ rest: lower, suffixes: [] }];
  for (const r of REFLEXIVE) if (lower.endsWith(r) && lower.length - r.length >= 2) afterReflexive.push({ rest: lower.slice(0, -r.length), suffixes: [r] });
  for (const { rest, suffixes } of afterReflexive) {
    const afterCase: { rest: string; suffixes: string[] }[] = [{ rest, suffixes }];
    for (const c of CASES) {
      if (!rest.endsWith(c) || rest.length - c.length < 2) continue;
      const stem = rest.slice(0, -c.length);
      for (const s of restored(stem, c)) {
        push(s, [...suffixes, c]);
        afterCase.push({ rest: s, suffixes: [...suffixes, c] });
      }
    }
    for (const { rest: r2, suffixes: s2 } of afterCase) {
      for (const p of PLURALS) {
        if (!r2.endsWith(p) || r2.length - p.length < 2) continue;
        const stem = r2.slice(0, -p.length);
        for (const s of restored(stem, p)) push(s, [...s2, p]);
        // Plural -д replaces a stem-final -н: иргэ(д) → иргэн.
        if (p === 'д') push(`${stem}н`, [...s2, p]);
      }
    }
  }
  return out.sort((a, b) => b.stem.length - a.stem.length || a.suffixes.length - b.suffixes.length);
}
