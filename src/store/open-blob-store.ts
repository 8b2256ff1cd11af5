import { join } from 'node:path';
import type { BlobStore } from './blob-store.ts';
import { DatabaseBlobStore } from './database-blob-store.ts';
import { DirectoryBlobStore } from './directory-blob-store.ts';
import { migrate } from './migrate.ts';
import { databaseUrlOf, loadPostgres, resolveHome } from './store-location.ts';

// Apart from open-store.ts so that `reportmill ingest`, whose report store runs on a thread of its
// own, does not load the report store's modules (zod's report schema among them) a second time
// on its main thread just to keep originals: about 0.08 s.

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
