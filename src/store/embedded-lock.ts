import { readFile, rm, writeFile } from 'node:fs/promises';
import { StoreError } from './store-error.ts';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is a single-process database: two processes writing one data directory corrupt it.
 * A pid file next to the directory makes the second process fail with a clear code instead; a
 * lock left by a process that died (SIGKILL, crash) is taken over.
 */
export async function acquireEmbeddedLock(dataDir: string): Promise<() => Promise<void>> {
  const path = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await writeFile(path, String(process.pid), { flag: 'wx' });
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
      // Our own pid counts as held too: two PGlite instances in one process corrupt it just the same.
      if (Number.isInteger(holder) && (holder === process.pid || alive(holder))) {
        throw new StoreError(
          'store/embedded-locked',
          `the embedded database ${dataDir} is open in process ${holder}${holder === process.pid ? ' (this one)' : ''}; PGlite serves one process — stop it, or set DATABASE_URL to share PostgreSQL`,
          { permanent: true },
        );
      }
      await rm(path, { force: true });
    }
  }
  throw new StoreError('store/embedded-locked', `could not lock ${dataDir}`, { permanent: false });
}
