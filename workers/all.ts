// All three queues in one process: what `reportmill worker` starts. SIGTERM finishes the jobs in
// hand, then exits. Usage: node dist/workers/all.js (built by npm ci; from sources: node --import tsx workers/all.ts)
import { pathToFileURL } from 'node:url';
import { runWorkerProcess } from '../src/queue/worker-process.ts';
import { ingestStages } from './ingest-stages.ts';

export { startWorkers } from '../src/queue/start-workers.ts';
export type { StartWorkersOptions, WorkersHandle } from '../src/queue/start-workers.ts';
export { runWorkerProcess } from '../src/queue/worker-process.ts';

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  process.exit(await runWorkerProcess({ stages: ingestStages }));
}
