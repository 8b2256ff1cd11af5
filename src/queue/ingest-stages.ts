import type { IngestErrorInfo } from '../model/ingest-error.ts';
import type { Report } from '../model/report.ts';

export type ParseStageResult = { ok: true; report: Report } | { ok: false; error: IngestErrorInfo };

/**
 * The in-process stages the workers run (pipelines/ingest/stages.ts, owned by the ingest
 * pipeline). Passed in rather than imported so the queue can be tested with stand-ins and so
 * the queue never depends on how parsing works.
 */
export interface IngestStages {
  parseStage(input: { bytes: Uint8Array; filename: string }): Promise<ParseStageResult>;
  validateStage(report: Report): Report;
}

/**
 * Loads the real stages. The specifier is computed so the type checker does not follow it: the
 * queue compiles on its own, and the contract above is what both sides agree on.
 */
export async function loadIngestStages(): Promise<IngestStages> {
  const extension = import.meta.url.endsWith('.ts') ? 'ts' : 'js'; // sources or the build
  const specifier = new URL(`../../pipelines/ingest/stages.${extension}`, import.meta.url).href;
  const module = (await import(specifier)) as Partial<IngestStages>;
  const { parseStage, validateStage } = module;
  if (typeof parseStage !== 'function' || typeof validateStage !== 'function') {
    throw new Error(`${specifier} must export parseStage and validateStage`);
  }
  return { parseStage, validateStage };
}
