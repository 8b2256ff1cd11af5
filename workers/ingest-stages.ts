// The real stages for the worker entry points, checked at compile time against the contract the
// queue expects (src/queue/ingest-stages.ts).
import { parseStage, validateStage } from '../pipelines/ingest/stages.ts';
import type { IngestStages } from '../src/queue/ingest-stages.ts';

export const ingestStages: IngestStages = { parseStage, validateStage };
