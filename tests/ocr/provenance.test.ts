import { describe, expect, it } from 'vitest';
import type { Measure } from '../../src/model/report.ts';
import type { NormalizedTable, TableCell } from '../../src/model/table.ts';
import { chooseModels } from '../../src/ocr/language-pass.ts';
import { LOW_CONFIDENCE, ocrProvenance, type OcrTable } from '../../src/ocr/ocr-findings.ts';
import type { WorkCell, WorkRow } from '../../src/tables/work-table.ts';
import { nearlySameText } from '../../src/text/near-same-text.ts';

const cell = (row: number, col: number, text: string, confidence?: number): TableCell => ({
  row,
  col,
  rowSpan: 1,
  colSpan: 1,
  text,
  header: row === 0,
  language: 'und',
  ...(confidence === undefined ? {} : { ocr: { confidence } }),
});

/** Output grid and the logical rows it came from: logical row i is grid row i + 1 (one header row). */
const table = (cells: TableCell[]): OcrTable => {
  const output: NormalizedTable = { id: 't0', pages: [1, 2], headerRows: 1, columns: 2, rows: 3, roles: ['number', 'measure'], groupRows: [], cells };
  const work = (c: TableCell): WorkCell => ({ paragraphs: c.text ? [c.text] : [], bold: false, header: false, position: {}, ...(c.ocr ? { ocr: c.ocr.confidence } : {}) });
  const rows: WorkRow[] = [1, 2].map((r) => ({
    cells: cells.filter((c) => c.row === r).map(work),
    header: false,
    pageBreakBefore: false,
    continuesPrevious: undefined,
    group: false,
    pages: [r],
    // Stitched rows are numbered before repeated headers were dropped: not the grid row.
    stitchedRows: [r + 3],
    position: {},
  }));
  return { output, rows };
};

const measure = (id: string, rows: number[], pages: number[]): Measure => ({
  id,
  goalId: null,
  number: null,
  text: 'x',
  context: {},
  responsible: [],
  indicators: [],
  expectedResults: [],
  status: { raw: null, normalized: 'unknown' },
  start: null,
  end: null,
  score: null,
  quantities: [],
  narrative: null,
  source: { table: 0, rows, pages },
});

describe('OCR provenance in the report', () => {
  it('measures get the mean confidence of their OCR cells; cells under the bar become findings with their place', () => {
    const t = table([cell(0, 0, '№', 0.9), cell(0, 1, 'Чара', 0.95), cell(1, 0, '1', 0.96), cell(1, 1, 'Аткарылды', 0.9), cell(2, 0, '2', 0.4), cell(2, 1, 'ыыыы', 0.3)]);
    const measures = [measure('m1', [1], [1]), measure('m2', [2], [2])];
    const findings = ocrProvenance([t], measures);
    expect(measures[0]?.ocr?.confidence).toBeCloseTo(0.93, 3);
    expect(measures[1]?.ocr?.confidence).toBeCloseTo(0.35, 3);
    expect(findings.map((f) => [f.code, f.severity, f.location])).toEqual([
      ['OCR_LOW_CONFIDENCE', 'warning', { table: 0, row: 2, col: 0, page: 2, measure: 'm2' }],
      ['OCR_LOW_CONFIDENCE', 'warning', { table: 0, row: 2, col: 1, page: 2, measure: 'm2' }],
    ]);
    expect(findings[1]?.message).toContain('ыыыы');
    expect(LOW_CONFIDENCE).toBeGreaterThan(0.4);
  });

  it('text-layer tables (no OCR cells) get no OCR fields and no findings', () => {
    const t = table([cell(0, 0, '№'), cell(1, 0, '1'), cell(1, 1, 'Чара')]);
    const measures = [measure('m1', [1], [1])];
    expect(ocrProvenance([t], measures)).toEqual([]);
    expect(measures[0]?.ocr).toBeUndefined();
  });
});

describe('language of a page from the quick pass', () => {
  const installed = new Set(['kir', 'mon', 'kaz', 'rus', 'eng']);
  it.each([
    ['Социалдык фонддун ишине аудит жүргүзүү жана анын жыйынтыктары боюнча маалымат', 'kir+rus'],
    ['Нийгмийн даатгалын тухай хууль тогтоомжийн хэрэгжилтийг хангаж ажилласан байна', 'mon+rus'],
    ['Проведение аудита деятельности Социального фонда и информирование о его результатах', 'rus'],
    ['Audit of the Social Fund and publication of its results in the media', 'eng'],
  ])('%s → %s', (text, models) => {
    expect(chooseModels(text, installed).models).toBe(models);
  });

  it('undecided text keeps the document language so far, else reads with every model', () => {
    const previous = { language: 'kir', models: 'kir+rus' };
    expect(chooseModels('2024.01.01 10', installed, previous)).toBe(previous);
    expect(chooseModels('2024.01.01 10', installed).models).toBe('kir+mon+kaz+rus+eng');
  });

  it('uses only installed models', () => {
    expect(chooseModels('Социалдык фонддун ишине аудит жүргүзүү жана анын жыйынтыктары боюнча маалымат', new Set(['rus'])).models).toBe('rus');
  });
});

describe('repeated headers read by OCR match nearly', () => {
  it('a letter or two of OCR noise still matches; different texts do not', () => {
    expect(nearlySameText('Зорилтыг хэрэгжүүлэх арга хэмжээ', 'Зорилтыг хэрэгжуулэх арга хэмжээ')).toBe(true);
    expect(nearlySameText('Стратегиялык максат', 'Стратегиялык. максат')).toBe(true);
    expect(nearlySameText('Суурь түвшин', 'Хүрэх түвшин')).toBe(false);
    expect(nearlySameText('1', '2')).toBe(false);
  });
});
