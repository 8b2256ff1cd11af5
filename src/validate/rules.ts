import { finding, type Finding } from '../model/finding.ts';
import type { Report } from '../model/report.ts';
import { readStatusWord } from '../extract/status-lexicon.ts';

/** Codes produced by validation; re-validating replaces them instead of piling them up. */
export const VALIDATION_CODES = new Set([
  'SCHEMA_INVALID',
  'END_BEFORE_START',
  'SCORE_OUT_OF_RANGE',
  'MEASURE_WITHOUT_TEXT',
  'STATUS_UNKNOWN_WORD',
  'TABLE_NO_ROLES',
  'NO_MEASURES',
]);

/**
 * The scale scores are given on, inferred from the report itself: the smallest of the usual scales
 * (5, 10, 100) that holds most of its scores. One stray value must not widen the scale it breaks.
 */
export function scoreScale(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  for (const scale of [5, 10, 100]) {
    if (scores.filter((s) => s >= 0 && s <= scale).length >= scores.length * 0.8) return scale;
  }
  return null;
}

export function ruleFindings(report: Report): Finding[] {
  const out: Finding[] = [];
  const scores = report.measures.map((m) => m.score).filter((s): s is number => s !== null);
  const scale = scoreScale(scores);
  for (const m of report.measures) {
    const at = { measure: m.id, table: m.source.table, ...(m.source.rows[0] !== undefined ? { row: m.source.rows[0] } : {}) };
    if (m.start && m.end && m.end < m.start) {
      out.push(finding('END_BEFORE_START', 'error', `Measure ${m.number ?? m.id} ends (${m.end}) before it starts (${m.start}).`, at));
    }
    if (m.score !== null && scale !== null && (m.score < 0 || m.score > scale)) {
      out.push(finding('SCORE_OUT_OF_RANGE', 'warning', `Score ${m.score} is outside this report's 0–${scale} scale; check the source.`, at));
    }
    if (m.text.trim() === '') {
      out.push(finding('MEASURE_WITHOUT_TEXT', 'error', `Row ${m.source.rows.join('+')} of table ${m.source.table} has no measure text.`, at));
    }
    for (const raw of (m.status.raw ?? '').split('; ').filter(Boolean)) {
      if (readStatusWord(raw)?.normalized === 'unknown') {
        out.push(finding('STATUS_UNKNOWN_WORD', 'warning', `Status word "${raw}" is not in the status lexicon; kept raw, normalized as unknown.`, at));
      }
    }
  }
  report.tables.forEach((t, i) => {
    if (t.roles.length > 0 && t.roles.every((r) => r === 'unknown')) {
      out.push(finding('TABLE_NO_ROLES', 'warning', `Table ${t.id}: no column could be given a role (unknown headers); no measures read from it.`, { table: i }));
    }
  });
  if (report.tables.length > 0 && report.measures.length === 0) {
    out.push(finding('NO_MEASURES', 'warning', 'The document has tables but none reads as a plan table (no measure or activity column).', {}));
  }
  return out;
}
