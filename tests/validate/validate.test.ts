import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../pipelines/ingest/index.ts';
import type { Report } from '../../src/model/report.ts';
import { scoreScale } from '../../src/validate/rules.ts';
import { validateReport } from '../../src/validate/index.ts';

async function seedReport(): Promise<Report> {
  const path = join(import.meta.dirname, '../../fixtures/golden/mn-ndg-inspector-2024/input.txt');
  const outcome = await ingestDocument({ bytes: new Uint8Array(readFileSync(path)), filename: path });
  if (outcome.status !== 'ok') throw new Error(outcome.error.message);
  return outcome.report;
}

const codes = (r: Report): string[] => r.findings.map((f) => f.code);

describe('validateReport', () => {
  it('flags the OCR seed as it is: reversed period, fixed score, score off the 0–10 scale, misfit rows', async () => {
    const report = await seedReport();
    expect(codes(report)).toEqual(expect.arrayContaining(['DATE_RANGE_REVERSED', 'SCORE_OCR_FIXED', 'SCORE_OUT_OF_RANGE', 'ROW_CELLS_MISFIT', 'ROW_CONTINUED_ACROSS_PAGE']));
    const outOfRange = report.findings.filter((f) => f.code === 'SCORE_OUT_OF_RANGE');
    expect(outOfRange).toHaveLength(1);
    expect(outOfRange[0]?.location.measure).toBe(report.measures.find((m) => m.score === 11)?.id);
  });

  it('keeps every measure and is idempotent', async () => {
    const report = await seedReport();
    const again = validateReport(validateReport(report));
    expect(again.measures).toEqual(report.measures);
    expect(codes(again).sort()).toEqual(codes(report).sort());
  });

  it('finds end before start, a measure without text, an unknown status word, a table with no roles', async () => {
    const report = await seedReport();
    const [first, second, third] = report.measures;
    const broken: Report = {
      ...report,
      measures: [
        { ...first!, start: '2024-12-31', end: '2024-01-01' },
        { ...second!, text: '' },
        { ...third!, status: { raw: 'белгисиз', normalized: 'unknown' } },
        ...report.measures.slice(3),
      ],
      tables: [...report.tables, { ...report.tables[0]!, id: 't9', roles: ['unknown', 'unknown'] }],
    };
    const found = validateReport(broken).findings;
    expect(found.find((f) => f.code === 'END_BEFORE_START')?.location.measure).toBe(first!.id);
    expect(found.find((f) => f.code === 'MEASURE_WITHOUT_TEXT')?.location.measure).toBe(second!.id);
    expect(found.find((f) => f.code === 'STATUS_UNKNOWN_WORD')?.location.measure).toBe(third!.id);
    expect(found.find((f) => f.code === 'TABLE_NO_ROLES')?.location.table).toBe(report.tables.length);
  });

  it('reports schema violations as findings with the path', async () => {
    const report = await seedReport();
    const bad = { ...report, measures: [{ ...report.measures[0]!, start: '31.12.2024' }] } as Report;
    const finding = validateReport(bad).findings.find((f) => f.code === 'SCHEMA_INVALID');
    expect(finding?.location.path).toBe('measures.0.start');
  });

  it('infers the score scale from the report itself', () => {
    expect(scoreScale([10, 10, 9, 11, 10])).toBe(10);
    expect(scoreScale([3, 4, 5, 5])).toBe(5);
    expect(scoreScale([80, 95, 100])).toBe(100);
    expect(scoreScale([])).toBeNull();
  });
});
