import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { assertBlobKey, sha256Hex } from './blob-store.ts';
import type { BlobStore } from './blob-store.ts';

/**
 * Blobs as files under one directory (`REPORTMILL_HOME/blobs`). Workers on several machines can
 * share it over a network file system; otherwise use the database blob store.
 */
export class DirectoryBlobStore implements BlobStore {
  readonly kind = 'directory';

  constructor(readonly root: string) {}

  private pathOf(key: string): string {
    assertBlobKey(key);
    return join(this.root, key);
  }

  async saveOriginal(bytes: Uint8Array): Promise<string> {
    const key = sha256Hex(bytes);
    const exists = await stat(this.pathOf(key)).then(
      (s) => s.size === bytes.byteLength,
      () => false,
    );
    if (!exists) await this.put(key, bytes);
    return key;
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Write then rename: a process killed mid-write leaves a stray temp file, never a torn blob.
    const temp = `${path}.${randomUUID()}.tmp`;
    await writeFile(temp, bytes);
    await rename(temp, path);
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await readFile(this.pathOf(key)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async close(): Promise<void> {}
}
