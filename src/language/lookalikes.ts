/**
 * Letters from other scripts that real documents put inside Cyrillic words: Latin `ɵ`/`ʏ`/`ə` typed
 * for Mongolian/Kyrgyz ө ү and Kazakh ә when a keyboard lacked them, Latin a/e/o/p/c/x/y from OCR or
 * mixed layouts, Latin `i` for Kazakh/Ukrainian і, the archaic fita for ө. Read as noise they both
 * hide the distinctive letters and break franc's trigrams, so they are mapped back first.
 */
const TO_CYRILLIC: Record<string, string> = {
  a: 'а', c: 'с', e: 'е', i: 'і', o: 'о', p: 'р', x: 'х', y: 'у', h: 'һ', k: 'к',
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', I: 'І', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х',
  // Capital Y has the shape of Ү, not of У (which has a tail); Mongolian OCR writes ЗYЙЛ for ЗҮЙЛ.
  Y: 'Ү',
  ɵ: 'ө', Ɵ: 'Ө', ʏ: 'ү', ə: 'ә', Ə: 'Ә',
  θ: 'ө', Θ: 'Ө', ο: 'о', α: 'а',
  ѳ: 'ө', Ѳ: 'Ө',
  // Kyrgyz typed in fonts without ң used the Altai/Mari letters.
  ҥ: 'ң', Ҥ: 'Ң', ӊ: 'ң', Ӊ: 'Ң', ӈ: 'ң', Ӈ: 'Ң',
};

const CYRILLIC = /\p{Script=Cyrillic}/u;
const WORD = /[\p{L}\p{M}]+/gu;
const CYRILLIC_VARIANT = /[ѳѲҥҤӊӉӈӇ]/u;
const FOREIGN = new RegExp(`[${Object.keys(TO_CYRILLIC).join('')}]`, 'u');

/** True when `word` mixes Cyrillic with look-alike letters that should be read as Cyrillic. */
function isMixed(word: string): boolean {
  return CYRILLIC.test(word) && /[^\p{Script=Cyrillic}]/u.test(word) && FOREIGN.test(word);
}

/**
 * Rewrites look-alike letters inside words that already contain Cyrillic. Words written wholly in
 * Latin (an English name, a URL) are left alone: there the letters are what they seem.
 */
export function normalizeLookalikes(text: string): string {
  if (!FOREIGN.test(text)) return text;
  return text.replace(WORD, (word) => {
    // The archaic and Altai letters are Cyrillic themselves, so a word may consist of them alone.
    if (!isMixed(word) && !CYRILLIC_VARIANT.test(word)) return word;
    let out = '';
    for (const ch of word) out += TO_CYRILLIC[ch] ?? ch;
    return out;
  });
}
