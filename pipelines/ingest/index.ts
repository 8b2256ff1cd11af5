import type { IngestErrorInfo } from '../../src/model/ingest-error.ts';
import type { Report } from '../../src/model/report.ts';
import { documentId, parseStage, validateStage, type ParseStageResult, type StageInput } from './stages.ts';

export type IngestOutcome =
  | { status: 'ok'; report: Report }
  | { status: 'failed'; id: string | null; error: IngestErrorInfo }
  | { status: 'skipped'; id: string | null; error: IngestErrorInfo };

export { documentId, parseStage, validateStage } from './stages.ts';

export { createParsePool, memoryLimits, type ParsePool, type ParsePoolOptions } from './parse-pool.ts';

/**
 * The in-process pipeline for one document: parse → validate. Storing is the caller's choice.
 * `parse` lets a caller run the parse stage elsewhere (a parse process) with the same contract.
 */
export async function ingestDocument(
  input: StageInput,
  parse: (input: StageInput) => Promise<ParseStageResult> = parseStage,
): Promise<IngestOutcome> {
  const parsed = await parse(input);
  return outcomeOf(input.bytes, parsed.ok ? { ok: true, report: validateStage(parsed.report) } : parsed);
}

/** A parse result (already validated when ok) as the outcome of the document `bytes`. */
export function outcomeOf(bytes: Uint8Array, parsed: ParseStageResult): IngestOutcome {
  if (parsed.ok) return { status: 'ok', report: parsed.report };
  const id = bytes.length > 0 ? documentId(bytes) : null;
  return parsed.unsupported ? { status: 'skipped', id, error: parsed.error } : { status: 'failed', id, error: parsed.error };
}
