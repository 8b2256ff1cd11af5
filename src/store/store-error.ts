/** A storage failure with a stable code; `permanent` tells the queue whether retrying can help. */
export class StoreError extends Error {
  readonly code: string;
  readonly permanent: boolean;

  constructor(code: string, message: string, options: { permanent: boolean; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StoreError';
    this.code = code;
    this.permanent = options.permanent;
  }
}

const TRANSIENT_SYSTEM_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND',
]);

/**
 * SQLSTATEs worth retrying (PostgreSQL manual, appendix A): class 08 connection exceptions,
 * 40001 serialization failure, 40P01 deadlock, class 53 insufficient resources, 57P01–57P03
 * server shutting down or starting up. Everything else (constraint and syntax errors, bad data)
 * fails the same way on every attempt.
 */
function isTransientSqlState(state: string): boolean {
  return (
    state.startsWith('08') ||
    state.startsWith('53') ||
    state === '40001' ||
    state === '40P01' ||
    state === '57P01' ||
    state === '57P02' ||
    state === '57P03' ||
    state === '55P03'
  );
}

/** `pg` reports lost connections as plain errors with these messages, without a code. */
const TRANSIENT_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection error/i,
  /Client has encountered a connection error/i,
  /the database system is (starting up|shutting down)/i,
];

/** The SQLSTATE of an error PostgreSQL (or PGlite) answered with, if it is one. */
export function sqlStateOf(error: unknown): string | undefined {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

export function isTransientDatabaseError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error instanceof StoreError) return !error.permanent;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (TRANSIENT_SYSTEM_CODES.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code)) return isTransientSqlState(code);
  }
  if (error instanceof AggregateError) return error.errors.some(isTransientDatabaseError);
  return TRANSIENT_MESSAGES.some((pattern) => pattern.test(error.message));
}
