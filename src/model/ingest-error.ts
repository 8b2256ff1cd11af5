import { z } from 'zod';
import { Location } from './finding.ts';

/**
 * A document that cannot be processed at all (corrupt, encrypted, unsupported). It is a value, not
 * an exception, so batches record it and move on. `permanent` tells the queue not to retry.
 */
export const IngestErrorInfo = z
  .object({
    code: z.string().min(1),
    message: z.string().min(1),
    location: Location.optional(),
    permanent: z.boolean().default(true),
  })
  .meta({ id: 'IngestError' });
export type IngestErrorInfo = z.infer<typeof IngestErrorInfo>;

/** Thrown only across boundaries that need an exception (queue processors, CLI); carries the value. */
export class IngestError extends Error {
  readonly code: string;
  readonly location: Location | undefined;
  readonly permanent: boolean;

  constructor(info: { code: string; message: string; location?: Location; permanent?: boolean }, options?: ErrorOptions) {
    super(info.message, options);
    this.name = 'IngestError';
    this.code = info.code;
    this.location = info.location;
    this.permanent = info.permanent ?? true;
  }

  toInfo(): IngestErrorInfo {
    return this.location === undefined
      ? { code: this.code, message: this.message, permanent: this.permanent }
      : { code: this.code, message: this.message, location: this.location, permanent: this.permanent };
  }
}
