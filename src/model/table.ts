import { z } from 'zod';
import { LanguageCode, OcrProvenance } from './doc-tree.ts';

/** What a column holds, whatever the language of its header. */
export const ColumnRole = z.enum([
  'number',
  'goal',
  'measure',
  'task',
  'activity',
  'responsible',
  'indicator',
  'baseline',
  'target',
  'actual',
  'expected',
  'status',
  'start',
  'end',
  'period',
  'score',
  'narrative',
  'unknown',
]);
export type ColumnRole = z.infer<typeof ColumnRole>;

export const TableCell = z
  .object({
    row: z.number().int().min(0),
    col: z.number().int().min(0),
    rowSpan: z.number().int().min(1),
    colSpan: z.number().int().min(1),
    text: z.string(),
    header: z.boolean(),
    language: LanguageCode,
    ocr: OcrProvenance.optional(),
  })
  .meta({ id: 'TableCell' });
export type TableCell = z.infer<typeof TableCell>;

/**
 * One logical table on one grid: a table continued over pages is one table. Covered positions are
 * not repeated; a cell's spans say what it covers.
 */
export const NormalizedTable = z
  .object({
    id: z.string(),
    pages: z.array(z.number().int().min(1)),
    headerRows: z.number().int().min(0),
    columns: z.number().int().min(0),
    rows: z.number().int().min(0),
    /** Role per column as mapped from the header lexicon or content cues. */
    roles: z.array(ColumnRole),
    /** Body rows (grid row indices) that are group rows spanning the table (`Зорилт 1 …`). */
    groupRows: z.array(z.number().int().min(0)),
    cells: z.array(TableCell),
  })
  .meta({ id: 'Table' });
export type NormalizedTable = z.infer<typeof NormalizedTable>;
