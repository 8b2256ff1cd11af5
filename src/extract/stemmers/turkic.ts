/**
 * Kyrgyz and Kazakh nouns: candidate stems of an inflected word, by stripping case, possessive and
 * plural suffixes from the end (case → possessive → plural, the reverse of the order they are
 * added). Suffix vowels must follow vowel harmony with the stem's last vowel; a stem that ends in
 * г/б (ғ/б) before a vowel-initial suffix is also tried with к/п (қ/п): `башкармалыгы` →
 * башкармалык, `китеби` → китеп. The caller decides which candidate is a word (stem lexicon).
 */

export interface TurkicCandidate {
  stem: string;
  /** The suffixes stripped, outermost first. */
  suffixes: string[];
  /** A third-person possessive was among them (`каты` = кат + ы): the head of an izafet compound. */
  possessive3: boolean;
}

type Slot = 'case' | 'poss' | 'plural';

interface SuffixSet {
  slot: Slot;
  forms: readonly string[];
  /** Third-person possessive forms within a 'poss' set. */
  poss3?: boolean;
}

const KY: readonly SuffixSet[] = [
  { slot: 'case', forms: ['ндагы', 'ндеги', 'ндогу', 'ндөгү', 'дагы', 'деги', 'догу', 'дөгү', 'тагы', 'теги', 'тогу', 'төгү'] },
  { slot: 'case', forms: ['нын', 'нин', 'нун', 'нүн', 'дын', 'дин', 'дун', 'дүн', 'тын', 'тин', 'тун', 'түн'] },
  { slot: 'case', forms: ['дан', 'ден', 'дон', 'дөн', 'тан', 'тен', 'тон', 'төн', 'нан', 'нен', 'нон', 'нөн'] },
  { slot: 'case', forms: ['нда', 'нде', 'ндо', 'ндө', 'да', 'де', 'до', 'дө', 'та', 'те', 'то', 'тө'] },
  { slot: 'case', forms: ['га', 'ге', 'го', 'гө', 'ка', 'ке', 'ко', 'кө', 'на', 'не', 'но', 'нө'] },
  { slot: 'case', forms: ['ны', 'ни', 'ну', 'нү', 'ды', 'ди', 'ду', 'дү', 'ты', 'ти', 'ту', 'тү', 'н'] },
  { slot: 'poss', forms: ['ыбыз', 'ибиз', 'убуз', 'үбүз', 'быз', 'биз', 'буз', 'бүз', 'ыңыз', 'иңиз', 'уңуз', 'үңүз', 'ыңар', 'ым', 'им', 'ум', 'үм', 'ың', 'иң', 'уң', 'үң'] },
  { slot: 'poss', poss3: true, forms: ['сы', 'си', 'су', 'сү', 'ы', 'и', 'у', 'ү'] },
  { slot: 'plural', forms: ['лар', 'лер', 'лор', 'лөр', 'дар', 'дер', 'дор', 'дөр', 'тар', 'тер', 'тор', 'төр'] },
];

const KK: readonly SuffixSet[] = [
  { slot: 'case', forms: ['ндағы', 'ндегі', 'дағы', 'дегі', 'тағы', 'тегі'] },
  { slot: 'case', forms: ['ның', 'нің', 'дың', 'дің', 'тың', 'тің'] },
  { slot: 'case', forms: ['дан', 'ден', 'тан', 'тен', 'нан', 'нен'] },
  { slot: 'case', forms: ['нда', 'нде', 'да', 'де', 'та', 'те'] },
  { slot: 'case', forms: ['ға', 'ге', 'қа', 'ке', 'на', 'не'] },
  { slot: 'case', forms: ['ны', 'ні', 'ды', 'ді', 'ты', 'ті', 'н'] },
  { slot: 'case', forms: ['мен', 'бен', 'пен', 'нен'] },
  { slot: 'poss', forms: ['ымыз', 'іміз', 'мыз', 'міз', 'ыңыз', 'іңіз', 'ым', 'ім', 'ың', 'ің'] },
  { slot: 'poss', poss3: true, forms: ['сы', 'сі', 'ы', 'і'] },
  { slot: 'plural', forms: ['лар', 'лер', 'дар', 'дер', 'тар', 'тер'] },
];

