import { describe, expect, it } from 'vitest';
import { camelotScore, icdarScore } from '../../bench/pdf/peer-accuracy.ts';

/**
 * Issue 10's bar for PDFs the reader was not tuned on, scored by each set's own scorer
 * (bench/pdf/peer-accuracy.ts prints the full per-case tables): the camelot test-suite tables and
 * the EU half of ICDAR 2013. Parsing the 19 + 27 PDFs takes about 15 s on one idle core.
 */
describe('table accuracy on public PDF sets', () => {
  it('camelot: at least 14 of 19 cases found, adjacency F1 at least 0.85', async () => {
    const s = await camelotScore();
    expect(s.cases, s.lines.join('\n')).toBe(19);
    expect(s.found, s.lines.join('\n')).toBeGreaterThanOrEqual(14);
    expect(s.adjacencyF1, s.lines.join('\n')).toBeGreaterThanOrEqual(0.85);
  }, 180_000);

  it('ICDAR 2013 (EU): cell-adjacency F1 at least 0.95', async () => {
    const s = await icdarScore();
    expect(s.f1, s.lines.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(s.tablesCorrect, s.lines.join('\n')).toBeGreaterThanOrEqual(69);
  }, 180_000);
});
