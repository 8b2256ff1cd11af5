/**
 * Puts look-alike letters into Cyrillic text the way real documents have them: Latin/IPA letters
 * typed for Mongolian/Kyrgyz/Kazakh letters a keyboard lacked (ɵ ʏ ə, Latin i), and Latin a/e/o/p/c
 * from OCR or mixed layouts. Deterministic: every `every`-th candidate letter is swapped.
 */
const SWAPS: Record<string, string> = {
  ө: 'ɵ', Ө: 'Ɵ', ү: 'ʏ', ә: 'ə', Ә: 'Ə', і: 'i', І: 'I', ң: 'ӊ',
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', х: 'x', А: 'A', Е: 'E', О: 'O', Р: 'P', С: 'C', Н: 'H', К: 'K', Т: 'T',
};

export function withLookalikes(text: string, every = 2): string {
  let n = 0;
  let out = '';
  for (const ch of text) {
    const swap = SWAPS[ch];
    out += swap !== undefined && n++ % every === 0 ? swap : ch;
  }
  return out;
}
