import { z } from 'zod';
import { Report } from '../model/report.ts';

/**
 * The HTTP contract's own shapes (ARCHITECTURE.md, "Front doors"). Handlers build their answers
 * through these schemas and `/openapi.json` is generated from them, so the document can never
 * promise a field the server does not send.
 */

export const DocumentId = z
  .string()
  .regex(/^[0-9a-f]{64}$/)
  .describe('sha256 of the original bytes, lower-case hex')
  .meta({ id: 'DocumentId' });

export const ApiErrorInfo = z
  .object({
    code: z.string().min(1).describe('Stable, machine-readable, e.g. "http/unauthorized" or "docx/corrupt".'),
    message: z.string().min(1).describe('What happened and what to do about it; never echoes file contents.'),
  })
  .meta({ id: 'ErrorInfo' });
export type ApiErrorInfo = z.infer<typeof ApiErrorInfo>;

export const ApiError = z.object({ error: ApiErrorInfo }).meta({ id: 'Error' });
export type ApiError = z.infer<typeof ApiError>;

export const ProcessingStatus = z.enum(['queued', 'processing', 'done', 'failed']).meta({ id: 'ProcessingStatus' });
export type ProcessingStatus = z.infer<typeof ProcessingStatus>;

export const UploadAccepted = z
  .object({
    id: DocumentId,
    status: ProcessingStatus.describe('Where the document is now; an upload of bytes already known reports their status.'),
  })
  .meta({ id: 'UploadAccepted' });
export type UploadAccepted = z.infer<typeof UploadAccepted>;

export const DocumentStatusBody = z
  .object({
    id: DocumentId,
    status: ProcessingStatus,
    report: Report.optional().describe('Present once the status is done.'),
    error: ApiErrorInfo.optional().describe('Present when the status is failed: the pipeline\'s error code and message.'),
  })
  .meta({ id: 'DocumentStatus' });
export type DocumentStatusBody = z.infer<typeof DocumentStatusBody>;

const Reachability = z.object({
  kind: z.string().describe('postgres | pglite for the store; redis | in-process for the queue.'),
  ok: z.boolean(),
  code: z.string().optional().describe('Why it is not reachable (no connection details).'),
});

export const Health = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    store: Reachability,
    queue: Reachability,
  })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof Health>;

export const DocumentIdParams = z.object({ id: DocumentId });
