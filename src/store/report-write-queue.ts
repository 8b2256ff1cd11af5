import type { Report } from '../model/report.ts';
import type { ReportStore, UpsertOutcome } from './report-store.ts';

/**
 * Group commit for a process that stores reports as they come (ingest): a report is written at
 * once when nothing is being written; reports that arrive during a write wait only for it and
 * then go together, one transaction for all of them. A commit costs PGlite more than a small
 * report's rows, so when documents come faster than they are stored the batches grow by
 * themselves and the cost per report falls; a lone report is never held back to fill a batch.
 */
export interface ReportWriteQueue {
  /** Resolves once the report is committed; rejects with its own error only. */
  save(report: Report, blobKey?: string): Promise<UpsertOutcome>;
}

interface Waiting {
  item: { report: Report; blobKey?: string };
  resolve: (outcome: UpsertOutcome) => void;
  reject: (error: unknown) => void;
}

export function reportWriteQueue(store: Pick<ReportStore, 'upsertReports'>): ReportWriteQueue {
  let waiting: Waiting[] = [];
  let writing = false;

  const writeOne = async (entry: Waiting): Promise<void> => {
    try {
      const [outcome] = await store.upsertReports([entry.item]);
      entry.resolve(outcome!);
    } catch (error) {
      entry.reject(error);
    }
  };

  const drain = async (): Promise<void> => {
    writing = true;
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      if (batch.length === 1) {
        await writeOne(batch[0]!);
        continue;
      }
      try {
        const outcomes = await store.upsertReports(batch.map((entry) => entry.item));
        batch.forEach((entry, i) => entry.resolve(outcomes[i]!));
      } catch {
        // A batch is all or nothing: one invalid report fails it. Each is then written alone, so
        // the bad one gets its own error and the others are stored.
        for (const entry of batch) await writeOne(entry);
      }
    }
    writing = false;
  };

  return {
    save(report, blobKey) {
      return new Promise<UpsertOutcome>((resolve, reject) => {
        waiting.push({ item: blobKey === undefined ? { report } : { report, blobKey }, resolve, reject });
        if (!writing) void drain();
      });
    },
  };
}
