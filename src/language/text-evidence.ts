import { normalizeLookalikes } from './lookalikes.ts';

/**
 * The part of a text that can speak for a language. URLs, e-mail addresses, codes with digits
 * (`А/161`, `ПП-4136`, `2024.12.31`) and short capitalised abbreviations (`КР`, `УИХ`) occur in
 * every language of a report alike, so they are set aside before anything is counted.
 */
export interface TextEvidence {
  /** NFC, look-alikes mapped, lower-cased: what franc and the letter rules read. */
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

function isCode(token: string): boolean {
  return /\p{N}/u.test(token) || /[/\\_]/u.test(token);
}

function isAbbreviation(token: string): boolean {
  const letters = [...token].filter((c) => LETTER.test(c));
  return letters.length <= ABBREVIATION_MAX && letters.length > 1 && letters.every((c) => c === c.toUpperCase() && c !== c.toLowerCase());
}

export function textEvidence(text: string): TextEvidence {
  const normalized = normalizeLookalikes(text.normalize('NFC').replace(URL_OR_MAIL, ' '));
  const words: string[] = [];
  let letters = 0;
  let cyrillicLetters = 0;
  let latinLetters = 0;
  for (const token of normalized.match(TOKEN) ?? []) {
    if (isAbbreviation(token)) continue;
    const code = isCode(token);
    for (const part of token.split(/[^\p{L}\p{M}]+/u)) {
      // Inside a code only real words count: `2024-жылдын` keeps `жылдын`, `ПП-4136` keeps nothing.
      if (!part || (code && (part.length < 3 || isAbbreviation(part)))) continue;
      const word = part.toLowerCase();
      words.push(word);
      for (const ch of word) {
        if (!LETTER.test(ch)) continue;
        letters++;
        if (CYRILLIC.test(ch)) cyrillicLetters++;
        else if (LATIN.test(ch)) latinLetters++;
      }
    }
  }
  return { lower: normalized.toLowerCase(), words, letters, cyrillicLetters, latinLetters };
}
