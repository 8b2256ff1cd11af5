import { CYRILLIC_CANDIDATES, fromFrancCode } from './candidates.ts';
import type { Candidate, CyrillicCandidate } from './candidates.ts';
import { francScores as francAllScores } from './franc-scores.ts';
import { functionWordHits } from './function-words.ts';
import { SOFT_CUE_TARGETS, letterEvidence, softLetterCues } from './letter-evidence.ts';
import { sampleWords } from './evidence-sample.ts';
import { textEvidence } from './text-evidence.ts';
import { trigramCount, trigramScores, trigramsOf } from './trigram-model.ts';
import { endingHits } from './word-endings.ts';

/**
 * Every piece of evidence about one text, per candidate, as raw counts and scores. Kept apart
 * from the weighting (`detect.ts`) so the weights can be fitted on the dev set without
 * re-reading the texts, and so a reader can see what each language was credited with.
 */
export interface CandidateFeatures {
  /** Summed trigram log-likelihood under franc's model of the language. */
  trigram: number;
  /** franc's normalized score (best 1). */
  franc: number;
  words: number;
  endings: number;
  /** Occurrences of letters the language does not write. */
  foreign: number;
  missingHallmark: boolean;
  doubleRounded: number;
  zhe: number;
  loanLetters: number;
  roundedLater: number;
}

export interface LanguageFeatures {
  letters: number;
  script: 'Cyrl' | 'Latn';
  candidates: Map<Candidate, CandidateFeatures>;
}

const FRANC_CYRILLIC = CYRILLIC_CANDIDATES.map((c) => (c === 'uzb' ? 'uzn' : c));
const FRANC_LATIN = ['eng', 'uzn'];
const LATIN_CANDIDATES: readonly Candidate[] = ['eng', 'uzb'];

function francScores(text: string, only: string[]): Map<Candidate, number> {
  const scores = new Map<Candidate, number>();
  for (const [code, score] of francAllScores(text, only)) {
    const lang = fromFrancCode(code);
    if (lang) scores.set(lang, score);
  }
  return scores;
}

/**
 * franc's rank distance is asked only from this many letters on. Below it every trigram of the
 * text occurs once, so its ranks are arbitrary and the dev fit gave that score nothing to do; the
 * same models still count through `trigram`. Skipping it also keeps a cell within franc's time.
 */
export const FRANC_MIN_LETTERS = 40;

export function languageFeatures(text: string, withFranc = true): LanguageFeatures {
  const evidence = textEvidence(text);
  const script = evidence.cyrillicLetters * 2 >= evidence.letters ? 'Cyrl' : 'Latn';
  const candidates = new Map<Candidate, CandidateFeatures>();
  if (evidence.letters === 0) return { letters: 0, script, candidates };

  const latin = script === 'Latn';
  const langs: readonly Candidate[] = latin ? LATIN_CANDIDATES : CYRILLIC_CANDIDATES;
  // A long text is read through a sample; its trigram sum is scaled back to the whole text's
  // length, so a long text still outweighs the capped cues as it did read whole.
  const sampled = sampleWords(evidence.words);
  const lower = sampled === evidence.words ? evidence.lower : sampled.join(' ');
  const trigrams = trigramsOf(lower);
  const positions = sampled === evidence.words ? trigrams.length : trigramCount(evidence.lower);
  const likelihood = trigramScores(trigrams, langs, latin);
  const franc = withFranc && evidence.letters >= FRANC_MIN_LETTERS ? francScores(lower, latin ? FRANC_LATIN : FRANC_CYRILLIC) : undefined;
  const words = functionWordHits(sampled);
  const endings = endingHits(sampled);
  const letters = latin ? undefined : letterEvidence(lower, evidence.cyrillicLetters);
  const soft = latin ? undefined : softLetterCues(lower, sampled);

  for (const lang of langs) {
    const cyr = lang === 'eng' ? undefined : (lang as CyrillicCandidate);
    const against = (cue: keyof typeof SOFT_CUE_TARGETS): number =>
      soft && cyr && SOFT_CUE_TARGETS[cue].includes(cyr) ? soft[cue] : 0;
    candidates.set(lang, {
      trigram: (likelihood.get(lang) ?? 0) * positions,
      // Without a franc score every candidate gets the same 1, so the term does not move the ranking.
      franc: franc ? (franc.get(lang) ?? 0) : 1,
      words: words.get(lang) ?? 0,
      endings: endings.get(lang) ?? 0,
      foreign: letters && cyr ? letters.foreign[cyr] : 0,
      missingHallmark: letters && cyr ? letters.missingHallmarks.includes(cyr) : false,
      doubleRounded: against('doubleRounded'),
      zhe: against('zhe'),
      loanLetters: against('loanLetters'),
      roundedLater: against('roundedLater'),
    });
  }
  return { letters: evidence.letters, script, candidates };
}
