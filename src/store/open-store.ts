import { join, resolve } from 'node:path';
import type { BlobStore } from './blob-store.ts';
import { DatabaseBlobStore } from './database-blob-store.ts';
import { DirectoryBlobStore } from './directory-blob-store.ts';
import { migrate } from './migrate.ts';
import type { ReportStore } from './report-store.ts';
import { SqlReportStore } from './sql-report-store.ts';

export interface OpenStoreOptions {
  /** PostgreSQL connection string; default `DATABASE_URL`. Without one, the embedded PGlite store. */
  databaseUrl?: string;
  /** Default `REPORTMILL_HOME`, else `./.reportmill`. PGlite keeps its files in `<home>/db`. */
  home?: string;
  /** PGlite only: keep the database in memory (tests, dry runs). */
  inMemory?: boolean;
  /** Pool size for PostgreSQL. */
  maxConnections?: number;
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
}

export function resolveHome(home?: string): string {
  return resolve(home ?? process.env.REPORTMILL_HOME ?? './.reportmill');
}

function databaseUrlOf(options: { databaseUrl?: string }): string | undefined {
  const url = options.databaseUrl ?? process.env.DATABASE_URL;
  return url === undefined || url === '' ? undefined : url;
}

// PGlite and pg are each loaded only when that store is opened: a run uses one of them.
const loadPostgres = async () => (await import('./postgres-client.ts')).createPostgresClient;

export async function openStore(options: OpenStoreOptions = {}): Promise<ReportStore> {
  const url = databaseUrlOf(options);
  const client =
    url !== undefined
      ? (await loadPostgres())(
          options.maxConnections === undefined
            ? { connectionString: url }
            : { connectionString: url, maxConnections: options.maxConnections },
        )
      : await (await import('./pglite-client.ts')).createPgliteClient(options.inMemory === true ? undefined : join(resolveHome(options.home), 'db'));
  const store = new SqlReportStore(client);
  if (options.migrate !== false) {
    try {
      await store.migrate();
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  return store;
}

export interface OpenBlobStoreOptions {
  databaseUrl?: string;
  home?: string;
  /**
   * `directory` (default) keeps blobs under `<home>/blobs`; `database` keeps them in PostgreSQL so
   * that workers on other machines need no shared disk. Default from `REPORTMILL_BLOBS`.
   */
  kind?: 'directory' | 'database';
}

export async function openBlobStore(options: OpenBlobStoreOptions = {}): Promise<BlobStore> {
  const kind = options.kind ?? (process.env.REPORTMILL_BLOBS === 'database' ? 'database' : 'directory');
  if (kind === 'directory') return new DirectoryBlobStore(join(resolveHome(options.home), 'blobs'));
  const url = databaseUrlOf(options);
  if (url === undefined) throw new Error('REPORTMILL_BLOBS=database needs DATABASE_URL (PostgreSQL)');
  const client = (await loadPostgres())({ connectionString: url, maxConnections: 4 });
  try {
    await migrate(client);
  } catch (error) {
    await client.close();
    throw error;
  }
  return new DatabaseBlobStore(client);
}
