import { mkdir } from 'node:fs/promises';
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
