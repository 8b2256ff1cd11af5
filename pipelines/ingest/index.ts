import type { IngestErrorInfo } from '../../src/model/ingest-error.ts';
import type { Report } from '../../src/model/report.ts';
import { documentId, parseStage, validateStage, type StageInput } from './stages.ts';

export type IngestOutcome =
  | { status: 'ok'; report: Report }
  | { status: 'failed'; id: string | null; error: IngestErrorInfo }
  | { status: 'skipped'; id: string | null; error: IngestErrorInfo };

export { documentId, parseStage, validateStage } from './stages.ts';

/** The in-process pipeline for one document: parse → validate. Storing is the caller's choice. */
export async function ingestDocument(input: StageInput): Promise<IngestOutcome> {
  const parsed = await parseStage(input);
  if (!parsed.ok) {
    const id = input.bytes.length > 0 ? documentId(input.bytes) : null;
    return parsed.unsupported ? { status: 'skipped', id, error: parsed.error } : { status: 'failed', id, error: parsed.error };
  }
  return { status: 'ok', report: validateStage(parsed.report) };
}
