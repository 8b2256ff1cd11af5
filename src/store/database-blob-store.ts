import { assertBlobKey, sha256Hex } from './blob-store.ts';
import type { BlobStore } from './blob-store.ts';
import type { SqlClient } from './sql-client.ts';

/**
 * Blobs in the `blobs` table, so that a distributed setup shares nothing but Redis and PostgreSQL.
 * Fine for reports (megabytes); not meant for huge media.
 */
export class DatabaseBlobStore implements BlobStore {
  readonly kind = 'database';

  constructor(private readonly client: SqlClient) {}

  async saveOriginal(bytes: Uint8Array): Promise<string> {
    const key = sha256Hex(bytes);
    await this.client.query('INSERT INTO blobs (key, bytes) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, bytes]);
    return key;
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    assertBlobKey(key);
    await this.client.query(
      'INSERT INTO blobs (key, bytes) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET bytes = EXCLUDED.bytes, created_at = now()',
      [key, bytes],
    );
  }

  async get(key: string): Promise<Uint8Array | null> {
    assertBlobKey(key);
    const rows = await this.client.query<{ bytes: Uint8Array }>('SELECT bytes FROM blobs WHERE key = $1', [key]);
    const row = rows[0];
    return row === undefined ? null : new Uint8Array(row.bytes);
  }

  async delete(key: string): Promise<void> {
    assertBlobKey(key);
    await this.client.query('DELETE FROM blobs WHERE key = $1', [key]);
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
