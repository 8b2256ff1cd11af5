import { data } from 'franc/data.js';
import { fromFrancCode } from './candidates.ts';
import type { Candidate } from './candidates.ts';

/**
 * franc's own trigram models, read as likelihoods. franc ranks a text's trigrams by frequency and
 * sums how far each rank is from the model's: on a 30-character cell every trigram occurs once,
 * the text's ranks are arbitrary, and the distance is mostly noise (a Russian cell can come out
 * with Russian last). Here each trigram of the text instead gets the probability a Zipf curve
 * gives its rank in the model, and a small floor when the model lacks it: what matters on a short
 * cell is which trigrams are present, not their order.
 */

/** The models hold each language's 300 most frequent trigrams, most frequent first. */
const ZIPF_OFFSET = 8;
/** Log-probability of a trigram absent from a model, a little below the rarest listed one. */
const UNSEEN = -9;

const models = new Map<Candidate, Map<string, number>>();

function zipfLogProbabilities(list: string[]): Map<string, number> {
  let z = 0;
  for (let r = 0; r < list.length; r++) z += 1 / (r + ZIPF_OFFSET);
  const table = new Map<string, number>();
  list.forEach((trigram, rank) => {
    if (!table.has(trigram)) table.set(trigram, Math.log(1 / ((rank + ZIPF_OFFSET) * z)));
  });
  return table;
}

for (const script of ['Cyrillic', 'Latin'] as const) {
  const languages = data[script] ?? {};
  for (const [code, model] of Object.entries(languages)) {
    const lang = fromFrancCode(code);
    // uzn has a Latin and a Cyrillic model; each text is scored against the one of its script.
    if (!lang || (lang === 'uzb' && script === 'Latin') || (lang === 'eng' && script !== 'Latin')) continue;
    models.set(lang, zipfLogProbabilities(model.split('|')));
  }
}
const latinUzbek = data.Latin?.['uzn'];
const uzbekLatin = latinUzbek ? zipfLogProbabilities(latinUzbek.split('|')) : undefined;

/** The same cleaning franc applies before counting trigrams: ASCII punctuation and digits become spaces. */
export function trigramsOf(lower: string): string[] {
  const clean = lower.replace(/[\u0021-\u0040]+/gu, ' ').replace(/\s+/gu, ' ').trim();
  if (!clean) return [];
  const padded = ` ${clean} `;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return out;
}

/** How many trigrams `trigramsOf(lower)` gives, without making them. */
export function trigramCount(lower: string): number {
  const clean = lower.replace(/[\u0021-\u0040]+/gu, ' ').replace(/\s+/gu, ' ').trim();
  return clean ? clean.length : 0;
}

/**
 * All models in one table, trigram → log-probability per language, so scoring a text costs one
 * lookup per trigram instead of one per trigram and language.
 */
interface JointModel {
  langs: readonly Candidate[];
  table: Map<string, Float64Array>;
}

const joint = new Map<string, JointModel>();

function jointModel(langs: readonly Candidate[], latin: boolean): JointModel {
  const key = `${latin ? 'L' : 'C'}:${langs.join(',')}`;
  const cached = joint.get(key);
  if (cached) return cached;
  const table = new Map<string, Float64Array>();
  langs.forEach((lang, i) => {
    const model = latin && lang === 'uzb' ? uzbekLatin : models.get(lang);
    for (const [trigram, logp] of model ?? []) {
      let row = table.get(trigram);
      if (!row) {
        row = new Float64Array(langs.length).fill(UNSEEN);
        table.set(trigram, row);
      }
      row[i] = logp;
    }
  });
  const built = { langs, table };
  joint.set(key, built);
  return built;
}

/** Mean log-probability per trigram under each language's model. */
export function trigramScores(trigrams: readonly string[], langs: readonly Candidate[], latin = false): Map<Candidate, number> {
  const scores = new Map<Candidate, number>();
  if (trigrams.length === 0) return scores;
  const { table } = jointModel(langs, latin);
  const sums = new Float64Array(langs.length);
  let unseen = 0;
  for (const t of trigrams) {
    const row = table.get(t);
    if (!row) {
      unseen++;
      continue;
    }
    for (let i = 0; i < row.length; i++) sums[i] = (sums[i] ?? 0) + (row[i] ?? UNSEEN);
  }
  langs.forEach((lang, i) => {
    const hasModel = latin && lang === 'uzb' ? uzbekLatin !== undefined : models.has(lang);
    if (hasModel) scores.set(lang, ((sums[i] ?? 0) + unseen * UNSEEN) / trigrams.length);
  });
  return scores;
}
