import type { IngestErrorInfo } from '../../src/model/ingest-error.ts';
import type { Report } from '../../src/model/report.ts';
import { documentId } from './document-id.ts';
import type { ParseStageResult } from './stages.ts';

// Apart from stages.ts so that a process that only hands documents to parse processes (the
// ingest CLI) does not load the whole pipeline (zod, the parsers' dependencies) before it can fork them.

export type IngestOutcome =
  | { status: 'ok'; report: Report }
  | { status: 'failed'; id: string | null; error: IngestErrorInfo }
  | { status: 'skipped'; id: string | null; error: IngestErrorInfo };

/** A parse result (already validated when ok) as the outcome of the document `bytes`. */
export function outcomeOf(bytes: Uint8Array, parsed: ParseStageResult): IngestOutcome {
  if (parsed.ok) return { status: 'ok', report: parsed.report };
  const id = bytes.length > 0 ? documentId(bytes) : null;
  return parsed.unsupported ? { status: 'skipped', id, error: parsed.error } : { status: 'failed', id, error: parsed.error };
}
