import { textKey } from './text-cues.ts';

/** Share of a text's letters that may differ between two readings of the same printed text. */
const MAX_DIFFERENCE = 0.12;

/**
 * The same printed text read twice: equal keys, or (for texts long enough to judge) an edit
 * distance within 12 % of the longer one. A header repeated on every page of a scan comes out of
 * OCR with a letter or two different each time (ү/у, ө/е, a dropped hyphen); from a text layer it
 * is identical, and still matches.
 */
export function nearlySameText(a: string, b: string): boolean {
  const x = textKey(a);
  const y = textKey(b);
  if (x === y) return true;
  const longer = Math.max(x.length, y.length);
  if (Math.min(x.length, y.length) < 6) return false;
  const budget = Math.floor(longer * MAX_DIFFERENCE);
  if (Math.abs(x.length - y.length) > budget) return false;
  return withinEditDistance(x, y, budget);
}

/** Two rows of the distance table, kept between calls: rows of a long table are compared by the hundred. */
let rows: [Int32Array, Int32Array] = [new Int32Array(0), new Int32Array(0)];

/**
 * Whether the Levenshtein distance of `a` and `b` (UTF-16 code units) is at most `limit`. Only
 * the cells within `limit` of the diagonal are computed: a path through any other costs more than
 * `limit` by the length difference alone, so the band decides exactly, in (2 limit + 1) cells a
 * row instead of the whole row.
 */
function withinEditDistance(a: string, b: string, limit: number): boolean {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > limit) return false;
  if (rows[0].length < m + 2) rows = [new Int32Array(m + 2), new Int32Array(m + 2)];
  let [prev, cur] = rows;
  // Past the limit every value is the same to the answer; capping keeps the band's edges simple.
  const over = limit + 1;
  const first = Math.min(m, limit);
  for (let j = 0; j <= first; j++) prev[j] = j;
  prev[first + 1] = over;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(m, i + limit);
    cur[from - 1] = from === 1 ? Math.min(i, over) : over;
    let best = cur[from - 1]!;
    const code = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      let v = prev[j - 1]! + (code === b.charCodeAt(j - 1) ? 0 : 1);
      if (prev[j]! + 1 < v) v = prev[j]! + 1;
      if (cur[j - 1]! + 1 < v) v = cur[j - 1]! + 1;
      if (v > over) v = over;
      cur[j] = v;
      if (v < best) best = v;
    }
    cur[to + 1] = over;
    if (best > limit) return false;
    [prev, cur] = [cur, prev];
  }
  return prev[m]! <= limit;
}
