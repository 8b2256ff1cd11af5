import { z } from 'zod';
import { IngestErrorInfo } from '../model/ingest-error.ts';

export const SummaryEntry = z.object({
  path: z.string(),
  status: z.enum(['ok', 'failed', 'skipped']),
  id: z.string().nullable(),
  error: IngestErrorInfo.pick({ code: true, message: true }).optional(),
  /** Same bytes as an earlier input of this run: processed once. */
  duplicateOf: z.string().optional(),
  /** Already in the output directory from an earlier run with this extractor version. */
  resumed: z.boolean().optional(),
  measures: z.number().int().optional(),
});
export type SummaryEntry = z.infer<typeof SummaryEntry>;

export const IngestSummary = z.object({
  extractorVersion: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  counts: z.object({ ok: z.number(), failed: z.number(), skipped: z.number() }),
  inputs: z.array(SummaryEntry),
});
export type IngestSummary = z.infer<typeof IngestSummary>;

export function countEntries(inputs: readonly SummaryEntry[]): IngestSummary['counts'] {
  return {
    ok: inputs.filter((e) => e.status === 'ok').length,
    failed: inputs.filter((e) => e.status === 'failed').length,
    skipped: inputs.filter((e) => e.status === 'skipped').length,
  };
}

/** What a run returns: the summary's head and counts; its entries went to the file as they came. */
export type IngestRunResult = Omit<IngestSummary, 'inputs'>;
