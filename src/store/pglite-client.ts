import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { acquireEmbeddedLock } from './embedded-lock.ts';
import type { SqlClient, SqlExecutor } from './sql-client.ts';

/**
 * PGlite is PostgreSQL compiled to WebAssembly, running inside this process: the zero-server
 * default. It serves one process only, so only one process may open a data directory at a time.
 * `dataDir` undefined keeps the database in memory (tests).
 */
export async function createPgliteClient(dataDir: string | undefined): Promise<SqlClient> {
  let release = async () => {};
  if (dataDir !== undefined) {
    await mkdir(dataDir, { recursive: true });
    release = await acquireEmbeddedLock(dataDir);
  }
  let db: PGlite;
  try {
    if (dataDir !== undefined) await initializeApart(dataDir);
    db = dataDir === undefined ? await PGlite.create() : await PGlite.create(dataDir);
  } catch (error) {
    await release();
    throw error;
  }

  const executorOf = (runner: Pick<PGlite, 'query' | 'exec'>): SqlExecutor => ({
    async query<Row extends object>(text: string, params: readonly unknown[] = []) {
      const result = await runner.query<Row>(text, params as unknown[]);
      return result.rows;
    },
    async exec(script: string) {
      await runner.exec(script);
    },
  });

  return {
    dialect: 'pglite',
    ...executorOf(db),
    transaction: <T>(fn: (tx: SqlExecutor) => Promise<T>) => db.transaction((tx) => fn(executorOf(tx))),
    async close() {
      if (!db.closed) await db.close();
      await release();
    },
  };
}

/**
 * Creating a PGlite database (initdb) takes about 800 MB of WebAssembly memory, which a process
 * never gives back; opening an existing one takes about 300 MB. So a new data directory is
 * created by a short-lived process of its own (under the caller's lock), and this process only
 * ever opens it: a first `reportmill ingest` into a fresh store peaks no higher than later ones.
 */
async function initializeApart(dataDir: string): Promise<void> {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return;
  const pglite = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const script = 'const { PGlite } = require(process.argv[1]); PGlite.create(process.argv[2]).then((db) => db.close());';
  await new Promise<void>((resolve, reject) => {
    execFile(process.execPath, ['-e', script, pglite, dataDir], (error, _stdout, stderr) => {
      if (error) reject(new Error(`could not create the embedded database in ${dataDir}: ${stderr.trim() || error.message}`));
      else resolve();
    });
  });
}
