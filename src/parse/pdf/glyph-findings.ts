import { finding, type Finding } from '../../model/finding.ts';
import type { PageStats } from './page-reader.ts';
import { checkFontText } from './unicode-map-check.ts';

/** Findings about the glyphs themselves: symbol-font private-use codes, fonts without a Unicode map. */
export function glyphFindings(stats: PageStats): Finding[] {
  const out: Finding[] = [];
  if (stats.mappedPrivateUse > 0) {
    out.push(finding('pdf/private-use-glyph', 'info', `${stats.mappedPrivateUse} private-use symbol-font glyph(s) (e.g. U+F0B7) were mapped to the characters they show (e.g. "•").`));
  }
  if (stats.unknownPrivateUse > 0) {
    out.push(finding('pdf/private-use-unknown', 'warning', `${stats.unknownPrivateUse} private-use glyph(s) with no known meaning were kept as they are.`));
  }
  for (const [font, text] of stats.textByFont) {
    const verdict = checkFontText(text, stats.mappedFonts.has(font) ? 'defined' : 'unknown');
    if (verdict.suspicious) {
      const name = stats.fonts.get(font) ?? font;
      out.push(finding('pdf/no-unicode-map', 'warning', `Font ${name} has no usable Unicode map: its text is not real characters (${verdict.reason}). Text in this font is unreliable.`, {}, name));
    }
  }
  return out;
}
