/**
 * A bounded, deterministic sample of a long text's words, for the evidence whose cost grows with
 * the text (trigrams, franc's ranks, letters, endings). Past a few hundred letters that evidence
 * has long settled: the trigram sums grow with the text while every other cue is capped at a few
 * hits. Reading a whole 2,000-letter table cell costs as much as a hundred short ones; a sample
 * of stretches spread evenly over it sees the same language (or the same mix) at a bounded cost.
 */

/**
 * franc's models list each language's 300 most frequent trigrams; a sample with about as many
 * trigram positions can show every one of them. Below this a text is read whole.
 */
export const SAMPLE_LETTERS = 300;
/** Stretches of consecutive words the sample is taken from, spread evenly from start to end. */
const STRETCHES = 6;

/** `words` whole when they hold at most `budget` letters, else `STRETCHES` evenly spaced runs of about budget / STRETCHES letters each. */
export function sampleWords(words: readonly string[], budget = SAMPLE_LETTERS): readonly string[] {
  let total = 0;
  for (const word of words) total += word.length;
  if (total <= budget) return words;
  const perStretch = Math.ceil(budget / STRETCHES);
  const sample: string[] = [];
  for (let s = 0; s < STRETCHES; s++) {
    const end = Math.floor(((s + 1) * words.length) / STRETCHES);
    let taken = 0;
    for (let i = Math.floor((s * words.length) / STRETCHES); i < end && taken < perStretch; i++) {
      const word = words[i] ?? '';
      sample.push(word);
      taken += word.length;
    }
  }
  return sample;
}
