import { createHash } from 'node:crypto';

/** A document's id: the sha256 of its bytes, in hex. */
export function documentId(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
