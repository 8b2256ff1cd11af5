// Worker-thread entry for the parse stage. Plain JavaScript so it can register tsx before loading
// the TypeScript sources (worker threads do not inherit the main thread's module hooks).
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { parseStage } = await import('./stages.ts');

parentPort?.on('message', async ({ job, bytes, filename, timeoutMs }) => {
  try {
    parentPort?.postMessage({ job, result: await parseStage({ bytes, filename, timeoutMs }) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    parentPort?.postMessage({ job, result: { ok: false, error: { code: 'internal/parser-crash', message, permanent: true } } });
  }
});
