import { parseArgs } from 'node:util';
import type { ParsePool } from '../../pipelines/ingest/index.ts';
import type { BlobStore } from '../store/blob-store.ts';
import type { ReportStore } from '../store/report-store.ts';
import type { DocumentProcessor } from './document-processor.ts';

export const SERVE_USAGE = `usage: reportmill serve [--port N] [--host ADDRESS] [--max-upload-mb N] [--concurrency N]

HTTP API and review page. REPORTMILL_API_TOKEN (required) guards everything but the page and
/healthz. Without REDIS_URL, uploads are processed in this process into the store (DATABASE_URL,
else the embedded store under REPORTMILL_HOME); with REDIS_URL they are queued for
\`reportmill worker\` processes, and DATABASE_URL is required.
  --port           default 8080 (PORT)
  --host           default 127.0.0.1; 0.0.0.0 to listen on every interface
  --max-upload-mb  largest accepted file, default 50 (REPORTMILL_MAX_UPLOAD_MB)
  --concurrency    documents processed at once in-process, default 1
`;

class ServeUsageError extends Error {}

function positiveInt(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new ServeUsageError(`${name} must be a whole number ≥ 0, got ${JSON.stringify(raw)}`);
  return value;
}

interface Opened {
  store: ReportStore;
  blobs: BlobStore;
  processor: DocumentProcessor;
  threads: ParsePool | null;
}

async function openBackends(concurrency: number, log: (line: string) => void): Promise<Opened> {
  const redisUrl = process.env.REDIS_URL;
  if (redisUrl !== undefined && redisUrl !== '' && (process.env.DATABASE_URL ?? '') === '') {
    throw new ServeUsageError('with REDIS_URL, serve needs DATABASE_URL: the workers must write where the server reads');
  }
  // Loaded only once the arguments are known to be good: a usage error answers at once.
  const { openBlobStore, openStore } = await import('../store/open-store.ts');
  const store = await openStore();
  const blobs = await openBlobStore().catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  if (redisUrl !== undefined && redisUrl !== '') {
    const { createQueueProcessor } = await import('./queue-processor.ts');
    const { openQueues } = await import('../queue/pipeline-queues.ts');
    const { resolveSettings } = await import('../queue/pipeline-settings.ts');
    // Reconnect for as long as Redis is away, as workers do: a server must outlive an outage.
    // Requests meanwhile are answered 503 after a bounded wait (queue-processor.ts).
    const queues = openQueues({}, resolveSettings(), 'worker');
    return { store, blobs, processor: createQueueProcessor({ queues, blobs, store }), threads: null };
  }
  const { createParsePool } = await import('../../pipelines/ingest/index.ts');
  const { parseLimits, resolveLimits } = await import('../sniff/limits.ts');
  const { createInProcessProcessor } = await import('./in-process-processor.ts');
  // Parsing in contained processes keeps the event loop free for requests while a large PDF is
  // read, and a hostile upload costs only its own process (the same limits as ingest).
  const limits = resolveLimits();
  const threads = createParsePool({ size: concurrency, timeoutMs: limits.timeoutSeconds * 1000, maxHeapMb: limits.maxHeapMb, limits: parseLimits(limits) });
  const processor = createInProcessProcessor({
    store,
    blobs,
    concurrency,
    parse: (input) => threads.parse(input),
    log,
  });
  return { store, blobs, processor, threads };
}

/** `reportmill serve`: resolves with the exit code once the server has stopped (SIGINT/SIGTERM). */
export async function runServeCommand(args: string[]): Promise<number> {
  const log = (line: string): void => {
    process.stderr.write(`${line}\n`);
  };
  let port: number;
  let host: string;
  let maxUploadBytes: number;
  let concurrency: number;
  try {
    const { values } = parseArgs({
      args,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'max-upload-mb': { type: 'string' },
        concurrency: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help === true) {
      process.stdout.write(SERVE_USAGE);
      return 0;
    }
    port = positiveInt(values.port ?? process.env.PORT, 8080, '--port');
    host = values.host ?? '127.0.0.1';
    maxUploadBytes = positiveInt(values['max-upload-mb'] ?? process.env.REPORTMILL_MAX_UPLOAD_MB, 50, '--max-upload-mb') * 1024 * 1024;
    concurrency = Math.max(1, positiveInt(values.concurrency, 1, '--concurrency'));
    const token = process.env.REPORTMILL_API_TOKEN ?? '';
    if (token === '') throw new ServeUsageError('set REPORTMILL_API_TOKEN: serve refuses to run without a token');
    // RFC 6750 tokens are visible ASCII; anything else could never be sent in the header.
    if (!/^[\x21-\x7e]+$/.test(token)) throw new ServeUsageError('REPORTMILL_API_TOKEN must be visible ASCII characters only (no spaces)');
  } catch (error) {
    if (error instanceof ServeUsageError || (error instanceof TypeError && 'code' in error)) {
      process.stderr.write(`reportmill serve: ${error.message}\n\n${SERVE_USAGE}`);
      return 2;
    }
    throw error;
  }

  let opened: Opened;
  try {
    opened = await openBackends(concurrency, log);
  } catch (error) {
    if (error instanceof ServeUsageError) {
      process.stderr.write(`reportmill serve: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const releaseBackends = async (): Promise<void> => {
    await opened.processor.close();
    await opened.threads?.close();
    await opened.blobs.close();
    await opened.store.close();
  };
  const { buildHttpServer } = await import('./http-server.ts');
  let app: Awaited<ReturnType<typeof buildHttpServer>>;
  try {
    app = await buildHttpServer({
      token: process.env.REPORTMILL_API_TOKEN ?? '',
      store: opened.store,
      blobs: opened.blobs,
      processor: opened.processor,
      maxUploadBytes,
      logger: { level: process.env.REPORTMILL_LOG_LEVEL ?? 'warn' },
    });
  } catch (error) {
    await releaseBackends();
    throw error;
  }
  // The server's onClose hook closes the processor; the rest is ours.
  const closeAll = async (): Promise<void> => {
    await app.close();
    await opened.threads?.close();
    await opened.blobs.close();
    await opened.store.close();
  };
  try {
    await app.listen({ port, host });
  } catch (error) {
    await closeAll();
    process.stderr.write(`reportmill serve: cannot listen on ${host}:${port}: ${(error as Error).message}\n`);
    return 1;
  }
  const address = app.server.address();
  const shown = typeof address === 'object' && address !== null ? `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/` : String(address);
  log(`reportmill serve: ${shown} (${opened.processor.mode}, store ${opened.store.kind}, uploads up to ${maxUploadBytes} bytes)`);

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      log('reportmill serve: stopping (finishing the documents in hand)');
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await closeAll();
  return 0;
}
