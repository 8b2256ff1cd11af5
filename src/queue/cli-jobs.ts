import type { QueueConnectionOptions } from './connection.ts';
import { listFailedJobs, retryFailedJobs } from './failed-jobs.ts';
import type { FailedJob } from './failed-jobs.ts';
import { formatQueueCounts, queueCounts } from './queue-counts.ts';

const USAGE = `usage: reportmill jobs [--retry] [--json] [ID…]

Lists the jobs that failed for good, with their error codes, then the number of jobs per state in
each queue (REDIS_URL, REPORTMILL_QUEUE_PREFIX).
  --retry   put them back in their queues with fresh attempts (only the given IDs, if any)
  --json    print JSON instead of a table
Exit 0 on success, 1 when Redis cannot be reached, 2 on a usage error.
`;

export interface JobsCommandIo extends QueueConnectionOptions {
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
}

function table(jobs: readonly FailedJob[]): string {
  const rows = jobs.map((j) => [j.stage, j.id.slice(0, 12), j.code, String(j.attemptsMade), j.filename, j.message.replace(/\s+/g, ' ').slice(0, 120)]);
  const header = ['STAGE', 'DOCUMENT', 'CODE', 'ATTEMPTS', 'FILE', 'MESSAGE'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd();
  return `${[header, ...rows].map(line).join('\n')}\n`;
}

/** `reportmill jobs [--retry] [--json] [ID…]`; returns the process exit code. */
export async function runJobsCommand(args: string[], io: JobsCommandIo = {}): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  let retry = false;
  let json = false;
  const ids: string[] = [];
  for (const arg of args) {
    if (arg === '--retry') retry = true;
    else if (arg === '--json') json = true;
    else if (arg === '-h' || arg === '--help') {
      stdout.write(USAGE);
      return 0;
    } else if (/^[0-9a-f]{6,64}$/.test(arg)) ids.push(arg);
    else {
      stderr.write(`reportmill jobs: unexpected argument ${JSON.stringify(arg)}\n${USAGE}`);
      return 2;
    }
  }
  const connection: QueueConnectionOptions = {
    ...(io.redisUrl === undefined ? {} : { redisUrl: io.redisUrl }),
    ...(io.prefix === undefined ? {} : { prefix: io.prefix }),
  };
  try {
    const all = await listFailedJobs(connection);
    // IDs may be given as the 12-character prefix the table shows.
    const chosen = ids.length === 0 ? all : all.filter((job) => ids.some((id) => job.id.startsWith(id)));
    if (!retry) {
      const counts = await queueCounts(connection);
      if (json) stdout.write(`${JSON.stringify({ failed: chosen, counts }, null, 2)}\n`);
      else stdout.write(`${chosen.length === 0 ? 'no failed jobs\n' : table(chosen)}\n${formatQueueCounts(counts)}\n`);
      return 0;
    }
    const retried = chosen.length === 0 ? [] : await retryFailedJobs({ ...connection, ids: chosen.map((job) => job.id) });
    if (json) stdout.write(`${JSON.stringify(retried, null, 2)}\n`);
    else stdout.write(retried.length === 0 ? 'no failed jobs to retry\n' : `${table(retried)}retried ${retried.length} job(s)\n`);
    return 0;
  } catch (error) {
    stderr.write(`reportmill jobs: ${(error as Error).message}\n`);
    return 1;
  }
}
