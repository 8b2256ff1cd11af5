import { mkdir } from 'node:fs/promises';
import { PGlite, types } from '@electric-sql/pglite';
import { acquireEmbeddedLock } from './embedded-lock.ts';
import { seedDataDir } from './pglite-template.ts';
import type { SqlClient, SqlExecutor } from './sql-client.ts';

/**
 * PostgreSQL's shared memory lives in PGlite's WebAssembly memory, which grows to its peak and never
 * shrinks, so its defaults (128 MB of shared buffers, room for 100 connections) were most of an
 * embedded store's resident memory: 285 MB open, 340 MB after 600 report writes, against 170 and
 * 200 MB with these. One process is the only client (PGlite's single-user mode), so a handful of
 * connection slots is plenty, and the operating system's page cache keeps the data files warm.
 */
const MEMORY_SETTINGS = ['-c', 'shared_buffers=16MB', '-c', 'max_connections=5'];

/** jsonb's binary input format: this version byte, then the JSON text. */
const JSONB_VERSION = Uint8Array.of(1);

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
    if (dataDir !== undefined) await seedDataDir(dataDir);
    db = await PGlite.create({ ...(dataDir === undefined ? {} : { dataDir }), startParams: [...PGlite.defaultStartParams, ...MEMORY_SETTINGS] });
  } catch (error) {
    await release();
    throw error;
  }

  // Strings go to text, json and jsonb parameters as UTF-8 bytes in PostgreSQL's binary format
  // (jsonb's is a version byte, 1, before the text), which PGlite's wire-protocol writer copies
  // as they are. As text it measures each string's UTF-8 length in a JavaScript loop, twice,
  // before encoding it: most of the JavaScript time of storing a report, whose JSON goes in three
  // times (the report, its measures, its tables). The server reads the same text either way.
  const asBytes = (oid: number, prefix?: Uint8Array) => (value: unknown): string => {
    if (typeof value !== 'string') return db.serializers[oid]!(value);
    const bytes = prefix ? Buffer.concat([prefix, Buffer.from(value)]) : Buffer.from(value);
    return bytes as unknown as string; // PGlite's Serializer type says string; its writer takes bytes
  };
  const serializers = { [types.TEXT]: asBytes(types.TEXT), [types.JSON]: asBytes(types.JSON), [types.JSONB]: asBytes(types.JSONB, JSONB_VERSION) };

  const executorOf = (runner: Pick<PGlite, 'query' | 'exec'>): SqlExecutor => ({
    async query<Row extends object>(text: string, params: readonly unknown[] = []) {
      const result = await runner.query<Row>(text, params as unknown[], { serializers });
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
