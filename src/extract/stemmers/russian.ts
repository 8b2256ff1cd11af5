/**
 * Russian nouns: candidate stems of a word by its case endings. After a numeral Russian uses the
 * nominative (1, 21), the genitive singular (2–4) or the genitive plural (5+, and after тыс./млн),
 * and the whole phrase may stand in any case (`в 118 случаях`), so every ending is tried; the stem
 * lexicon decides. Adjectives and participles are told apart by their own endings.
 */

const ENDINGS = [
  'ями', 'ами', 'иями', 'иях', 'иям', 'ием', 'ией', 'ях', 'ах', 'ям', 'ам', 'ов', 'ев', 'ей', 'ий', 'ой', 'ом', 'ем',
  'ью', 'ия', 'ие', 'ию', 'ии', 'а', 'я', 'ы', 'и', 'у', 'ю', 'е', 'о', 'ь', 'й',
];

/** The word, and the word without each ending that it has, longest stem first. */
export function russianCandidates(word: string): string[] {
  const lower = word.toLowerCase().replace(/ё/gu, 'е').replace(/\.$/u, '');
  const out = [lower];
  for (const e of ENDINGS) if (lower.endsWith(e) && lower.length - e.length >= 2) out.push(lower.slice(0, -e.length));
  return [...new Set(out)].sort((a, b) => b.length - a.length);
}

/** Stems a lemma is found under: the lemma, and the lemma without its final vowel, -ь, -й, -ие/-ия. */
export function russianLemmaStems(lemma: string): string[] {
  const l = lemma.toLowerCase().replace(/ё/gu, 'е');
  const out = [l];
  const m = l.match(/^(.*?)(ие|ия|ий|[аяоеьйы])$/u);
  if (m?.[1]) {
    out.push(m[1]);
    if (m[2] === 'ие' || m[2] === 'ия') out.push(`${m[1]}и`);
  }
  return out;
}

const ADJECTIVE = /(?:ыми|ими|ого|его|ому|ему|ых|их|ый|ий|ой|ая|яя|ое|ее|ые|ие|ым|им|ую|юю)$/u;

/** An adjective or participle form (`совместных`, `внеплановые`, `проверенных`). */
export function looksRussianAdjective(word: string): boolean {
  return word.length >= 4 && ADJECTIVE.test(word.toLowerCase());
}

/** A finite verb, short participle, infinitive or gerund: the counted noun is not past it. */
export function looksRussianVerb(word: string): boolean {
  return /(?:ть|ться|ти|ется|ются|ится|ятся|ался|лся|лась|лось|лись|ал|ял|ил|ел|ла|ло|ли|ено|ена|ены|ано|ана|аны|ят|ют|ует|ает|ит|ет|вши)$/u.test(word.toLowerCase()) && word.length >= 4;
}