/**
 * `н`-initial case forms (`-нын`, `-ны`, `-на`, `-нда`, `-ндагы`, `-н`) follow a vowel (a vowel-final
 * stem or possessive); the ablative `-нан` also follows м, н, ң.
 */
function nInitialFits(stem: string, form: string): boolean {
  if (!form.startsWith('н')) return true;
  const last = stem.at(-1) ?? '';
  if (VOWELS.test(last)) return true;
  return /^н[аеоө]н$/u.test(form) && /[мнң]/u.test(last);
}

const ORDER: Record<Slot, number> = { case: 0, poss: 1, plural: 2 };

const VOWELS = /[аеёиоуыэюяөүәіұ]/u;

/** Harmony class of the stem's last vowel, and which suffix vowels may follow it. */
function allowedSuffixVowels(stem: string, lang: 'kir' | 'kaz'): string | null {
  for (let i = stem.length - 1; i >= 0; i--) {
    const v = stem[i] as string;
    if (!VOWELS.test(v)) continue;
    if (lang === 'kaz') return 'аоұыуяё'.includes(v) ? 'аы' : 'еіәөүи';
    if (v === 'а' || v === 'ы' || v === 'я') return 'аы';
    if (v === 'у' || v === 'ю') return 'ау'; // Kyrgyz: low а, high у after у
    if (v === 'о' || v === 'ё') return 'оу';
    if (v === 'е' || v === 'и' || v === 'э') return 'еи';
    if (v === 'ө' || v === 'ү') return 'өү';
    return null;
  }
  return null;
}

function harmonises(stem: string, suffix: string, lang: 'kir' | 'kaz'): boolean {
  const allowed = allowedSuffixVowels(stem, lang);
  if (allowed === null) return true;
  for (const ch of suffix) if (VOWELS.test(ch) && !allowed.includes(ch)) return false;
  return true;
}

const ALTERNATION: Record<'kir' | 'kaz', Record<string, string>> = {
  kir: { г: 'к', б: 'п' },
  kaz: { ғ: 'қ', г: 'к', б: 'п' },
};

/**
 * All ways to read `word` as stem + suffixes (at most one suffix per slot, slots in order), longest
 * stem first. `harmony: false` skips the vowel-harmony check (loanwords that break it).
 */
export function turkicCandidates(word: string, lang: 'kir' | 'kaz', harmony = true): TurkicCandidate[] {
  const sets = lang === 'kaz' ? KK : KY;
  const lower = word.toLowerCase();
  const out: TurkicCandidate[] = [{ stem: lower, suffixes: [], possessive3: false }];
  const walk = (rest: string, minOrder: number, suffixes: string[], poss3: boolean): void => {
    for (const set of sets) {
      const order = ORDER[set.slot];
      if (order < minOrder) continue;
      for (const form of set.forms) {
        if (!rest.endsWith(form) || rest.length - form.length < 2) continue;
        const stem = rest.slice(0, -form.length);
        if (set.slot === 'case' && !nInitialFits(stem, form)) continue;
        if (harmony && !harmonises(stem, form, lang)) continue;
        const next = [...suffixes, form];
        const isPoss3 = poss3 || set.poss3 === true;
        // The next slot: a case may be followed (inwards) by a possessive or plural, and so on.
        const nextOrder = order + 1;
        out.push({ stem, suffixes: next, possessive3: isPoss3 });
        if (VOWELS.test(form[0] as string)) {
          const alt = ALTERNATION[lang][stem.at(-1) ?? ''];
          if (alt) out.push({ stem: stem.slice(0, -1) + alt, suffixes: next, possessive3: isPoss3 });
        }
        walk(stem, nextOrder, next, isPoss3);
      }
    }
  };
  walk(lower, 0, [], false);
  return out.sort((a, b) => b.stem.length - a.stem.length || a.suffixes.length - b.suffixes.length);
}

/** Citation form of an izafet head: the stem with the third-person possessive by harmony (кат → каты). */
export function withPossessive3(stem: string, lang: 'kir' | 'kaz'): string {
  const last = stem.at(-1) ?? '';
  const afterVowel = VOWELS.test(last);
  const allowed = allowedSuffixVowels(stem, lang) ?? 'аы';
  const high = lang === 'kaz' ? (allowed.includes('ы') ? 'ы' : 'і') : (allowed[1] as string);
  return stem + (afterVowel ? 'с' : '') + high;
}
