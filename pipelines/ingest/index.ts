import type { IngestErrorInfo } from '../../src/model/ingest-error.ts';
import type { Report } from '../../src/model/report.ts';
import { documentId, parseStage, validateStage, type ParseStageResult, type StageInput } from './stages.ts';

export type IngestOutcome =
  | { status: 'ok'; report: Report }
  | { status: 'failed'; id: string | null; error: IngestErrorInfo }
  | { status: 'skipped'; id: string | null; error: IngestErrorInfo };

export { documentId, parseStage, validateStage } from './stages.ts';

export { createParseThreads, type ParseThreads } from './parse-threads.ts';

/**
 * The in-process pipeline for one document: parse → validate. Storing is the caller's choice.
 * `parse` lets a caller run the parse stage elsewhere (worker threads) with the same contract.
 */
export async function ingestDocument(
  input: StageInput,
  parse: (input: StageInput) => Promise<ParseStageResult> = parseStage,
): Promise<IngestOutcome> {
  const parsed = await parse(input);
  if (!parsed.ok) {
    const id = input.bytes.length > 0 ? documentId(input.bytes) : null;
    return parsed.unsupported ? { status: 'skipped', id, error: parsed.error } : { status: 'failed', id, error: parsed.error };
  }
  return { status: 'ok', report: validateStage(parsed.report) };
}
