import { UnrecoverableError } from 'bullmq';
import { ZodError } from 'zod';
import { IngestError } from '../model/ingest-error.ts';
import { StoreError, isTransientDatabaseError, sqlStateOf } from '../store/store-error.ts';
import { encodeFailure } from './failure-reason.ts';

/**
 * A failure that retrying cannot fix: the processor rethrows it as bullmq's UnrecoverableError,
 * so the job fails at once with its code instead of burning its attempts.
 */
export class PermanentStageError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'PermanentStageError';
  }
}

/** A failure worth retrying with backoff: a blip of Redis, PostgreSQL or the disk, or a timeout. */
export class TransientStageError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'TransientStageError';
  }
}

/**
 * Turns whatever a stage threw into what bullmq understands: UnrecoverableError (fail now) or a
 * plain Error (retry with backoff), both carrying `[code] message`. Unknown errors count as
 * transient: retrying a bug costs a few attempts, failing a document on a network hiccup loses it.
 */
export function toProcessorError(error: unknown): Error {
  if (error instanceof UnrecoverableError) return error;
  if (error instanceof PermanentStageError) return new UnrecoverableError(encodeFailure(error.code, error.message));
  if (error instanceof TransientStageError) return new Error(encodeFailure(error.code, error.message), { cause: error });
  if (error instanceof IngestError) {
    return error.permanent
      ? new UnrecoverableError(encodeFailure(error.code, error.message))
      : new Error(encodeFailure(error.code, error.message), { cause: error });
  }
  if (error instanceof ZodError) return new UnrecoverableError(encodeFailure('queue/schema-invalid', error.message));
  if (error instanceof StoreError) {
    return error.permanent
      ? new UnrecoverableError(encodeFailure(error.code, error.message))
      : new Error(encodeFailure(error.code, error.message), { cause: error });
  }
  if (isTransientDatabaseError(error)) {
    return new Error(encodeFailure('store/unavailable', (error as Error).message), { cause: error });
  }
  // The database answered, and said no (constraint, syntax, data): asking again gets the same answer.
  const state = sqlStateOf(error);
  if (state !== undefined) return new UnrecoverableError(encodeFailure('store/database-error', `${state}: ${(error as Error).message}`));
  const message = error instanceof Error ? error.message : String(error);
  return new Error(encodeFailure('queue/unexpected', message), { cause: error });
}

export function isUnrecoverable(error: Error): boolean {
  return error instanceof UnrecoverableError || error.name === 'UnrecoverableError';
}
