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

export async function waitForDocuments(
  handles: readonly DocumentHandle[],
  onProgress?: (progress: WaitProgress) => void,
  options: WaitOptions = {},
): Promise<DocumentOutcome[]> {
  const outcomes: (DocumentOutcome | undefined)[] = handles.map((h) => {
    if (h.state === 'skipped') return { path: h.path, status: 'skipped', id: h.id };
    if (h.state === 'rejected' || h.id === null) {
      return { path: h.path, status: 'failed', id: h.id, error: h.error ?? { code: 'queue/not-queued', message: 'the document was not queued' } };
    }
    return undefined;
  });
  const counts = () => ({
    total: handles.length,
    ok: outcomes.filter((o) => o?.status === 'ok').length,
    failed: outcomes.filter((o) => o?.status === 'failed').length,
    skipped: outcomes.filter((o) => o?.status === 'skipped').length,
    pending: outcomes.filter((o) => o === undefined).length,
  });
  for (const outcome of outcomes) if (outcome !== undefined) onProgress?.({ ...counts(), last: outcome });

  const queues = options.queues ?? openQueues(options, resolveSettings());
  const deadline = options.timeoutMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + options.timeoutMs;
  let interval = options.pollMs ?? 200;
  let failedPolls = 0;
  try {
    while (outcomes.some((o) => o === undefined)) {
      // Several inputs may be the same document; ask about each id once per round.
      const states = new Map<string, PollState>();
      let changed = false;
      for (const [index, handle] of handles.entries()) {
        if (outcomes[index] !== undefined || handle.id === null) continue;
        let state = states.get(handle.id);
        if (state === undefined) {
          try {
            state = await pollState(queues, handle.id);
            failedPolls = 0;
          } catch (error) {
            // A Redis blip should not abort a long wait; a Redis that stays away should.
            failedPolls += 1;
            if (failedPolls > MAX_FAILED_POLLS) throw error;
            state = { kind: 'pending' };
          }
          states.set(handle.id, state);
        }
        if (state.kind === 'pending') continue;
        const outcome: DocumentOutcome =
          state.kind === 'ok'
            ? { path: handle.path, status: 'ok', id: handle.id }
            : // As in-process ingest: a file of no supported format is skipped, not failed.
              { path: handle.path, status: state.error.code === UNSUPPORTED ? 'skipped' : 'failed', id: handle.id, error: state.error };
        outcomes[index] = outcome;
        changed = true;
        onProgress?.({ ...counts(), last: outcome });
      }
      if (!outcomes.some((o) => o === undefined)) break;
      if (Date.now() >= deadline) {
        for (const [index, handle] of handles.entries()) {
          if (outcomes[index] !== undefined) continue;
          const outcome: DocumentOutcome = {
            path: handle.path, status: 'failed', id: handle.id,
            error: { code: 'queue/wait-timeout', message: `still queued or processing after ${options.timeoutMs} ms` },
          };
          outcomes[index] = outcome;
          onProgress?.({ ...counts(), last: outcome });
        }
        break;
      }
      interval = changed ? (options.pollMs ?? 200) : Math.min(interval * 2, 1000);
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  } finally {
    if (options.queues === undefined) await queues.close();
  }
  return outcomes as DocumentOutcome[];
}
