/**
 * Joins the visual lines of one cell or paragraph into text. A line-end hyphen is a soft break
 * only when the document itself shows it: the joined word occurs elsewhere in the document and the
 * hyphenated one does not. Otherwise the hyphen is kept, because compounds such as "иш-чара" break
 * after their hyphen and removing it would change the word. U+00AD (soft hyphen) always joins.
 */
export interface WordEvidence {
  has(word: string): boolean;
}

const LETTER_END = /(\p{L}+)-$/u;
const LETTER_START = /^(\p{L}+)/u;

export function joinLines(lines: readonly string[], words: WordEvidence): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.replace(/\u00AD(?=.)/g, '').trim();
    if (line === '') continue;
    if (out === '') {
      out = line;
      continue;
    }
    if (out.endsWith('\u00AD')) {
      out = out.slice(0, -1) + line;
      continue;
    }
    const tail = LETTER_END.exec(out);
    const head = LETTER_START.exec(line);
    if (tail?.[1] && head?.[1]) {
      const joined = (tail[1] + head[1]).toLowerCase();
      const hyphenated = `${tail[1]}-${head[1]}`.toLowerCase();
      if (words.has(joined) && !words.has(hyphenated)) out = out.slice(0, -1) + line;
      else out += line;
      continue;
    }
    out += ' ' + line;
  }
  return out.replace(/\u00AD$/, '').replace(/\s+/g, ' ').trim();
}

/** Every word of the document (lower-cased, letters and inner hyphens), as hyphenation evidence. */
export function collectWords(texts: Iterable<string>): Set<string> {
  const set = new Set<string>();
  for (const t of texts) for (const m of t.toLowerCase().matchAll(/\p{L}+(?:-\p{L}+)*/gu)) set.add(m[0]);
  return set;
}
