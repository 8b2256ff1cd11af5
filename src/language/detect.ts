import { isCandidate } from './candidates.ts';
import type { Candidate } from './candidates.ts';
import { languageFeatures } from './language-features.ts';
import type { CandidateFeatures, LanguageFeatures } from './language-features.ts';

export { CANDIDATES } from './candidates.ts';

export interface LanguageGuess {
  /** ISO 639-3, `und` when undecidable. */
  code: string;
  confidence: number;
  script: 'Cyrl' | 'Latn' | 'Zyyy';
}

export interface DetectOptions {
  /** The document's language: used only when the text's own evidence is weak. */
  prior?: string;
}

/**
 * Weights of the evidence, in the units of the trigram log-likelihoods they are added to. Fitted
 * by grid search on the dev half of `fixtures/lang/` only (see `docs/language.md`).
 */
export interface Weights {
  /** Multiplies franc's own normalized score (best language 1). */
  franc: number;
  /** Multiplies the summed trigram log-likelihoods. */
  trigram: number;
  /** Per function-word hit, at most `wordCap` hits counted per language. */
  word: number;
  wordCap: number;
  /** Per word with the language's grammatical ending, at most `endingCap`. */
  ending: number;
  endingCap: number;
  /** Per occurrence of a letter the language does not write, at most `foreignCap`. */
  foreign: number;
  foreignCap: number;
  /** The language's everyday letters all absent from a text long enough to show them. */
  missingHallmark: number;
  /** Per doubled rounded vowel, against languages that do not double vowels; at most `softCap`. */
  doubleRounded: number;
  /** Per `ж`, against Tatar. */
  zhe: number;
  /** Per letter Kyrgyz and Kazakh use only in Russian loans, against those two. */
  loanLetters: number;
  /** Per word with о/ө after its first vowel, against Kazakh and Tatar. */
  roundedLater: number;
  softCap: number;
  /**
   * Subtracted for the candidates reports rarely use (Tatar, Uzbek, Ukrainian): a base rate, so a
   * cell of a dozen letters that fits Tatar trigrams as well as Kyrgyz ones (`Жогорку Кеңеш`)
   * goes to the language the reports are actually written in.
   */
  rareLanguage: number;
  /** Below this lead over the prior language, the prior is taken instead. */
  priorMargin: number;
  /** Softmax temperature turning score gaps into a confidence. */
  temperature: number;
}

export const WEIGHTS: Weights = {
  franc: 0.5,
  trigram: 0.2,
  word: 6,
  wordCap: 4,
  ending: 3,
  endingCap: 6,
  foreign: 6,
  foreignCap: 4,
  missingHallmark: 2,
  doubleRounded: 0.3,
  zhe: 0.5,
  loanLetters: 0.2,
  roundedLater: 2,
  softCap: 3,
  rareLanguage: 1,
  priorMargin: 2,
  temperature: 1,
};

/** Fewer usable letters than this: a number, a date, a code, an abbreviation. */
export const MIN_LETTERS = 4;
/** Below this many letters a text without a prior is `und` unless its lead is clear. */
export const SHORT_LETTERS = 9;
const SHORT_MARGIN = 1;

const UND: LanguageGuess = { code: 'und', confidence: 0, script: 'Zyyy' };

export interface ScoredGuess {
  guess: LanguageGuess;
  /** Combined score per candidate, best first; empty when no candidate was scored. */
  scores: Array<[Candidate, number]>;
  letters: number;
}

/** Softmax share of `code` among the candidates' scores. */
function confidenceOf(scores: Array<[Candidate, number]>, code: string, weights: Weights): number {
  const top = scores[0]?.[1] ?? 0;
  let sum = 0;
  let own = 0;
  for (const [lang, s] of scores) {
    const e = Math.exp((s - top) / weights.temperature);
    sum += e;
    if (lang === code) own = e;
  }
  return Math.round((own / sum) * 1000) / 1000;
}

/** The weighted sum of one candidate's evidence. */
const RARE: ReadonlySet<Candidate> = new Set(['tat', 'uzb', 'ukr']);

export function scoreCandidate(lang: Candidate, f: CandidateFeatures, weights: Weights): number {
  return (
    -(RARE.has(lang) ? weights.rareLanguage : 0) +
    weights.trigram * f.trigram +
    weights.franc * f.franc +
    weights.word * Math.min(f.words, weights.wordCap) +
    weights.ending * Math.min(f.endings, weights.endingCap) -
    weights.foreign * Math.min(f.foreign, weights.foreignCap) -
    (f.missingHallmark ? weights.missingHallmark : 0) -
    weights.doubleRounded * Math.min(f.doubleRounded, weights.softCap) -
    weights.zhe * Math.min(f.zhe, weights.softCap) -
    weights.loanLetters * Math.min(f.loanLetters, weights.softCap) -
    weights.roundedLater * Math.min(f.roundedLater, weights.softCap)
  );
}

/**
 * Scores every candidate and picks one; `detectLanguage` is the public face of this. Exposed so
 * the document-level aggregation can weigh each text by its letters.
 */
export function scoreLanguage(text: string, options: DetectOptions = {}, weights: Weights = WEIGHTS): ScoredGuess {
  return decide(languageFeatures(text, weights.franc > 0), options, weights);
}

/** Turns evidence into a guess: best candidate, the prior where the lead is small, `und` when too little. */
export function decide(features: LanguageFeatures, options: DetectOptions = {}, weights: Weights = WEIGHTS): ScoredGuess {
  const { letters, script } = features;
  if (letters < MIN_LETTERS) return { guess: UND, scores: [], letters };
  const combined = new Map<Candidate, number>();
  for (const [lang, f] of features.candidates) combined.set(lang, scoreCandidate(lang, f, weights));

  const scores = [...combined].sort((a, b) => b[1] - a[1]);
  const best = scores[0];
  if (!best) return { guess: { ...UND, script }, scores, letters };
  const margin = best[1] - (scores[1]?.[1] ?? -Infinity);
  let code: string = best[0];

  const prior = options.prior;
  if (prior && isCandidate(prior) && prior !== code) {
    const priorScore = combined.get(prior);
    if (priorScore !== undefined && best[1] - priorScore < weights.priorMargin) code = prior;
  } else if (!prior && letters < SHORT_LETTERS && margin < SHORT_MARGIN) {
    return { guess: { ...UND, script }, scores, letters };
  }

  const confidence = confidenceOf(scores, code, weights);
  return { guess: { code, confidence, script }, scores, letters };
}

/**
 * Detects the language of one text: a table cell, a block or a whole document. franc's trigram
 * models, restricted to the candidates, give a likelihood; letters a language never writes,
 * letters it can hardly do without, frequent function words and grammatical endings correct it
 * where a short cell leaves the trigrams guessing. Look-alike letters from other scripts are read
 * as the Cyrillic letters they stand for. Never throws.
 */
export function detectLanguage(text: string, options: DetectOptions = {}): LanguageGuess {
  return scoreLanguage(text, options).guess;
}
