import { createHash } from 'node:crypto';
import { Report, REPORT_SCHEMA_ID } from '../../../src/model/report.ts';
import type { StatusValue } from '../../../src/model/report.ts';

export interface ReportShape {
  /** Seeds the id; the same seed gives the same report. */
  seed: string;
  extractorVersion?: string;
  measures?: number;
  goals?: number;
  title?: string;
  language?: string;
  year?: number;
  quarter?: number | null;
  organization?: string | null;
  /** Normalized statuses, cycled over the measures; default done, in_progress, done, … */
  statuses?: readonly StatusValue[];
  /** Text of every measure, `{n}` replaced by its number. */
  measureText?: string;
}

export function documentIdOf(seed: string): string {
  return createHash('sha256').update(seed).digest('hex');
}

const RAW_STATUS: Record<StatusValue, string> = { done: 'Аткарылды', in_progress: 'Аткарылууда', not_done: 'Аткарылган жок', unknown: '' };

function statusOf(m: number, statuses: readonly StatusValue[] | undefined): { raw: string | null; normalized: StatusValue } {
  const normalized = statuses === undefined ? (m % 2 === 0 ? 'done' : 'in_progress') : statuses[m % statuses.length]!;
  return { raw: normalized === 'unknown' ? null : RAW_STATUS[normalized], normalized };
}

/** A valid report with every child table populated, sized by `shape`. */
export function makeReport(shape: ReportShape): Report {
  const goalCount = shape.goals ?? 2;
  const measureCount = shape.measures ?? 3;
  const goals = Array.from({ length: goalCount }, (_, g) => ({ id: `g${g + 1}`, number: String(g + 1), title: `Goal ${g + 1} of ${shape.seed}` }));
  const measures = Array.from({ length: measureCount }, (_, m) => ({
    id: `m${m + 1}`,
    goalId: goalCount === 0 ? null : `g${(m % goalCount) + 1}`,
    number: `${m + 1}.`,
    text: (shape.measureText ?? 'Measure {n}, "quoted", with a comma\nand a line break').replaceAll('{n}', String(m + 1)),
    context: { measure: `context ${m + 1}` },
    responsible: ['Ministry of Finance', `Agency ${m + 1}`],
    indicators: [{ name: `indicator ${m + 1}`, baseline: '10', target: '20', actual: m % 2 === 0 ? '15' : null }],
    expectedResults: [`result ${m + 1}`],
    status: statusOf(m, shape.statuses),
    start: '2024-01-01',
    end: '2024-12-31',
    score: m,
    quantities: [
      {
        value: 2078967 + m,
        unit: 'сом',
        text: `${2078967 + m} сом`,
        unit_form: 'lemma' as const,
        implied: false,
        span: { start: 0, end: String(2078967 + m).length + 4 },
        place: { kind: 'cell' as const, table: 0, row: m + 1, col: 1 },
      },
    ],
    narrative: null,
    source: { table: 0, rows: [m + 1], pages: [1] },
  }));
  return Report.parse({
    schema: REPORT_SCHEMA_ID,
    id: documentIdOf(shape.seed),
    extractorVersion: shape.extractorVersion ?? '1.0.0',
    source: { filename: `${shape.seed}.docx`, format: 'docx', bytes: 1234, pages: 2 },
    language: { code: shape.language ?? 'kir', confidence: 0.9, script: 'Cyrl' },
    title: shape.title ?? `Report ${shape.seed}`,
    organization: shape.organization === undefined ? 'Social Fund' : shape.organization,
    period: { year: shape.year ?? 2024, quarter: shape.quarter === undefined ? 1 : shape.quarter },
    goals,
    measures,
    blocks: [{ index: 0, kind: 'heading', language: 'kir', text: 'title' }],
    tables: [
      {
        id: 't0', pages: [1], headerRows: 1, columns: 2, rows: 2, roles: ['number', 'measure'], groupRows: [],
        cells: [
          { row: 0, col: 0, rowSpan: 1, colSpan: 1, text: '№', header: true, language: 'und' },
          { row: 0, col: 1, rowSpan: 1, colSpan: 1, text: 'Чара', header: true, language: 'kir' },
        ],
      },
    ],
    quantities: [{ value: 3, unit: 'адам', text: '3 адам', unit_form: 'lemma', implied: false, span: { start: 0, end: 6 }, place: { kind: 'narrative', block: 0 } }],
    findings: [{ code: 'TEST_FINDING', severity: 'info', message: 'made by the factory', location: { table: 0 } }],
  });
}
