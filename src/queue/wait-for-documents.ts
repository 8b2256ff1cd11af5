import type { QueueConnectionOptions } from './connection.ts';
import type { DocumentHandle } from './enqueue-documents.ts';
import { queueState } from './document-state.ts';
import { openQueues } from './pipeline-queues.ts';
import type { PipelineQueues } from './pipeline-queues.ts';
import { resolveSettings } from './pipeline-settings.ts';

/** One entry of the ingest summary (`ingest-summary.json` → `inputs[]`). */
export interface DocumentOutcome {
  path: string;
  status: 'ok' | 'failed' | 'skipped';
  id: string | null;
  error?: { code: string; message: string };
}

export interface WaitProgress {
  total: number;
  ok: number;
  failed: number;
  skipped: number;
  pending: number;
  /** The document that just finished. */
  last: DocumentOutcome;
}

export interface WaitOptions extends QueueConnectionOptions {
  queues?: PipelineQueues;
  /** First poll interval; it grows to 1 s while nothing changes. */
  pollMs?: number;
  /** Give up after this long: the documents still pending fail with `queue/wait-timeout`. */
  timeoutMs?: number;
}

const MAX_FAILED_POLLS = 10;

/** The sniffer's code for bytes of no supported format (src/sniff). */
const UNSUPPORTED = 'input/unsupported-format';

type PollState = { kind: 'pending' } | { kind: 'ok' } | { kind: 'failed'; error: { code: string; message: string } };

/**
 * Polls the three queues until every document is stored or failed. Polling rather than
 * QueueEvents: events missed during a reconnect would leave the command waiting forever, while
 * job states are always there to read.
 */
async function pollState(queues: PipelineQueues, id: string): Promise<PollState> {
  const current = await queueState(queues, id);
  switch (current.state) {
    case 'done':
      return { kind: 'ok' };
    case 'failed':
      return { kind: 'failed', error: current.error };
    case 'unknown':
      return { kind: 'failed', error: { code: 'queue/job-missing', message: `no parse job for ${id}: it was removed or never queued` } };
    default:
      return { kind: 'pending' };
  }
}

/** Documents asked about at once per round: enough to hide Redis round trips, few enough to be polite. */
const POLL_BATCH = 64;

export async function waitForDocuments(
  handles: readonly DocumentHandle[],
  onProgress?: (progress: WaitProgress) => void,
  options: WaitOptions = {},
): Promise<DocumentOutcome[]> {
  const outcomes: (DocumentOutcome | undefined)[] = new Array(handles.length);
  const tally = { total: handles.length, ok: 0, failed: 0, skipped: 0, pending: handles.length };
  const settle = (index: number, outcome: DocumentOutcome) => {
    outcomes[index] = outcome;
    tally[outcome.status] += 1;
    tally.pending -= 1;
    onProgress?.({ ...tally, last: outcome });
  };

  // Several inputs may be the same document: each id is asked about once per round.
  const pending = new Map<string, number[]>();
  for (const [index, h] of handles.entries()) {
    if (h.state === 'skipped') settle(index, { path: h.path, status: 'skipped', id: h.id });
    else if (h.state === 'rejected' || h.id === null) {
      settle(index, { path: h.path, status: 'failed', id: h.id, error: h.error ?? { code: 'queue/not-queued', message: 'the document was not queued' } });
    } else pending.set(h.id, [...(pending.get(h.id) ?? []), index]);
  }

  const queues = options.queues ?? openQueues(options, resolveSettings());
  const deadline = options.timeoutMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + options.timeoutMs;
  const firstInterval = options.pollMs ?? 200;
  let interval = firstInterval;
  let failedRounds = 0;
  try {
    while (pending.size > 0) {
      let changed = false;
      let pollError: unknown;
      const ids = [...pending.keys()];
      for (let start = 0; start < ids.length; start += POLL_BATCH) {
        const batch = ids.slice(start, start + POLL_BATCH);
        const states = await Promise.all(
          batch.map((id) =>
            pollState(queues, id).catch((error: unknown): PollState => {
              pollError = error;
              return { kind: 'pending' };
            }),
          ),
        );
        for (const [i, state] of states.entries()) {
          const id = batch[i]!;
          if (state.kind === 'pending') continue;
          for (const index of pending.get(id) ?? []) {
            const path = handles[index]!.path;
            settle(
              index,
              state.kind === 'ok'
                ? { path, status: 'ok', id }
                : // As in-process ingest: a file of no supported format is skipped, not failed.
                  { path, status: state.error.code === UNSUPPORTED ? 'skipped' : 'failed', id, error: state.error },
            );
          }
          pending.delete(id);
          changed = true;
        }
      }
      // A Redis blip should not abort a long wait; a Redis that stays away should.
      failedRounds = pollError === undefined ? 0 : failedRounds + 1;
      if (failedRounds > MAX_FAILED_POLLS) throw pollError;
      if (pending.size === 0) break;
      if (Date.now() >= deadline) {
        for (const [id, indices] of pending) {
          for (const index of indices) {
            settle(index, {
              path: handles[index]!.path, status: 'failed', id,
              error: { code: 'queue/wait-timeout', message: `still queued or processing after ${options.timeoutMs} ms` },
            });
          }
        }
        break;
      }
      interval = changed ? firstInterval : Math.min(interval * 2, 1000);
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  } finally {
    if (options.queues === undefined) await queues.close();
  }
  return outcomes as DocumentOutcome[];
}
