import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openIngestStore } from '../../src/cli/ingest-store.ts';
import { EXTRACTOR_VERSION } from '../../src/extract/version.ts';
import { openStore } from '../../src/store/open-store.ts';
import { StoreError } from '../../src/store/store-error.ts';
import { makeReport } from '../store/support/report-factory.ts';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'reportmill-ingest-store-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

/** The longest this thread's event loop went without turning while `work` ran, and how long it ran. */
async function loopStall(work: () => Promise<unknown>): Promise<{ stallMs: number; tookMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  try {
    await work();
  } finally {
    clearInterval(tick);
  }
  return { stallMs: Math.max(stallMs, performance.now() - last), tookMs: performance.now() - started };
}

describe('the ingest store thread', () => {
  it('creates a fresh embedded store without holding up this thread (copying the template, starting PGlite)', async () => {
    let close = async () => {};
    const { stallMs, tookMs } = await loopStall(async () => {
      const store = await openIngestStore({ home, databaseUrl: '' });
      close = () => store.close();
    });
    await close();
    // On this thread, the template's copy alone stalled the loop for about half the opening.
    expect(tookMs).toBeGreaterThan(200);
    expect(stallMs).toBeLessThan(tookMs / 4);
  });

  it('stores reports and failures, finds a report only under this extractor version, and closes the store', async () => {
    const store = await openIngestStore({ home, databaseUrl: '' });
    const current = makeReport({ seed: 'current', extractorVersion: EXTRACTOR_VERSION });
    const older = makeReport({ seed: 'older', extractorVersion: '0.0.1+old' });
    await Promise.all([store.saveReport(current), store.saveReport(older)]);
    await store.recordFailure('f'.repeat(64), 'bad.pdf', { code: 'pdf/corrupt', message: 'no' });
    expect(await store.storedReport(current.id)).toEqual(current);
    expect(await store.storedReport(older.id)).toBeNull();
    expect(await store.storedReport('0'.repeat(64))).toBeNull();
    await store.close();
    await expect(store.storedReport(current.id)).rejects.toThrow(/store thread ended/);

    // Closed for real: this process can open the database again, and finds what was written.
    const reopened = await openStore({ home, databaseUrl: '' });
    try {
      expect(await reopened.getReport(current.id)).toEqual(current);
      expect(await reopened.getStatus('f'.repeat(64))).toMatchObject({ state: 'failed', error: { code: 'pdf/corrupt' } });
    } finally {
      await reopened.close();
    }
  });

  it('fails to open with the store’s own error, code and class', async () => {
    await writeFile(join(home, 'db.lock'), String(process.ppid)); // a live process holds the database
    const opening = openIngestStore({ home, databaseUrl: '' });
    await expect(opening).rejects.toBeInstanceOf(StoreError);
    await expect(opening).rejects.toMatchObject({ code: 'store/embedded-locked', permanent: true, message: expect.stringContaining(`open in process ${process.ppid}`) });
  });

  it('starts from a host run as `node --input-type=module -e` (an option Node refuses for a thread)', async () => {
    // The built module: from the sources the thread starts from a data: URL, where Node lets it pass.
    const bin = join(import.meta.dirname, '../../bin/reportmill.mjs');
    await run([bin, '--help']); // rebuilds dist/ if a source is newer
    const module = pathToFileURL(join(import.meta.dirname, '../../dist/src/cli/ingest-store.js')).href;
    const code = `const { openIngestStore } = await import(${JSON.stringify(module)}); const store = await openIngestStore({ home: process.argv[1], databaseUrl: '' }); await store.close(); console.log('opened and closed');`;
    expect((await run(['--input-type=module', '-e', code, home])).trim()).toBe('opened and closed');
  });
});

function run(args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(process.execPath, args, (error, stdout, stderr) => (error ? reject(new Error(stderr || error.message)) : resolve(stdout))),
  );
}
