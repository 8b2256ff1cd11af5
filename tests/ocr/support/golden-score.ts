import type { Report } from '../../../src/model/report.ts';

/** The golden expected.json as tests/golden/projection.ts writes it. */
export interface GoldenReport {
  goals: Report['goals'];
  measures: (Omit<Report['measures'][number], 'source'> & { table: number })[];
}

export interface GoldenScore {
  golden: number;
  /** Golden measures with a counterpart in the scan's report. */
  found: number;
  /** Per field: golden measures whose field the scan got right (unfound measures count as wrong). */
  fields: Record<FieldName, number>;
  /** Right fields over all fields of all golden measures. */
  fieldShare: number;
  foundShare: number;
}

const FIELDS = ['goal', 'number', 'status', 'start', 'end', 'score'] as const;
type FieldName = (typeof FIELDS)[number];

/**
 * How much of a golden report a scan's report gives back. Each golden measure is paired, in
 * document order, with the unused scanned measure whose text is most alike (letter trigrams,
 * Dice); a pair needs half its trigrams shared. Then goal (by its title), number, normalized
 * status, start, end and score are compared field by field.
 */
export function scoreAgainstGolden(report: Report, golden: GoldenReport): GoldenScore {
  const fields = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<FieldName, number>;
  const used = new Set<number>();
  let found = 0;
  let from = 0;
  for (const g of golden.measures) {
    let best = -1;
    let bestSim = 0.5;
    report.measures.forEach((m, i) => {
      if (used.has(i) || i < from - 3) return;
      const sim = dice(g.text, m.text);
      if (sim > bestSim) {
        bestSim = sim;
        best = i;
      }
    });
    const m = report.measures[best];
    if (!m) continue;
    used.add(best);
    from = best;
    found++;
    const goalTitle = (id: string | null, goals: Report['goals']): string => goals.find((x) => x.id === id)?.title ?? '';
    const gGoal = goalTitle(g.goalId, golden.goals);
    const mGoal = goalTitle(m.goalId, report.goals);
    if ((gGoal === '' && mGoal === '') || dice(gGoal, mGoal) >= 0.6) fields.goal++;
    if (norm(g.number) === norm(m.number)) fields.number++;
    if (g.status.normalized === m.status.normalized) fields.status++;
    if (g.start === m.start) fields.start++;
    if (g.end === m.end) fields.end++;
    if (g.score === m.score) fields.score++;
  }
  const right = FIELDS.reduce((n, f) => n + fields[f], 0);
  const total = golden.measures.length;
  return { golden: total, found, fields, fieldShare: total > 0 ? right / (total * FIELDS.length) : 1, foundShare: total > 0 ? found / total : 1 };
}

function norm(s: string | null): string {
  return (s ?? '').replace(/[.\s]+$/u, '').trim();
}

function trigrams(s: string): Map<string, number> {
  const t = ` ${s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  const out = new Map<string, number>();
  for (let i = 0; i + 3 <= t.length; i++) {
    const g = t.slice(i, i + 3);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient of letter trigrams: 1 for the same text, near 0 for unrelated texts. */
export function dice(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  let na = 0;
  let nb = 0;
  let both = 0;
  for (const v of ta.values()) na += v;
  for (const [g, v] of tb) {
    nb += v;
    both += Math.min(v, ta.get(g) ?? 0);
  }
  return na + nb > 0 ? (2 * both) / (na + nb) : 1;
}
