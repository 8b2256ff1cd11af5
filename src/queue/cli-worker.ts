import { parseArgs } from 'node:util';
import type { IngestStages } from './ingest-stages.ts';
import type { PipelineSettingsOverrides } from './pipeline-settings.ts';
import { STAGES } from './stage-names.ts';
import type { StageName } from './stage-names.ts';
import { runWorkerProcess } from './worker-process.ts';

const USAGE = `usage: reportmill worker [--only parse,validate,store] [--concurrency N]

Processes queued documents until SIGTERM/SIGINT, then finishes the jobs in hand and exits 0.
REDIS_URL, DATABASE_URL (else the embedded store: one worker process only) and the REPORTMILL_*
settings of docs/distributed.md apply.
  --only         serve only these queues (default all three)
  --concurrency  parse jobs at once in this process (REPORTMILL_PARSE_CONCURRENCY)
`;

/** `reportmill worker`; resolves with the exit code once the worker has stopped. */
export async function runWorkerCommand(args: string[], options: { stages?: IngestStages } = {}): Promise<number> {
  let only: StageName[] = [...STAGES];
  const settings: PipelineSettingsOverrides = {};
  try {
    const { values } = parseArgs({ args, options: { only: { type: 'string' }, concurrency: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help === true) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (values.only !== undefined) {
      const names = values.only.split(',').map((s) => s.trim());
      const unknown = names.filter((n) => !(STAGES as readonly string[]).includes(n));
      if (unknown.length > 0 || names.length === 0) throw new Error(`--only takes parse, validate, store; got ${JSON.stringify(values.only)}`);
      only = names as StageName[];
    }
    if (values.concurrency !== undefined) {
      const n = Number(values.concurrency);
      if (!Number.isInteger(n) || n < 1) throw new Error('--concurrency must be a positive integer');
      settings.workers = { parse: { concurrency: n } };
    }
  } catch (error) {
    process.stderr.write(`reportmill worker: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  return runWorkerProcess({ only, settings, ...(options.stages === undefined ? {} : { stages: options.stages }) });
}
