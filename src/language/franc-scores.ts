import { data } from 'franc/data.js';
import { expressions } from 'franc/expressions.js';

/**
 * franc 6's `francAll(text, { only, minLength: 1 })`, score for score, for the few languages
 * reportmill asks about. franc keeps every trigram of the text in a plain object, sorts them, and
 * looks each up once per language, again in plain objects, after building such an object for
 * each of its 400 languages on import: over a long cell that was most of the detector's time. Here
 * a text's trigrams are counted in a Map and each is looked up once in one table holding its rank
 * in every asked-for model. The sums are integers, so the scores are exactly franc's (checked
 * against franc itself in tests/language/franc-scores.test.ts).
 */

/** franc reads no further than this many UTF-16 code units of a text. */
const MAX_LENGTH = 2048;
/** franc's distance for a trigram the model lacks. */
const MAX_DIFFERENCE = 300;

const models: Record<string, Record<string, string>> = data;
const scriptExpressions: Record<string, RegExp> = expressions;

/** Rank of each trigram in each asked-for model (-1: absent), one row per trigram. */
interface JointRanks {
  codes: string[];
  table: Map<string, Int32Array>;
}

const joints = new Map<string, JointRanks>();

function jointRanks(script: string, only: readonly string[]): JointRanks {
  const key = `${script}:${only.join(',')}`;
  const cached = joints.get(key);
  if (cached) return cached;
  const languages = models[script] ?? {};
  // franc keeps the models' own order, which decides ties between equal distances.
  const codes = Object.keys(languages).filter((code) => only.includes(code));
  const table = new Map<string, Int32Array>();
  codes.forEach((code, i) => {
    const model = (languages[code] ?? '').split('|');
    // franc assigns from the rarest down, so a trigram listed twice keeps its first (lowest) rank.
    for (let rank = model.length - 1; rank >= 0; rank--) {
      const trigram = model[rank] ?? '';
      let row = table.get(trigram);
      if (!row) {
        row = new Int32Array(codes.length).fill(-1);
        table.set(trigram, row);
      }
      row[i] = rank;
    }
  });
  const built = { codes, table };
  joints.set(key, built);
  return built;
}

/** Matches of a global expression in `value`, as `value.match(expression)?.length`, without the array of them. */
function countMatches(value: string, expression: RegExp): number {
  expression.lastIndex = 0;
  let count = 0;
  while (expression.test(value)) count++;
  return count;
}

/**
 * Scripts that most texts here are written in, asked first. No other script's expression matches
 * any character theirs match (checked over every code point), so once one of them holds more than
 * half of the text no other can reach its share, and the other 28 expressions need not run.
 */
const USUAL_SCRIPTS = ['Cyrillic', 'Latin'];

/** The script franc reads the text in: the one whose letters make up most of it, first listed on a tie. */
function topScript(value: string): { script: string | undefined; share: number } {
  for (const name of USUAL_SCRIPTS) {
    const expression = scriptExpressions[name];
    const share = expression ? countMatches(value, expression) / value.length || 0 : 0;
    if (share > 0.5) return { script: name, share };
  }
  let script: string | undefined;
  let top = -1;
  for (const [name, expression] of Object.entries(scriptExpressions)) {
    const share = countMatches(value, expression) / value.length || 0;
    if (share > top) {
      top = share;
      script = name;
    }
  }
  return { script, share: top };
}

/** franc's cleaning (trigram-utils): ASCII punctuation and digits become spaces, whitespace collapses. */
function trigramCounts(value: string): Map<string, number> {
  const clean = value.replace(/[\u0021-\u0040]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
  const padded = ` ${clean} `;
  const counts = new Map<string, number>();
  for (let i = 0; i + 3 <= padded.length; i++) {
    const trigram = padded.slice(i, i + 3);
    counts.set(trigram, (counts.get(trigram) ?? 0) + 1);
  }
  return counts;
}

/**
 * franc's normalized score (best 1, then down towards 0) per language of `only` (franc's codes),
 * as `francAll(text, { only, minLength: 1 })` gives them; empty where franc answers `und`.
 */
export function francScores(text: string, only: readonly string[]): Map<string, number> {
  const scores = new Map<string, number>();
  if (!text) return scores;
  const value = text.slice(0, MAX_LENGTH);
  const { script, share } = topScript(value);
  // A script with one language (Greek, Georgian, …) is answered with that language or `und`; none is asked for here.
  if (script === undefined || !(script in models)) {
    if (script !== undefined && share !== 0 && only.includes(script)) scores.set(script, 1);
    return scores;
  }
  const { codes, table } = jointRanks(script, only);
  if (codes.length === 0) return scores;
  const distances = new Array<number>(codes.length).fill(0);
  for (const [trigram, count] of trigramCounts(value)) {
    const row = table.get(trigram);
    for (let i = 0; i < codes.length; i++) {
      const rank = row ? (row[i] ?? -1) : -1;
      distances[i]! += rank < 0 ? MAX_DIFFERENCE : Math.abs(count - rank - 1);
    }
  }
  const min = Math.min(...distances);
  const max = value.length * MAX_DIFFERENCE - min;
  codes.forEach((code, i) => scores.set(code, 1 - ((distances[i] ?? 0) - min) / max || 0));
  return scores;
}
