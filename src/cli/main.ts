// Only what every command needs is imported here; each command loads its own modules (pdf.js,
// PGlite, BullMQ, zod…) when it runs, so `--help` and light commands start fast.
import { parseArgs } from 'node:util';

const USAGE = `reportmill — monitoring and performance reports to validated, normalized JSON

Usage:
  reportmill ingest <file or dir>... [--out DIR] [--force] [--no-store] [--threads N|auto]
                   [--timeout S] [--max-heap MB] [--max-bytes MB] [--max-pages N] [--max-rows N] [--max-cells N]
                                    in-process (each document parsed in a contained process, stopped at
                                    these limits: docs/limits.md); stores into DATABASE_URL, else the
                                    embedded store
  reportmill ingest --queue <file or dir>... [--out DIR] [--force]
                                    enqueue on REDIS_URL and wait for the workers
  reportmill worker [--only parse,validate,store] [--concurrency N]
  reportmill jobs [--retry]         failed jobs with their error codes; --retry runs them again
  reportmill export [--format json|ndjson|csv|datapackage|iati] [--out DIR] [filters]
                                    stored reports, streamed (reportmill export --help)
  reportmill serve [--port N]       HTTP API and review page (REPORTMILL_API_TOKEN)
  reportmill schema                 print the JSON Schema of reportmill/report@1
  reportmill lang                   language (ISO 639-3) of each stdin line

Exit codes: 0 all inputs ok or skipped, 1 some input failed, 2 usage error.`;

class UsageError extends Error {}

async function ingest(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      concurrency: { type: 'string', default: '2' },
      queue: { type: 'boolean', default: false },
      'no-store': { type: 'boolean', default: false },
      threads: { type: 'string', default: 'auto' },
      timeout: { type: 'string' },
      'max-heap': { type: 'string' },
      'max-bytes': { type: 'string' },
      'max-pages': { type: 'string' },
      'max-rows': { type: 'string' },
      'max-cells': { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new UsageError('ingest needs at least one file or directory.');
  const concurrency = Number.parseInt(values.concurrency ?? '2', 10);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError('--concurrency must be a positive integer.');
  const log = (line: string): void => {
    process.stderr.write(`${line}\n`);
  };
  if (values.queue) {
    const { runQueuedIngest } = await import('../queue/queued-ingest.ts');
    const summary = await runQueuedIngest({ paths: positionals, outDir: values.out ?? null, reprocess: values.force ?? false, log });
    const { ok, failed, skipped } = summary.counts;
    process.stderr.write(`done: ${ok} ok, ${failed} failed, ${skipped} skipped\n`);
    return failed > 0 ? 1 : 0;
  }
  const threads: number | 'auto' = values.threads === 'auto' ? 'auto' : Number.parseInt(values.threads ?? '', 10);
  if (threads !== 'auto' && (!Number.isInteger(threads) || threads < 0)) throw new UsageError('--threads must be "auto" or a whole number ≥ 0.');
  const { resolveLimits } = await import('../sniff/limits.ts');
  let limits;
  try {
    limits = resolveLimits(values);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  // On a terminal one line redrawn in place; in a pipe or a log file one line per input.
  const { lineProgress, terminalProgress } = await import('./progress-view.ts');
  const progress = process.stderr.isTTY ? await terminalProgress(process.stderr) : lineProgress(log);
  // The first Ctrl-C (or SIGTERM) lets the documents in hand finish and writes the summary; a
  // second one ends the process at once. Either way a re-run resumes where this one stopped.
  const stop = new AbortController();
  const onSignal = (): void => {
    if (stop.signal.aborted) process.exit(130);
    progress.note('interrupted: finishing the documents in hand (press Ctrl-C again to quit at once)');
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const options = {
    paths: positionals,
    outDir: values.out ?? null,
    force: values.force ?? false,
    concurrency,
    threads,
    limits,
    signal: stop.signal,
    log,
    progress,
  };
  const { runIngest, runIngestIntoStore } = await import('./ingest-command.ts');
  const summary = await (values['no-store'] ? runIngest(options) : runIngestIntoStore(options)).finally(() => progress.stop());
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  const { ok, failed, skipped } = summary.counts;
  process.stderr.write(`done: ${ok} ok, ${failed} failed, ${skipped} skipped${values.out ? ` → ${values.out}/ingest-summary.json` : ''}\n`);
  if (stop.signal.aborted) return 130;
  return failed > 0 ? 1 : 0;
}

async function lang(): Promise<number> {
  const { runLangCommand } = await import('../language/cli-lang.ts');
  return runLangCommand(process.stdin, process.stdout);
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'ingest':
        return await ingest(rest);
      case 'schema': {
        const { reportJsonSchema } = await import('../model/json-schema.ts');
        process.stdout.write(`${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
        return 0;
      }
      case 'lang':
        return await lang();
      case 'worker': {
        const { runWorkerCommand } = await import('../queue/cli-worker.ts');
        // No stages given: the workers parse in contained processes (loadContainedStages).
        return await runWorkerCommand(rest);
      }
      case 'jobs':
        return await (await import('../queue/cli-jobs.ts')).runJobsCommand(rest);
      case 'serve':
        // Loaded only here: the other commands never pay for Fastify.
        return await (await import('../http/serve-command.ts')).runServeCommand(rest);
      case 'export':
        return await (await import('../store/cli-export.ts')).runExportCommand(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`reportmill: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
}
