import lexiconData from '../quantity-lexicon.json' with { type: 'json' };
import { mongolianCandidates } from './mongolian.ts';
import { russianCandidates, russianLemmaStems } from './russian.ts';
import { turkicCandidates, withPossessive3 } from './turkic.ts';

/** Languages with a stemmer and a stem lexicon (ISO 639-3). */
export type NounLanguage = 'kir' | 'kaz' | 'khk' | 'rus';
export const NOUN_LANGUAGES: readonly NounLanguage[] = ['kir', 'kaz', 'khk', 'rus'];

interface LexiconEntry {
  lemma: string;
  stems?: string[];
  gloss?: string;
}

export interface NounReading {
  /** Dictionary form (of the whole term, for a multiword lemma). */
  lemma: string;
  language: NounLanguage;
  /** The word is the head of a Kyrgyz/Kazakh izafet (carries a third-person possessive). */
  possessive3: boolean;
  /** The stem the word was found under (Turkic: to rebuild an izafet citation form). */
  stem: string;
}

interface LanguageIndex {
  /** stem → lemma, for single-word lemmas. */
  single: Map<string, string>;
  /** last-word stem → multiword lemmas ending in it, with their leading words. */
  multi: Map<string, { lemma: string; lead: string[] }[]>;
}

const TURKIC_ALTERNATION: Record<string, string> = { к: 'г', п: 'б', қ: 'ғ' };

function stemsOf(word: string, language: NounLanguage, extra: readonly string[]): string[] {
  const w = word.toLowerCase();
  const out = new Set<string>([w, ...extra.map((s) => s.toLowerCase())]);
  if (language === 'rus') for (const s of russianLemmaStems(w)) out.add(s);
  if (language === 'kir' || language === 'kaz') {
    const alt = TURKIC_ALTERNATION[w.at(-1) ?? ''];
    if (alt) out.add(w.slice(0, -1) + alt);
  }
  if (language === 'khk') {
    // Mongolian lemmas ending in -ь drop it before -ий-: хувь → хув.
    if (w.endsWith('ь')) out.add(w.slice(0, -1));
  }
  return [...out];
}

function buildIndex(entries: readonly LexiconEntry[], language: NounLanguage): LanguageIndex {
  const single = new Map<string, string>();
  const multi = new Map<string, { lemma: string; lead: string[] }[]>();
  for (const entry of entries) {
    const words = entry.lemma.split(' ');
    if (words.length === 1) {
      for (const s of stemsOf(entry.lemma, language, entry.stems ?? [])) if (!single.has(s)) single.set(s, entry.lemma);
      continue;
    }
    const last = words.at(-1) as string;
    // A Turkic izafet head is listed with its possessive (`иши`); it is found under its stem too.
    const heads = new Set(stemsOf(last, language, entry.stems ?? []));
    if (language === 'kir' || language === 'kaz') {
      const m = last.match(/^(.*?)(?:с)?[ыиуүі]$/u);
      if (m?.[1] && m[1].length >= 2) for (const s of stemsOf(m[1], language, [])) heads.add(s);
    }
    for (const h of heads) {
      const list = multi.get(h) ?? [];
      list.push({ lemma: entry.lemma, lead: words.slice(0, -1).map((w) => w.toLowerCase()) });
      multi.set(h, list);
    }
  }
  return { single, multi };
}

const data = lexiconData as unknown as Record<string, unknown>;
const INDEX = new Map<NounLanguage, LanguageIndex>(
  NOUN_LANGUAGES.map((l) => [l, buildIndex((data[l] as LexiconEntry[] | undefined) ?? [], l)]),
);

/** Candidate stems of a word in a language, most specific first, with the Turkic possessive flag. */
function candidates(word: string, language: NounLanguage): { stem: string; possessive3: boolean }[] {
  if (language === 'rus') return russianCandidates(word).map((stem) => ({ stem, possessive3: false }));
  if (language === 'khk') return mongolianCandidates(word).map((c) => ({ stem: c.stem, possessive3: false }));
  const strict = turkicCandidates(word, language, true);
  const loose = turkicCandidates(word, language, false);
  return [...strict, ...loose].map((c) => ({ stem: c.stem, possessive3: c.possessive3 }));
}

/**
 * The dictionary form of a counted noun, when the stem lexicon knows it. `before` are the words
 * just before it (nearest last), for multiword terms (`аж ахуйн нэгж`, `айыл өкмөтү`).
 */
export function readNoun(word: string, language: NounLanguage, before: readonly string[] = []): (NounReading & { words: number }) | null {
  const index = INDEX.get(language);
  if (!index || !/\p{L}/u.test(word)) return null;
  for (const c of candidates(word, language)) {
    const multi = index.multi.get(c.stem);
    if (multi) {
      for (const m of multi) {
        const lead = before.slice(before.length - m.lead.length).map((w) => w.toLowerCase());
        if (lead.length === m.lead.length && lead.every((w, i) => w === m.lead[i] || (m.lead[i] ?? '').startsWith(w))) {
          return { lemma: m.lemma, language, possessive3: c.possessive3, stem: c.stem, words: m.lead.length + 1 };
        }
      }
    }
    const lemma = index.single.get(c.stem);
    if (lemma) return { lemma, language, possessive3: c.possessive3, stem: c.stem, words: 1 };
  }
  return null;
}

/** The citation form of a Turkic izafet head read under `stem` (кат → каты, өкмөт → өкмөтү). */
export function izafetHead(stem: string, language: NounLanguage): string {
  return language === 'kir' || language === 'kaz' ? withPossessive3(stem, language) : stem;
}

/** Candidate stems of a word (for tests and for the surface check of modifiers). */
export function nounCandidates(word: string, language: NounLanguage): string[] {
  return candidates(word, language).map((c) => c.stem);
}
