import type { StartWorkersOptions, WorkersHandle } from './start-workers.ts';
import { jsonLineLog, startWorkers } from './start-workers.ts';

/**
 * Runs workers until SIGTERM or SIGINT, then lets the jobs in hand finish and exits 0. A second
 * signal exits at once; the unfinished jobs' locks lapse and other workers pick them up as stalled.
 * This is what `reportmill worker` and the workers/ entry points run.
 */
export async function runWorkerProcess(options: StartWorkersOptions = {}): Promise<number> {
  const log = options.log ?? jsonLineLog;
  let handle: WorkersHandle;
  try {
    handle = await startWorkers({ ...options, log });
  } catch (error) {
    // A start-up failure (database locked or unreachable, bad settings) is one clear line and exit 1.
    const code = (error as { code?: unknown }).code;
    log({ level: 'error', event: 'start-failed', ...(typeof code === 'string' ? { code } : {}), message: (error as Error).message ?? String(error) });
    return 1;
  }
  return new Promise<number>((resolve) => {
    let signalled = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (signalled) {
        log({ level: 'warn', event: 'forced-exit', message: `second ${signal}: exiting without waiting` });
        process.exit(130);
      }
      signalled = true;
      log({ level: 'info', event: 'shutting-down', message: `${signal}: finishing the jobs in hand` });
      handle.close().then(
        () => resolve(0),
        (error: unknown) => {
          log({ level: 'error', event: 'shutdown-failed', message: String(error) });
          resolve(1);
        },
      );
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}
