import type { Candidate } from './candidates.ts';

/**
 * Word endings that mark a language's grammar: Kyrgyz case and plural suffixes with their
 * rounded-vowel harmony (`-лордун`, `-үнүн`, `-уу`), Russian and Ukrainian inflections
 * (`-ского`, `-ения`, `-ться`), Mongolian case endings (`-ийн`, `-аас`, `-гүй`). franc sees these
 * only as a few of many trigrams; in a four-word cell they are most of the evidence. Only endings
 * the other candidates rarely produce are listed: Kyrgyz `-ган` is out because of Russian `орган`,
 * `-тан` because of `Казахстан`.
 */
const ENDINGS: Partial<Record<Candidate, readonly string[]>> = {
  kir: [
    'нын', 'нин', 'нун', 'нүн', 'дын', 'дин', 'дун', 'дүн', 'тын', 'тин', 'тун', 'түн',
    'ынын', 'инин', 'унун', 'үнүн', 'дан', 'ден', 'дон', 'дөн', 'тен', 'тон', 'төн', 'нан', 'нен', 'нон', 'нөн',
    'ларды', 'лерди', 'лорду', 'лөрдү', 'дарды', 'дерди', 'дорду', 'тарды', 'терди', 'торду',
    'ларга', 'лерге', 'лорго', 'лөргө', 'дарга', 'дерге', 'тарга', 'терге', 'ларда', 'лерде', 'лордо', 'лөрдө',
    'лары', 'лери', 'лору', 'лөрү', 'дары', 'дери', 'дору', 'тары', 'тери', 'тору',
    'уу', 'үү', 'оо', 'өө', 'ылык', 'илик', 'улук', 'үлүк', 'сын', 'син', 'сун', 'сүн', 'гөн', 'көн',
    'уучу', 'үүчү', 'ышкан', 'ишкен', 'ушкан', 'үшкөн', 'ынча', 'инче', 'унча', 'үнчө', 'гон', 'кон',
    'ылган', 'илген', 'улган', 'үлгөн', 'тыруу', 'тирүү', 'туруу', 'түрүү', 'оолор', 'уулар', 'үүлөр',
    'дагы', 'деги', 'догу', 'дөгү', 'тагы', 'теги', 'тогу', 'төгү', 'ген', 'кен', 'ып', 'ип', 'уп', 'үп',
    'ышты', 'ишти', 'ушту', 'үштү', 'ынча', 'ынан', 'инен', 'унан', 'үнөн', 'ында', 'инде', 'унда', 'үндө',
    'сында', 'синде', 'сунда', 'сүндө', 'лык', 'лик', 'лук', 'лүк', 'дык', 'дик', 'дук', 'дүк', 'тык', 'тик',
    'лыгы', 'лиги', 'лугу', 'лүгү', 'дыгы', 'диги', 'дугу', 'дүгү', 'тыгы', 'тиги', 'тугу', 'түгү',
    // Plurals whose Russian look-alikes are rare (`-тор`, `-тер`, `-дар` are left out: директор, лидер).
    'лар', 'лер', 'лор', 'лөр', 'дөр', 'төр', 'усу', 'үсү', 'ысы', 'иси',
  ],
  uzb: [
    'нинг', 'лар', 'ларни', 'ларга', 'ларда', 'лари', 'ларининг', 'моқда', 'мокда', 'ади', 'япти', 'илди', 'инди',
  ],
  kaz: [
    'ның', 'нің', 'дың', 'дің', 'тың', 'тің', 'ған', 'ген', 'қан', 'кен', 'атын', 'етін', 'йтын', 'йтін',
    'уын', 'уін', 'луы', 'луі', 'ады', 'еді', 'дан', 'ден', 'тан', 'тен', 'нан', 'нен', 'лар', 'лер', 'дар',
    'дер', 'тар', 'тер', 'ып', 'іп', 'сын', 'сін', 'лық', 'лік', 'дық', 'дік', 'тық', 'тік', 'ынан', 'інен',
    // Kazakh verbal nouns in a single -у (Kyrgyz doubles it: -уу, -боо) and present tense in -ады.
    'мау', 'меу', 'бау', 'беу', 'пау', 'пеу', 'уы', 'уі', 'йды', 'йді', 'ады', 'еді',
  ],
  tat: [
    'ның', 'нең', 'ләр', 'нәр', 'гән', 'кән', 'ендә', 'ында', 'енә', 'ына', 'лык', 'лек', 'дән',
    'тән', 'нән', 'лар', 'дан', 'тан', 'нан',
  ],
  khk: [
    'ийн', 'ийг', 'аар', 'ээр', 'өөр', 'аас', 'ээс', 'оос', 'өөс', 'гүй', 'лэх', 'лах', 'лөх', 'лох',
    'жээ', 'чээ', 'лаа', 'лээ', 'сэн', 'даг', 'дэг', 'дог', 'дөг', 'ална', 'элнэ', 'олно', 'өлнө',
    'ууд', 'үүд', 'чууд', 'чүүд', 'тэй', 'гаа', 'гээ', 'гоо', 'гөө', 'ийг', 'рүү', 'руу',
  ],
  rus: [
    'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ость', 'ости', 'ение', 'ения', 'ении', 'ание', 'ания', 'ании',
    'ский', 'ская', 'ское', 'ских', 'ским', 'ской', 'ция', 'ции', 'цию', 'ать', 'ять', 'ить', 'еть', 'ться',
    'тся', 'ется', 'ются', 'ует', 'уют', 'ает', 'ают', 'ших', 'щих', 'вший', 'нный', 'нная', 'нные', 'нных',
    'ый', 'ая', 'ое', 'ые', 'ие', 'ами', 'ями', 'ах', 'ях', 'ов', 'ей', 'ться', 'ется',
    'ском', 'ским', 'ии', 'ией', 'ью', 'ых', 'ом', 'ем',
  ],
  ukr: [
    'ого', 'ому', 'ими', 'ння', 'ість', 'ості', 'ться', 'ється', 'ються', 'ати', 'ити', 'ного', 'ної',
    'ський', 'ська', 'ське', 'ських', 'ий', 'ою', 'ами', 'ями', 'ах', 'ях', 'ів', 'ського', 'ської',
  ],
};

/** Words shorter than this are mostly stem; their ending says little. */
const MIN_WORD = 5;

/** Each ending mapped to the languages that list it. */
const BY_ENDING = new Map<string, Candidate[]>();
let longest = 0;
for (const [lang, list] of Object.entries(ENDINGS) as [Candidate, readonly string[]][]) {
  for (const ending of new Set(list)) {
    const langs = BY_ENDING.get(ending) ?? [];
    langs.push(lang);
    BY_ENDING.set(ending, langs);
    longest = Math.max(longest, ending.length);
  }
}

/** Counts, per language, the words that end in one of its endings (each word once per language). */
export function endingHits(words: readonly string[]): Map<Candidate, number> {
  const hits = new Map<Candidate, number>();
  const credited = new Set<Candidate>();
  for (const word of words) {
    if (word.length < MIN_WORD) continue;
    credited.clear();
    for (let n = Math.min(longest, word.length - 2); n >= 2; n--) {
      const langs = BY_ENDING.get(word.slice(-n));
      if (!langs) continue;
      for (const lang of langs) {
        if (credited.has(lang)) continue;
        credited.add(lang);
        hits.set(lang, (hits.get(lang) ?? 0) + 1);
      }
    }
  }
  return hits;
}
