import { isDeepStrictEqual } from 'node:util';

/**
 * Differences between a report's format-independent projection (tests/golden/projection.ts) and
 * the golden one, one readable line each: goals, measures field by field, table shape and roles,
 * and table cells by grid position. An empty list means the report is the golden one.
 */
type Projection = {
  goals: unknown;
  measures: Record<string, unknown>[];
  tables: { headerRows: number; columns: number; rows: number; roles: unknown; groupRows: unknown; cells: Cell[] }[];
} & Record<string, unknown>;

/** Values are clipped in messages; GOLDEN_DIFF_WIDTH widens them. */
const WIDTH = Number(process.env['GOLDEN_DIFF_WIDTH'] ?? 160);
const clip = (v: unknown, n = WIDTH): string => {
  const s = JSON.stringify(v) ?? 'undefined';
  return s.length > n ? `${s.slice(0, n)}…` : s;
};

/** Two values side by side, each clipped around the first place where they differ. */
function gotWant(got: unknown, want: unknown): string {
  const a = JSON.stringify(got) ?? 'undefined';
  const b = JSON.stringify(want) ?? 'undefined';
  let at = 0;
  while (at < a.length && a[at] === b[at]) at++;
  const from = Math.max(0, at - Math.floor(WIDTH / 3));
  const part = (s: string): string => `${from > 0 ? '…' : ''}${s.slice(from, from + WIDTH)}${s.length > from + WIDTH ? '…' : ''}`;
  return `got ${part(a)} want ${part(b)}`;
}

/**
 * A hyphen then a space between two words («ня-бо- гор», «01- ны», OCR noise in the Mongolian
 * source) printed at a line end looks exactly like a hyphen ending the line with no space after
 * it: the space is not drawn, and nothing on the page tells whether it was there. The reader
 * joins after a line-end hyphen (compound words and dates break there), so the two are compared
 * as equal, and so are the offsets (`span`) that the lost space moves (`shiftedSpans`). Elsewhere
 * a space is forgiven only where the caller says the print cannot show it (`goldenDiff`'s
 * `forgiven`: indistinguishable-joins.ts `forgivenSpaces`).
 */
const HYPHEN_SPACE = /(?<=[\p{L}\p{N}]-) (?=[\p{L}\p{N}])/gu;

/** Where in `text` a forgiven space stands (indices), by any of the patterns. */
function forgivenAt(text: string, patterns: readonly RegExp[]): number[] {
  const at = new Set<number>();
  for (const p of patterns) for (const m of text.matchAll(p)) if (m.index !== undefined) at.add(m.index);
  return [...at].sort((a, b) => a - b);
}

function withoutForgiven(v: unknown, patterns: readonly RegExp[]): unknown {
  if (typeof v === 'string') {
    const at = new Set(forgivenAt(v, patterns));
    let out = '';
    for (let i = 0; i < v.length; i++) if (!at.has(i)) out += v[i];
    return out;
  }
  if (Array.isArray(v)) return v.map((x) => withoutForgiven(x, patterns));
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withoutForgiven(x, patterns)]));
  }
  return v;
}

const hasForgiven = (v: unknown, patterns: readonly RegExp[]): boolean => forgivenAt(JSON.stringify(v) ?? '', patterns).length > 0;

type Cell = [number, number, number, number, string];

/**
 * A measure's quantities with their offsets moved back by the forgiven spaces that come before
 * them in the cell they point into, so that only those ambiguities move them.
 */
function shiftedSpans(measure: Record<string, unknown>, tables: readonly { cells: Cell[] }[], patterns: readonly RegExp[]): Record<string, unknown> {
  const quantities = measure['quantities'];
  if (!Array.isArray(quantities)) return measure;
  const shifted = quantities.map((q: unknown) => {
    const o = q as { span?: { start: number; end: number }; place?: { kind?: string; table?: number; row?: number; col?: number } };
    const cells = o.place?.kind === 'cell' ? tables[o.place.table ?? 0]?.cells : undefined;
    const text = cells?.find((c) => c[0] === o.place?.row && c[1] === o.place?.col)?.[4];
    if (!o.span || text === undefined) return q;
    const at = forgivenAt(text, patterns);
    const before = (n: number): number => at.filter((i) => i < n).length;
    return { ...o, span: { start: o.span.start - before(o.span.start), end: o.span.end - before(o.span.end) } };
  });
  return { ...measure, quantities: shifted };
}

function same(a: unknown, b: unknown, patterns: readonly RegExp[]): boolean {
  if (isDeepStrictEqual(a, b)) return true;
  return (hasForgiven(a, patterns) || hasForgiven(b, patterns)) && isDeepStrictEqual(withoutForgiven(a, patterns), withoutForgiven(b, patterns));
}

/**
 * `forgiven`: spaces, each matched by a pattern as the one character of its match, that the print
 * cannot show (besides a hyphen's, always forgiven); a text with and without them compares equal.
 */
export function goldenDiff(gotValue: unknown, wantValue: unknown, limit = 40, forgiven: readonly RegExp[] = []): string[] {
  const patterns = [HYPHEN_SPACE, ...forgiven];
  const got = gotValue as Projection;
  const want = wantValue as Projection;
  const out: string[] = [];
  for (const k of ['language', 'title', 'organization', 'period', 'goals']) {
    if (!same(got[k], want[k], patterns)) out.push(`${k}: ${gotWant(got[k], want[k])}`);
  }
  if (got.measures.length !== want.measures.length) out.push(`measures: got ${got.measures.length} want ${want.measures.length}`);
  for (let i = 0; i < Math.max(got.measures.length, want.measures.length); i++) {
    const a = shiftedSpans(got.measures[i] ?? {}, got.tables, patterns);
    const b = shiftedSpans(want.measures[i] ?? {}, want.tables, patterns);
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!same(a[k], b[k], patterns)) out.push(`measure ${i + 1} ${k}: ${gotWant(a[k], b[k])}`);
    }
  }
  if (got.tables.length !== want.tables.length) out.push(`tables: got ${got.tables.length} want ${want.tables.length}`);
  want.tables.forEach((wt, t) => {
    const gt = got.tables[t];
    if (!gt) return;
    for (const k of ['headerRows', 'columns', 'rows', 'roles', 'groupRows'] as const) {
      if (!isDeepStrictEqual(gt[k], wt[k])) out.push(`table ${t} ${k}: ${gotWant(gt[k], wt[k])}`);
    }
    const key = (c: readonly (number | string)[]): string => `r${c[0]} c${c[1]} ${c[2]}x${c[3]}`;
    const have = new Map(gt.cells.map((c) => [key(c), c[4]]));
    const wanted = new Map(wt.cells.map((c) => [key(c), c[4]]));
    for (const [k, text] of wanted) if (!same(have.get(k), text, patterns)) out.push(`table ${t} cell ${k}: ${gotWant(have.get(k), text)}`);
    for (const [k, text] of have) if (!wanted.has(k)) out.push(`table ${t} extra cell ${k}: ${clip(text)}`);
  });
  return out.length > limit ? [...out.slice(0, limit), `… ${out.length - limit} more`] : out;
}
