// Thread entry of the ingest store (ingest-store.ts): opens the store (DATABASE_URL, else the
// embedded PGlite store) and answers the ingesting thread's calls, one message per call.
import { parentPort, workerData } from 'node:worker_threads';
import { EXTRACTOR_VERSION } from '../extract/version.ts';
import { openStore, type OpenStoreOptions } from '../store/open-store.ts';
import { reportWriteQueue } from '../store/report-write-queue.ts';
import type { StoreCall, StoreReply } from './ingest-store.ts';
import { errorToMessage } from './ingest-store.ts';

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
