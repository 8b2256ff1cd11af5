/**
 * Output text is verbatim but with whitespace collapsed (the output contract). Non-breaking and
 * other Unicode spaces count as whitespace; soft hyphens and zero-width characters are dropped
 * because they are layout artefacts, not content.
 */
export function collapseWhitespace(text: string): string {
  return text
    .replace(/[\u00ad\u200b\u200c\u200d\u2060\ufeff]/g, '')
    .replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
    .trim();
}

/** Joins cell paragraphs into the cell's flat text. */
export function joinParagraphs(paragraphs: readonly string[]): string {
  return collapseWhitespace(paragraphs.filter((p) => p.length > 0).join(' '));
}
