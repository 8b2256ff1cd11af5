import type { IngestErrorInfo } from '../model/ingest-error.ts';
import type { Report } from '../model/report.ts';
import type { PipelineSettings } from './pipeline-settings.ts';
import type { StageName } from './stage-names.ts';

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

/**
 * The real stages with parsing in contained processes (pipelines/ingest/parse-pool.ts): a parse
 * never blocks this process's event loop, so bullmq renews the job locks while a long document is
 * read, and short locks can be used (fast recovery of a killed worker's jobs). A document that
 * hangs or overflows its memory fails with `input/timeout` or `input/too-complex` (REPORTMILL_TIMEOUT,
 * REPORTMILL_MAX_HEAP and the other limits of docs/limits.md) instead of taking the worker down.
 * The pool is closed with the workers (`owned`).
 */
export async function loadContainedStages(
  only: readonly StageName[],
  settings: PipelineSettings,
  owned: { close(): Promise<void> }[],
): Promise<IngestStages> {
  const stages = await loadIngestStages();
  if (!only.includes('parse')) return stages;
  const extension = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  const { createParsePool } = (await import(new URL(`../../pipelines/ingest/parse-pool.${extension}`, import.meta.url).href)) as typeof import('../../pipelines/ingest/parse-pool.ts');
  const { parseLimits, resolveLimits } = await import('../sniff/limits.ts');
  const limits = resolveLimits();
  const pool = createParsePool({
    size: settings.workers.parse.concurrency,
    timeoutMs: limits.timeoutSeconds * 1000,
    maxHeapMb: limits.maxHeapMb,
    limits: parseLimits(limits),
  });
  owned.push(pool);
  return { ...stages, parseStage: (input) => pool.parse(input) };
}
