import { z } from 'zod';
import { Finding } from './finding.ts';
import { LanguageCode, OcrProvenance, SourceFormat } from './doc-tree.ts';
import { NormalizedTable } from './table.ts';

export const REPORT_SCHEMA_ID = 'reportmill/report@1';

export const StatusValue = z.enum(['done', 'in_progress', 'not_done', 'unknown']);
export type StatusValue = z.infer<typeof StatusValue>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const Goal = z
  .object({
    id: z.string(),
    number: z.string().nullable().describe('As printed (e.g. "I", "1"), or null.'),
    title: z.string(),
  })
  .meta({ id: 'Goal' });
export type Goal = z.infer<typeof Goal>;

/**
 * Where a row states a target and an actual (and maybe a baseline) as counts or amounts of one
 * unit, their numbers: a planned and a held number of events.
 */
export const IndicatorValues = z
  .object({
    unit: z.string(),
    baseline: z.number().nullable(),
    target: z.number().nullable(),
    actual: z.number().nullable(),
  })
  .meta({ id: 'IndicatorValues' });
export type IndicatorValues = z.infer<typeof IndicatorValues>;

export const Indicator = z
  .object({
    name: z.string().nullable(),
    baseline: z.string().nullable(),
    target: z.string().nullable(),
    actual: z.string().nullable(),
    values: IndicatorValues.optional().describe('Numbers of the target and actual when both are quantities of one unit.'),
  })
  .meta({ id: 'Indicator' });
export type Indicator = z.infer<typeof Indicator>;

export const QuantityPlace = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('cell'),
      table: z.number().int().min(0),
      row: z.number().int().min(0).describe('Row of the normalized table grid (header rows included).'),
      col: z.number().int().min(0),
    }),
    z.object({ kind: z.literal('narrative'), block: z.number().int().min(0).describe('Index into blocks[].') }),
  ])
  .meta({ id: 'QuantityPlace' });
export type QuantityPlace = z.infer<typeof QuantityPlace>;

export const Quantity = z
  .object({
    value: z.number(),
    unit: z.string().nullable().describe('Dictionary form of the counted noun, or the canonical unit (сом, %, руб, …); as printed when unit_form is "surface".'),
    text: z.string().describe('Verbatim source text of the quantity.'),
    unit_form: z.enum(['lemma', 'surface']).describe('"lemma": unit is a dictionary form or canonical unit; "surface": an unknown noun, as printed.'),
    implied: z.boolean().describe('The unit is not written beside the number: taken from a list head, a partitive or an ellipsis.'),
    label: z.string().optional().describe('For a list item: its label as printed.'),
    span: z
      .object({ start: z.number().int().min(0), end: z.number().int().min(0) })
      .describe('Offsets of text in the cell text (tables[].cells[].text) or block text (blocks[].text), UTF-16 code units.'),
    place: QuantityPlace,
  })
  .meta({ id: 'Quantity' });
export type Quantity = z.infer<typeof Quantity>;

export const Status = z
  .object({
    raw: z.string().nullable(),
    normalized: StatusValue,
  })
  .meta({ id: 'Status' });
export type Status = z.infer<typeof Status>;

export const MeasureSource = z.object({
  table: z.number().int().min(0),
  rows: z.array(z.number().int().min(0)).describe('Grid rows of the normalized table this measure came from.'),
  pages: z.array(z.number().int().min(1)),
});

export const Measure = z
  .object({
    id: z.string(),
    goalId: z.string().nullable(),
    number: z.string().nullable().describe('As printed, or null.'),
    text: z.string().describe('The measure / activity itself.'),
    context: z.record(z.string(), z.string()).describe('Wider columns when the plan has them: measure, tasks, …'),
    responsible: z.array(z.string()),
    indicators: z.array(Indicator),
    expectedResults: z.array(z.string()),
    status: Status,
    start: IsoDate.nullable(),
    end: IsoDate.nullable(),
    score: z.number().nullable(),
    quantities: z.array(Quantity),
    narrative: z.string().nullable(),
    source: MeasureSource,
    /** Read by OCR: the mean confidence of the row's cells. */
    ocr: OcrProvenance.optional(),
  })
  .meta({ id: 'Measure' });
export type Measure = z.infer<typeof Measure>;

export const Period = z
  .object({
    year: z.number().int().nullable(),
    quarter: z.number().int().min(1).max(4).nullable(),
    from: z.number().int().nullable().optional(),
    to: z.number().int().nullable().optional(),
  })
  .meta({ id: 'Period' });

export const BlockSummary = z
  .object({
    index: z.number().int().min(0),
    kind: z.enum(['heading', 'paragraph', 'list', 'table', 'page-break']),
    language: LanguageCode,
    page: z.number().int().min(1).optional(),
    text: z.string().optional(),
    ocr: OcrProvenance.optional(),
  })
  .meta({ id: 'BlockSummary', description: 'Each source block with its detected language.' });

export const Report = z
  .object({
    schema: z.literal(REPORT_SCHEMA_ID),
    id: z.string().regex(/^[0-9a-f]{64}$/).describe('sha256 of the original bytes'),
    extractorVersion: z.string(),
    source: z.object({
      filename: z.string(),
      format: SourceFormat,
      bytes: z.number().int().min(0),
      pages: z.number().int().min(0),
    }),
    language: z.object({
      code: LanguageCode,
      confidence: z.number().min(0).max(1),
      script: z.string(),
      /** Share of the document's letters per language, largest first (mixed-language reports). */
      shares: z.array(z.object({ code: LanguageCode, share: z.number().min(0).max(1) })).optional(),
    }),
    title: z.string().nullable(),
    organization: z.string().nullable(),
    period: Period,
    goals: z.array(Goal),
    measures: z.array(Measure),
    blocks: z.array(BlockSummary),
    tables: z.array(NormalizedTable),
    quantities: z.array(Quantity).describe('Quantities in prose outside the tables (place: narrative).'),
    findings: z.array(Finding),
  })
  .meta({ id: 'Report', title: REPORT_SCHEMA_ID });
export type Report = z.infer<typeof Report>;
