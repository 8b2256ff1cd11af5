// Worker-thread entry for the parse stage. The built CLI runs the compiled file directly; from the
// sources (tests) parse-thread-dev.mjs registers tsx first, since worker threads do not inherit the
// main thread's module hooks.
import { parentPort } from 'node:worker_threads';
import { parseStage, type StageInput } from './stages.ts';

parentPort?.on('message', async ({ job, bytes, filename, timeoutMs }: { job: number } & Pick<StageInput, 'bytes' | 'filename' | 'timeoutMs'>) => {
  try {
    const input = timeoutMs === undefined ? { bytes, filename } : { bytes, filename, timeoutMs };
    parentPort?.postMessage({ job, result: await parseStage(input) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    parentPort?.postMessage({ job, result: { ok: false, error: { code: 'internal/parser-crash', message, permanent: true } } });
  }
});
