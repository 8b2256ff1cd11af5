import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BlobStore } from '../../src/store/blob-store.ts';
import { sha256Hex, stageBlobKey } from '../../src/store/blob-store.ts';
import { DirectoryBlobStore } from '../../src/store/directory-blob-store.ts';
import { openBlobStore } from '../../src/store/open-store.ts';
import { createTestDatabase } from './support/postgres-database.ts';
import type { TestDatabase } from './support/postgres-database.ts';
import { shouldRun } from './support/services.ts';

const pgRun = await shouldRun('postgres');

interface Backend {
  name: string;
  run: boolean;
  open(): Promise<{ blobs: BlobStore; dispose(): Promise<void> }>;
}

const backends: Backend[] = [
  {
    name: 'directory',
    run: true,
    async open() {
      const home = await mkdtemp(join(tmpdir(), 'reportmill-blobs-'));
      const blobs = await openBlobStore({ home, kind: 'directory' });
      return { blobs, dispose: () => rm(home, { recursive: true, force: true }) };
    },
  },
  {
    name: 'database',
    run: pgRun,
    async open() {
      const database: TestDatabase = await createTestDatabase();
      const blobs = await openBlobStore({ databaseUrl: database.url, kind: 'database' });
      return {
        blobs,
        async dispose() {
          await blobs.close();
          await database.drop();
        },
      };
    },
  },
];

for (const backend of backends) {
  describe.skipIf(!backend.run)(`blob store: ${backend.name}`, () => {
    let blobs: BlobStore;
    let dispose: () => Promise<void> = async () => {};
    beforeAll(async () => {
      ({ blobs, dispose } = await backend.open());
    });
    afterAll(async () => {
      await dispose();
    });

    test('an original is stored under its sha256, once', async () => {
      const bytes = new TextEncoder().encode(`original ${backend.name} ${Date.now()}`);
      const key = await blobs.saveOriginal(bytes);
      expect(key).toBe(sha256Hex(bytes));
      expect(await blobs.saveOriginal(bytes)).toBe(key);
      expect(await blobs.get(key)).toEqual(bytes);
    });

    test('stage hand-offs can be written, replaced and deleted', async () => {
      const key = stageBlobKey(sha256Hex(new Uint8Array([1])), 'parsed');
      await blobs.put(key, new Uint8Array([1, 2]));
      await blobs.put(key, new Uint8Array([3]));
      expect(await blobs.get(key)).toEqual(new Uint8Array([3]));
      await blobs.delete(key);
      expect(await blobs.get(key)).toBeNull();
      await blobs.delete(key);
    });

    test('keys that could escape the store are refused', async () => {
      for (const key of ['../etc/passwd', 'stage/../../x', '', 'ABC', `${'a'.repeat(64)}/x`]) {
        await expect(blobs.get(key)).rejects.toThrow(/invalid blob key/);
        await expect(blobs.put(key, new Uint8Array())).rejects.toThrow(/invalid blob key/);
      }
    });
  });
}

test('the directory store writes through a temp file and leaves none behind', async () => {
  const root = await mkdtemp(join(tmpdir(), 'reportmill-blobs-'));
  try {
    const blobs = new DirectoryBlobStore(root);
    const key = await blobs.saveOriginal(new Uint8Array(100_000).fill(7));
    expect(await readdir(root)).toEqual([key]);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('the database blob store needs PostgreSQL', async () => {
  await expect(openBlobStore({ kind: 'database', databaseUrl: '' })).rejects.toThrow(/needs DATABASE_URL/);
});
