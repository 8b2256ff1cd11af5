import { z } from 'zod';

/**
 * Where something sits in a source document. Every field is optional because formats know
 * different things: a PDF knows pages, a DOCX knows paragraphs, a text export knows lines.
 * Zero-based except `page` and `line`, which follow how people cite documents (1-based).
 */
export const Location = z
  .object({
    page: z.number().int().min(1).optional(),
    line: z.number().int().min(1).optional(),
    offset: z.number().int().min(0).optional(),
    block: z.number().int().min(0).optional(),
    paragraph: z.number().int().min(0).optional(),
    table: z.number().int().min(0).optional(),
    row: z.number().int().min(0).optional(),
    col: z.number().int().min(0).optional(),
    measure: z.string().optional(),
    path: z.string().optional(),
  })
  .meta({ id: 'Location', description: 'Where a value or finding sits in the source or the report.' });
export type Location = z.infer<typeof Location>;

export const Severity = z.enum(['info', 'warning', 'error']);
export type Severity = z.infer<typeof Severity>;

/**
 * Anything odd found while reading or checking a document. Findings are data: stages collect them
 * and keep going, so a report is never lost because one cell was strange.
 */
export const Finding = z
  .object({
    code: z.string().min(1).describe('Stable, machine-readable code, e.g. "pdf/no-text-layer" or "SCORE_OCR_FIXED".'),
    severity: Severity,
    message: z.string().min(1).describe('What happened and what a person can do about it.'),
    location: Location,
    cause: z.string().optional(),
  })
  .meta({ id: 'Finding' });
export type Finding = z.infer<typeof Finding>;

export function finding(
  code: string,
  severity: Severity,
  message: string,
  location: Location = {},
  cause?: string,
): Finding {
  return cause === undefined ? { code, severity, message, location } : { code, severity, message, location, cause };
}
