import type { NounLanguage } from './stemmers/index.ts';
import { looksRussianAdjective, looksRussianVerb } from './stemmers/russian.ts';

/**
 * Word classes the quantity reader needs around a number, per language: units written as symbols or
 * currency names, multipliers, approximators, function words, and the shapes of modifiers and verbs
 * (which may stand between a number and its noun, or end the search for one).
 */

/** Units that are not counted nouns: money, per cent, measures. Canonical name beside each. */
export const SYMBOL_UNITS: readonly (readonly [RegExp, string])[] = [
  [/^сомони$/iu, 'сомони'],
  [/^сом(?!он)\p{L}*$/iu, 'сом'],
  [/^(?:теңге|тенге)\p{L}*$/iu, 'тенге'],
  [/^(?:төгрөг\p{L}*|₮)$/iu, 'төгрөг'],
  [/^(?:руб\.?|рубл\p{L}*)$/iu, 'руб'],
  [/^(?:ам\.доллар\p{L}*|доллар\p{L}*|usd|\$)$/iu, 'USD'],
  [/^(?:евро|eur|€)$/iu, 'EUR'],
  [/^(?:%|пайыз\p{L}*|процент\p{L}*|хувь\p{L}*|хувий\p{L}*|хуви[аа]\p{L}*|percent)$/iu, '%'],
  [/^(?:кг|килограмм\p{L}*)\.?$/iu, 'кг'],
  [/^(?:тонн\p{L}*|тн)\.?$/iu, 'т'],
  [/^га\.?$/iu, 'га'],
  [/^км\.?$/iu, 'км'],
  [/^(?:м2|м²|кв\.м)\.?$/iu, 'м²'],
  [/^(?:persons?|people)$/iu, 'person'],
];

export function symbolUnit(word: string): string | null {
  for (const [re, unit] of SYMBOL_UNITS) if (re.test(word)) return unit;
  return null;
}

/** Words that multiply the number before them (`1,5 млн`, `45 мянга`, `11 миллиард`). */
export function multiplierOf(word: string): number | null {
  const w = word.toLowerCase();
  if (/^(?:тыс\.?|тысяч\p{L}*|миң\p{L}{0,4}|мың\p{L}{0,4}|мянга\p{L}{0,4})$/u.test(w)) return 1e3;
  if (/^(?:млн\.?|миллион\p{L}{0,3}|сая(?:ар|ын|аас|д)?)$/u.test(w)) return 1e6;
  if (/^(?:млрд\.?|миллиард\p{L}{0,3}|тэрбум\p{L}{0,4})$/u.test(w)) return 1e9;
  return null;
}

/** "About", "more than", "up to" after a number: skipped on the way to the noun. */
const APPROXIMATORS = new Set([
  'ашык', 'ашуун', 'жакын', 'чамасы', 'чамалуу', 'дейре', 'кем', 'эмес', 'ашыгыраак',
  'астам', 'жуық', 'шамасында', 'артық', 'тарта', 'шамамен',
  'гаруй', 'орчим', 'орчмын', 'хүртэл', 'шахам', 'илүү', 'давсан', 'дээш',
  'более', 'около', 'свыше', 'почти', 'порядка',
]);

export function isApproximator(word: string): boolean {
  return APPROXIMATORS.has(word.toLowerCase());
}

const FUNCTION_WORDS: Record<NounLanguage, ReadonlySet<string>> = {
  kir: new Set(['жана', 'же', 'менен', 'үчүн', 'боюнча', 'карата', 'ичинде', 'ичинен', 'болуп', 'деп', 'да', 'дагы', 'эле', 'гана', 'анын', 'алардын', 'ошол', 'бул', 'ал', 'тарабынан', 'аркылуу', 'сыяктуу', 'ылайык', 'чейин', 'тартып', 'баштап', 'кийин', 'мурун', 'жөнүндө', 'тууралуу', 'же', 'ар', 'бир']),
  kaz: new Set(['және', 'мен', 'үшін', 'бойынша', 'қарай', 'ішінде', 'оның', 'олардың', 'бұл', 'сол', 'арқылы', 'дейін', 'бастап', 'кейін', 'туралы', 'немесе', 'әр', 'бір']),
  khk: new Set(['болон', 'ба', 'нь', 'буюу', 'ч', 'бол', 'гэж', 'юм', 'байна', 'байсан', 'бөгөөд', 'дээр', 'дотор', 'тус', 'бүр', 'бүхий', 'үүнээс', 'нийт', 'зэрэг', 'эсвэл', 'тухай', 'дагуу', 'хүрээнд', 'оны', 'он', 'онд']),
  rus: new Set(['и', 'в', 'во', 'на', 'с', 'со', 'по', 'из', 'от', 'до', 'за', 'для', 'о', 'об', 'что', 'как', 'или', 'а', 'но', 'при', 'к', 'у', 'не', 'это', 'же', 'ли', 'года', 'году', 'год', 'г', 'гг']),
};

