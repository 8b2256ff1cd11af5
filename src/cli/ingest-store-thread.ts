// Thread entry of the ingest store (ingest-store.ts): opens the store (DATABASE_URL, else the
// embedded PGlite store) and answers the ingesting thread's calls, one message per call.
import { setFlagsFromString } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { EXTRACTOR_VERSION } from '../extract/version.ts';
import { openStore, type OpenStoreOptions } from '../store/open-store.ts';
import { reportWriteQueue } from '../store/report-write-queue.ts';
import type { StoreCall, StoreReply } from './ingest-store.ts';
import { errorToMessage } from './ingest-store.ts';

// PGlite is PostgreSQL compiled to WebAssembly. V8 runs it first as baseline code and recompiles
// each function that has run about 1.8 MB of code with its optimizing compiler, on background
// threads. In an ingest the store does little besides starting and ~30 ms of work a report, and
// those compiles cost more than they win back: opening a fresh store and writing the 27 ICDAR
// reports took 2.1–2.6 CPU s, 1.4–1.8 with a budget 100 times larger (300 reports: 4.9 → 4.2 CPU s,
// and the writes' wall time fell too). Functions hot enough still get optimized. The flag is the
// process's, set before PGlite compiles its module; this process runs no other WebAssembly (the
// parse processes are processes of their own).
setFlagsFromString('--wasm-tiering-budget=180000000');

const port = parentPort;
if (!port) throw new Error('ingest-store-thread.ts runs as a worker thread (ingest-store.ts starts it)');

try {
  const store = await openStore(workerData as OpenStoreOptions);
  const writes = reportWriteQueue(store);

  const run = async (call: StoreCall): Promise<unknown> => {
    switch (call.op) {
      case 'storedReport': {
        const status = await store.getStatus(call.id);
        if (status?.state !== 'done' || status.extractorVersion !== EXTRACTOR_VERSION) return null;
        return store.getReport(call.id);
      }
      case 'saveReport':
        await writes.save(call.report, call.report.id);
        return undefined;
      case 'recordFailure':
        return store.recordFailure(call.id, call.path, call.error);
      case 'close':
        return store.close();
    }
  };

  port.on('message', (call: StoreCall) => {
    void run(call).then(
      (value) => port.postMessage({ call: call.call, value } satisfies StoreReply),
      (error: unknown) => port.postMessage({ call: call.call, error: errorToMessage(error) } satisfies StoreReply),
    ).then(() => {
      // Closed: nothing more comes, and the thread ends once its port does.
      if (call.op === 'close') port.close();
    });
  });
  port.postMessage({ call: 0, value: 'open' } satisfies StoreReply);
} catch (error) {
  port.postMessage({ call: 0, error: errorToMessage(error) } satisfies StoreReply);
  port.close();
}
