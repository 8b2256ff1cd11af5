/**
 * Detects fonts whose text came out as glyph codes instead of characters: the PDF has no
 * ToUnicode map and a custom encoding (PDF 32000-1 §9.10.2 gives no way to recover Unicode then),
 * so pdf.js returns Latin look-alikes, control characters or replacement characters.
 */
export interface UnicodeMapVerdict {
  suspicious: boolean;
  reason: string;
}

const VOWELS = /[aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿ]/i;

export function checkFontText(text: string): UnicodeMapVerdict {
  const chars = [...text.replace(/\s+/g, '')];
  if (chars.length < 20) return { suspicious: false, reason: '' };
  let control = 0;
  let replacement = 0;
  let latin1 = 0;
  for (const ch of chars) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) control++;
    else if (cp === 0xfffd) replacement++;
    else if (cp >= 0xa0 && cp <= 0xff) latin1++;
  }
  const share = (n: number): number => n / chars.length;
  if (share(control + replacement) > 0.1) return { suspicious: true, reason: `${control + replacement} control or replacement characters` };
  // Cyrillic set in a font without a map often comes out as Latin-1 letters (Ê, Î, Ð…).
  if (share(latin1) > 0.3) return { suspicious: true, reason: `${latin1} Latin-1 letters out of ${chars.length}` };
  const words = text.split(/\s+/).filter((w) => /^[A-Za-z\u00C0-\u00FF]{4,}$/.test(w));
  if (words.length >= 8) {
    const noVowel = words.filter((w) => !VOWELS.test(w)).length;
    if (noVowel / words.length > 0.4) return { suspicious: true, reason: `${noVowel} of ${words.length} words have no vowel` };
  }
  return { suspicious: false, reason: '' };
}
