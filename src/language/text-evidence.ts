import { normalizeLookalikes } from './lookalikes.ts';

/**
 * The part of a text that can speak for a language. URLs, e-mail addresses, codes with digits
 * (`А/161`, `ПП-4136`, `2024.12.31`) and short capitalised abbreviations (`КР`, `УИХ`) occur in
 * every language of a report alike, so they are set aside before anything is counted.
 */
export interface TextEvidence {
  /** The words joined by spaces (NFC, look-alikes mapped, lower-cased): what franc and the letter rules read. */
  lower: string;
  /** Word tokens of `lower` that can carry language (no codes, no abbreviations). */
  words: string[];
  /** Letters in those words. */
  letters: number;
  cyrillicLetters: number;
  latinLetters: number;
}

const URL_OR_MAIL = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+/giu;
const TOKEN = /[\p{L}\p{M}\p{N}’'ʼ./\\_-]+/gu;
const LETTER = /[\p{L}\p{M}]/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
/** All-capital tokens this short are abbreviations far more often than words. */
const ABBREVIATION_MAX = 4;
const SHORT_ABBREVIATION = /^[\p{L}\p{M}]{1,2}\.$/u;

function isCode(token: string): boolean {
  return /\p{N}/u.test(token) || /[/\\_]/u.test(token);
}

function isAbbreviation(token: string): boolean {
  const first = token[0] ?? '';
  if (first === first.toLowerCase()) return false;
  const letters = [...token].filter((c) => LETTER.test(c));
  return letters.length <= ABBREVIATION_MAX && letters.length > 1 && letters.every((c) => c === c.toUpperCase() && c !== c.toLowerCase());
}

export function textEvidence(text: string): TextEvidence {
  const nfc = text.normalize('NFC');
  const normalized = normalizeLookalikes(/[@/]|www\./iu.test(nfc) ? nfc.replace(URL_OR_MAIL, ' ') : nfc);
  const words: string[] = [];
  let letters = 0;
  let cyrillicLetters = 0;
  let latinLetters = 0;
  for (const token of normalized.match(TOKEN) ?? []) {
    // `к.` (кылым), `ж.` (жыл), `Ч. Ч.` (initials): a letter or two before a full stop is an
    // abbreviation, and as a one-letter word it would pass for a function word (`к`, `ч`).
    if (isAbbreviation(token) || SHORT_ABBREVIATION.test(token)) continue;
    const code = isCode(token);
    const parts = /[^\p{L}\p{M}]/u.test(token) ? token.split(/[^\p{L}\p{M}]+/u) : [token];
    for (const part of parts) {
      // Inside a code only real words count: `2024-жылдын` keeps `жылдын`, `ПП-4136` keeps nothing.
      if (!part || (code && (part.length < 3 || isAbbreviation(part)))) continue;
      const word = part.toLowerCase();
      words.push(word);
      // Code-point ranges instead of Unicode-property regexes per character: this loop runs for
      // every cell of every document.
      for (let i = 0; i < word.length; i++) {
        const c = word.charCodeAt(i);
        if (c >= 0x0400 && c <= 0x052f) {
          letters++;
          cyrillicLetters++;
        } else if ((c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x2af)) {
          letters++;
          latinLetters++;
        } else if (c >= 0x300 && c <= 0x36f) {
          // combining marks ride on the letter before them
        } else if (LETTER.test(word[i] ?? '')) {
          letters++;
          if (CYRILLIC.test(word[i] ?? '')) cyrillicLetters++;
          else if (LATIN.test(word[i] ?? '')) latinLetters++;
        }
      }
    }
  }
  // What is counted is the words alone, so codes and abbreviations leave no trigrams behind.
  return { lower: words.join(' '), words, letters, cyrillicLetters, latinLetters };
}
