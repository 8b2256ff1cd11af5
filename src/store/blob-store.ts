import { createHash } from 'node:crypto';

/**
 * Where original files (and the queue's stage hand-offs) live, so Redis only ever carries a key.
 * Keys: `<sha256>` for an original, `stage/<sha256>.<what>.json` for intermediate results.
 */
export interface BlobStore {
  readonly kind: 'directory' | 'database';
  /** Stores an original under its sha256, which is also the document id; storing it again is a no-op. */
  saveOriginal(bytes: Uint8Array): Promise<string>;
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** `null` when there is no such blob. */
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}

const KEY = /^(?:stage\/)?[0-9a-f]{64}(?:\.[a-z0-9-]+)*$/;

/** Keys become file names: anything else (`..`, slashes) would let a payload escape the directory. */
export function assertBlobKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`invalid blob key: ${JSON.stringify(key)}`);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function stageBlobKey(documentId: string, stage: string): string {
  const key = `stage/${documentId}.${stage}.json`;
  assertBlobKey(key);
  return key;
}
