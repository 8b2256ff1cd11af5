// Serves only the parse queue, so this stage can be scaled on its own: run as many as you need.
// Usage: node dist/workers/parse-worker.js (built by npm ci; from sources: node --import tsx workers/parse-worker.ts)   (REDIS_URL, DATABASE_URL, REPORTMILL_* settings)
import { runWorkerProcess } from '../src/queue/worker-process.ts';
import { ingestStages } from './ingest-stages.ts';

process.exit(await runWorkerProcess({ only: ['parse'], stages: ingestStages }));
