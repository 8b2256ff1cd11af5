/**
 * Text-level repairs of what pdf.js extracts, before any layout: presentation-form ligatures
 * back to letters, and private-use glyphs of symbol fonts (Symbol, Wingdings) that producers
 * use for list bullets mapped to the characters they show.
 */

const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
};

/** Symbol/Wingdings code points as pdf.js leaves them when the font maps into U+F000–U+F0FF. */
export const PRIVATE_USE_GLYPHS: Record<string, string> = {
  '\uF0B7': '•',
  '\uF0A7': '▪',
  '\uF06C': '●',
  '\uF06E': '■',
  '\uF0D8': '➢',
  '\uF076': '❖',
  '\uF0FC': '✓',
  '\uF0A8': '□',
  '\uF02D': '-',
  '\uF0BE': '—',
};

export interface GlyphTextResult {
  text: string;
  /** Private-use code points replaced by a known character. */
  mappedPrivateUse: number;
  /** Private-use code points left as they were (no known meaning). */
  unknownPrivateUse: number;
}

export function repairGlyphText(raw: string): GlyphTextResult {
  let mappedPrivateUse = 0;
  let unknownPrivateUse = 0;
  let text = '';
  for (const ch of raw) {
    const lig = LIGATURES[ch];
    if (lig !== undefined) {
      text += lig;
      continue;
    }
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0xe000 && cp <= 0xf8ff) {
      const known = PRIVATE_USE_GLYPHS[ch];
      if (known !== undefined) {
        mappedPrivateUse++;
        text += known;
      } else {
        unknownPrivateUse++;
        text += ch;
      }
      continue;
    }
    text += ch;
  }
  return { text, mappedPrivateUse, unknownPrivateUse };
}
