import * as cheerio from 'cheerio';

/**
 * Bags of words (multisets of whitespace-separated tokens, NFKC): a reader that glues two words at a
 * line join or splits one loses a word of the bag and gains another, whatever the table grid.
 */
export type WordBag = Map<string, number>;

export function wordBag(texts: Iterable<string>): WordBag {
  const bag: WordBag = new Map();
  for (const t of texts) for (const w of t.normalize('NFKC').split(/\s+/u)) if (w !== '') bag.set(w, (bag.get(w) ?? 0) + 1);
  return bag;
}

/** Text of every cell of every table of an HTML page (paragraphs, items and line breaks apart). */
export function htmlCellTexts(html: string): string[] {
  const $ = cheerio.load(html);
  $('td br, th br').replaceWith(' ');
  $('td p, td li, td div, th p, th li, th div').append(' ');
  return $('th, td')
    .toArray()
    .map((el) => $(el).text());
}

/** Words of `got` that `want` lacks, and words of `want` that `got` lacks (with multiplicity). */
export function bagDiff(got: WordBag, want: WordBag): { extra: string[]; missing: string[] } {
  const extra: string[] = [];
  const missing: string[] = [];
  for (const [w, n] of got) for (let i = want.get(w) ?? 0; i < n; i++) extra.push(w);
  for (const [w, n] of want) for (let i = got.get(w) ?? 0; i < n; i++) missing.push(w);
  return { extra, missing };
}
