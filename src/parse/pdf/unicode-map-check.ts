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

/**
 * Whether the file itself says which character each of a font's codes is: a ToUnicode map, or an
 * encoding whose every glyph name is a known one (PDF 32000-1 §9.10.2 a–c). Such a font's text
 * is what the file states, however odd its words look; only a map that names the wrong characters
 * (control codes, Cyrillic set as Latin-1) can still betray it.
 */
export type UnicodeMapping = 'defined' | 'guessed' | 'unknown';

export function checkFontText(text: string, mapping: UnicodeMapping = 'unknown'): UnicodeMapVerdict {
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
  // Raw glyph codes read as Latin letters rarely form vowels; but words without vowels (codes,
  // abbreviations, filler text) are real when the file maps the codes to them.
  if (mapping === 'defined') return { suspicious: false, reason: '' };
  const words = text.split(/\s+/).filter((w) => /^[A-Za-z\u00C0-\u00FF]{4,}$/.test(w));
  if (words.length >= 8) {
    const noVowel = words.filter((w) => !VOWELS.test(w)).length;
    if (noVowel / words.length > 0.4) return { suspicious: true, reason: `${noVowel} of ${words.length} words have no vowel` };
  }
  return { suspicious: false, reason: '' };
}

interface FontMapInfo {
  composite?: unknown;
  toUnicode?: unknown;
  defaultEncoding?: unknown;
  differences?: unknown;
}

/**
 * Judges a pdf.js font object (loaded with `fontExtraProperties`): pdf.js fills its `toUnicode`
 * from the file's ToUnicode map or, lacking one, from the encoding's glyph names it knows; a code
 * the encoding names but `toUnicode` lacks is one pdf.js passes on as the raw code. A composite
 * font without a map gets an identity map (raw CIDs), which has no `_map`.
 */
export function fontUnicodeMapping(font: unknown): UnicodeMapping {
  if (font === null || typeof font !== 'object') return 'unknown';
  const f = font as FontMapInfo;
  if (f.toUnicode === null || typeof f.toUnicode !== 'object') return 'unknown';
  const map = (f.toUnicode as { _map?: unknown })._map;
  if (!Array.isArray(map)) return 'guessed';
  if (f.composite === true) return 'defined';
  const named = (names: unknown): boolean => {
    if (names === null || typeof names !== 'object') return true;
    for (const [code, name] of Object.entries(names)) {
      if (typeof name === 'string' && name !== '' && name !== '.notdef' && map[Number(code)] === undefined) return false;
    }
    return true;
  };
  return named(f.defaultEncoding) && named(f.differences) ? 'defined' : 'guessed';
}
