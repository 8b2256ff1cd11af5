import type { QueueConnectionOptions } from './connection.ts';
import { openQueues } from './pipeline-queues.ts';
import type { PipelineQueues } from './pipeline-queues.ts';
import { resolveSettings } from './pipeline-settings.ts';
import { STAGES } from './stage-names.ts';
import type { StageName } from './stage-names.ts';

const STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;
export type QueueCounts = Record<StageName, Record<(typeof STATES)[number], number>>;

/** Jobs per state in each queue: how far behind the workers are, at a glance. */
export async function queueCounts(options: QueueConnectionOptions & { queues?: PipelineQueues } = {}): Promise<QueueCounts> {
  const queues = options.queues ?? openQueues(options, resolveSettings());
  try {
    const counts = {} as QueueCounts;
    for (const stage of STAGES) {
      const raw = await queues.byStage[stage].getJobCounts(...STATES);
      counts[stage] = Object.fromEntries(STATES.map((state) => [state, raw[state] ?? 0])) as QueueCounts[StageName];
    }
    return counts;
  } finally {
    if (options.queues === undefined) await queues.close();
  }
}

export function formatQueueCounts(counts: QueueCounts): string {
  return STAGES.map((stage) => `${stage.padEnd(8)} ${STATES.map((state) => `${state} ${counts[stage][state]}`).join('  ')}`).join('\n');
}
