import { z } from 'zod';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const BlobKey = z.string().regex(/^(?:stage\/)?[0-9a-f]{64}(?:\.[a-z0-9-]+)*$/);

/**
 * What travels through Redis: ids and blob keys, never file contents or whole reports. Every
 * processor parses its job's data with these schemas before touching it, and every producer
 * parses before adding, so a malformed job fails at once instead of half-way through a stage.
 */
export const ParseJobData = z.object({
  documentId: Sha256,
  filename: z.string().min(1),
  /** The original's key in the blob store (the sha256 itself). */
  blobKey: BlobKey,
  submittedAt: z.iso.datetime(),
});
export type ParseJobData = z.infer<typeof ParseJobData>;

export const ValidateJobData = ParseJobData.extend({
  /** The parse stage's report, waiting in the blob store. */
  parsedKey: BlobKey,
});
export type ValidateJobData = z.infer<typeof ValidateJobData>;

export const StoreJobData = ParseJobData.extend({
  validatedKey: BlobKey,
});
export type StoreJobData = z.infer<typeof StoreJobData>;

export const StageResult = z.object({
  extractorVersion: z.string(),
  outcome: z.enum(['handed-on', 'inserted', 'replaced', 'unchanged']),
});
export type StageResult = z.infer<typeof StageResult>;
