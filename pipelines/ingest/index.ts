import { outcomeOf, type IngestOutcome } from './outcome.ts';
import { parseStage, validateStage, type ParseStageResult, type StageInput } from './stages.ts';

export { outcomeOf, type IngestOutcome } from './outcome.ts';

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