export function isFunctionWord(word: string, languages: readonly NounLanguage[]): boolean {
  const w = word.toLowerCase();
  return languages.some((l) => FUNCTION_WORDS[l].has(w));
}

/** Words naming an identifier, not a count: the number before them is a number of something. */
export function isIdentifierWord(word: string): boolean {
  return /^(?:номер\p{L}*|нөмір\p{L}*|дугаар\p{L}*|дүгээр\p{L}*|тоот|статья\p{L}*|стать\p{L}*|пункт\p{L}*|бап\p{L}*|берене\p{L}*|тармақ\p{L}*|страниц\p{L}*|бет\p{L}*|стр\.?|телефон\p{L}*|дахь|дэх)$/iu.test(word);
}

const MODIFIER: Record<NounLanguage, RegExp> = {
  kir: /(?:[лдт][ыиуү]к|[лдт][уү][уү]|[дт][аеоө]г[ыиуү]|[дт][аеоө]г[ыиуү]лар|[гк][аеоө]н|[гк][ыиуү]|чу|чү|[сз][ыиуү]з|дай|дей|дой|дөй|тай|тей|той|төй)$/u,
  kaz: /(?:[лдт][ыі][қк]|дағы|дегі|тағы|тегі|[ғгқк][ыі]|[ғгқк][ае]н|сыз|сіз|дай|дей|тай|тей)$/u,
  khk: /(?:сан|сэн|сон|сөн|даг|дэг|дог|дөг|тай|тэй|той|гүй|лаг|лэг|ын|ийн|ний|ны|хүү|тэй)$/u,
  rus: /$^/u,
};

/** An adjective, participle or attributive form: may stand between a number and its noun. */
export function looksModifier(word: string, languages: readonly NounLanguage[]): boolean {
  const w = word.toLowerCase();
  if (w.length < 4) return false;
  return languages.some((l) => (l === 'rus' ? looksRussianAdjective(w) : MODIFIER[l].test(w)));
}

const VERB: Record<NounLanguage, RegExp> = {
  kir: /(?:[гк][аеоө]н(?:[дт][аеоө]р|л[аеоө]р)?(?:[гк][аеоө]|[дт][аеоө]|[дт][ыиуү]н|[нд][ыиуү]|[дт][аеоө]н)?|[дт][ыиуү]|[дт][ыиуү][мкң]|[дт][ыиуү]лар|[аеоө]т|йт|[ыиуү]п|шты|шти|шту|штү|ган|ген|гон|гөн|кан|кен|кон|көн|ат|сын|син|сун|сүн|мак|мек|мок|мөк|ылды|илди|улду|үлдү|ылат|илет|улат|үлөт)$/u,
  kaz: /(?:[дт][ыі]|[ыі]п|ған|ген|қан|кен|ады|еді|йды|йді|атын|етін|сын|сін|мақ|мек)$/u,
  khk: /(?:сан|сэн|сон|сөн|жээ|чээ|лаа|лээ|лоо|лөө|ж|ч|на|нэ|но|нө|даг|дэг|дог|дөг|х|аад|ээд|оод|өөд|вал|вэл|лаа|гдсан|гдэж|уулж|үүлж)$/u,
  rus: /$^/u,
};

/** A verb form: the noun, if any, is not past it. */
export function looksVerb(word: string, languages: readonly NounLanguage[]): boolean {
  const w = word.toLowerCase();
  if (w.length < 4) return false;
  return languages.some((l) => (l === 'rus' ? looksRussianVerb(w) : VERB[l].test(w)));
}

/** Month names (any case) in the four languages: a number before or after one is a date. */
export function isMonthWord(word: string): boolean {
  return /^(?:январ|феврал|март|апрел|ма[йяюе]|июн|июл|август|сентябр|октябр|ноябр|декабр|қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)\p{L}*$/iu.test(word);
}

/** Year words: a four-digit number before one is a year (`2024-жылы`, `2024 онд`, `2015 года`). */
export function isYearWord(word: string): boolean {
  return /^(?:жыл\p{L}*|жил\p{L}*|он|оны|онд|оноос|онтой|ондоо|год\p{L}*|г|гг|г\.|гг\.|year\p{L}*|жж)\.?$/iu.test(word);
}
