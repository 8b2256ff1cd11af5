/**
 * BullMQ keeps one string per failed job (`failedReason`, the thrown error's message). The error
 * code travels inside it as a `[code] ` prefix, so `reportmill jobs`, `waitForDocuments` and a
 * dashboard all read the same code without another Redis key.
 */
export interface FailureInfo {
  code: string;
  message: string;
}

export function encodeFailure(code: string, message: string): string {
  return `[${code}] ${message}`;
}

export function decodeFailure(reason: string | undefined | null): FailureInfo {
  const text = reason ?? '';
  const match = /^\[([^\]\s]+)\] ([\s\S]*)$/.exec(text);
  if (match !== null) return { code: match[1] ?? 'queue/failed', message: match[2] ?? '' };
  // BullMQ's own reason when a job's worker died more often than maxStalledCount allows.
  if (/stalled more than allowable limit/i.test(text)) return { code: 'queue/stalled', message: text };
  return { code: 'queue/failed', message: text === '' ? 'the job failed without a reason' : text };
}
