import type { Block, DocTree } from '../model/doc-tree.ts';

export interface DocumentHeading {
  title: string | null;
  organization: string | null;
  period: { year: number | null; quarter: number | null; from?: number | null; to?: number | null };
}

/** Head nouns of organisation names (stems, any case ending): fund, ministry, agency, office, department. */
const ORG_HEAD = /^(?:фонд|министрлиг|министерств|министрли|агентств|агенттиг|комитет|кызмат|инспекц|газар|газр|яам|хороо|алба|хэлтэс|тасаг|тасг|департамент|башкармалы|ministry|agency|fund|office|department|committee|service|inspectorate)/iu;

const ROMAN: Readonly<Record<string, number>> = { I: 1, II: 2, III: 3, IV: 4 };

function titleBlock(blocks: readonly Block[]): Block | undefined {
  const beforeTable = blocks.slice(0, Math.max(1, blocks.findIndex((b) => b.kind === 'table')));
  return (
    beforeTable.find((b) => b.kind === 'heading' && b.level === 1) ??
    beforeTable.find((b) => b.kind === 'heading') ??
    beforeTable.find((b) => b.kind === 'paragraph' && b.bold === true && b.text.length > 20 && !/:$/.test(b.text))
  );
}

/**
 * The organisation is the opening noun phrase of the title up to its last organisational head noun
 * within the first words: "Кыргыз Республикасынын … Социалдык фондунун", "НИЙГМИЙН ДААТГАЛЫН
 * ГАЗРЫН … ТАСГИЙН". Reports name their author first, in the genitive, before saying what they are.
 */
function organizationOf(title: string, language: string): string | null {
  const words = title.split(/\s+/);
  const isHead = (w: string): boolean => ORG_HEAD.test(w.replace(/^[«"“(]+/u, ''));
  if (HEAD_FIRST.has(language)) {
    // Russian, Ukrainian, English put the head noun first: "… Министерства финансов на 2023 год".
    const at = words.findIndex(isHead);
    if (at < 0) return null;
    let end = at + 1;
    while (end < words.length && !STOP.test(words[end] ?? '')) end++;
    return words.slice(at, end).join(' ').replace(/[,;:]$/, '');
  }
  let last = -1;
  words.slice(0, 14).forEach((w, i) => {
    if (isHead(w)) last = i;
  });
  return last >= 0 ? words.slice(0, last + 1).join(' ') : null;
}

/** Languages whose noun phrases put the head first (the organisation follows the report words). */
const HEAD_FIRST = new Set(['rus', 'ukr', 'eng']);
/** Where a head-first organisation name ends: a preposition, a year or a dash. */
const STOP = /^(?:на|за|по|в|во|о|об|с|со|до|для|from|for|on|in|of\b.*\d|[-–—]|\d{4}\S*)$/iu;

/** Reporting period from the title: year, quarter ("2024-жылдын I-кварталына", "Q1 2024"), plan range. */
export function periodOf(text: string): DocumentHeading['period'] {
  const range = text.match(/\b((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})\b/u);
  const quarter = text.match(/\b(IV|III|II|I|[1-4])\s*[-–]?\s*(?:квартал|чейрек|улирал|тоқсан|quarter)\p{L}*/iu) ?? text.match(/\bQ([1-4])\b/u);
  const years = [...text.matchAll(/\b((?:19|20)\d{2})\b(?!\s*[-–—]\s*(?:19|20)\d{2})/gu)]
    .filter((m) => !range || (m.index ?? 0) < (range.index ?? 0) || (m.index ?? 0) > (range.index ?? 0) + range[0].length)
    .map((m) => Number(m[1]));
  const q = quarter?.[1];
  const out: DocumentHeading['period'] = {
    year: years.at(-1) ?? null,
    quarter: q ? (ROMAN[q.toUpperCase()] ?? Number(q)) : null,
  };
  if (range) {
    out.from = Number(range[1]);
    out.to = Number(range[2]);
  }
  return out;
}

export function readHeading(doc: DocTree, language = 'und'): DocumentHeading {
  const block = titleBlock(doc.blocks);
  const title = block && (block.kind === 'heading' || block.kind === 'paragraph') ? block.text : (doc.metadata.title ?? null);
  return {
    title,
    organization: title ? organizationOf(title, language) : null,
    period: title ? periodOf(title) : { year: null, quarter: null },
  };
}
