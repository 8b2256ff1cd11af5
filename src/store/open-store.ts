import { join } from 'node:path';
import type { ReportStore } from './report-store.ts';
import { SqlReportStore } from './sql-report-store.ts';
import { databaseUrlOf, loadPostgres, resolveHome } from './store-location.ts';

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

export { resolveHome } from './store-location.ts';
export { openBlobStore, type OpenBlobStoreOptions } from './open-blob-store.ts';

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
