import type { Goal } from '../model/report.ts';

const GOAL_PREFIX = /^\s*(?:(?:зорилт|зорилго|максат|мақсат|цель|goal|objective|priority|приоритет|раздел|section)\s*)?(\d{1,2}(?:\.\d{1,2})*|[IVXLC]{1,6})\s*[.)]?\s+/iu;

/** A goal's number as printed ("I", "1") and its title without that number. */
export function readGoal(id: string, text: string): Goal {
  const m = text.match(GOAL_PREFIX);
  if (!m || m[1] === undefined) return { id, number: null, title: text };
  return { id, number: m[1], title: text.slice(m[0].length).trim() || text };
}
