import { parentPort } from 'node:worker_threads';
import { parseOne } from './parse-pool.ts';

parentPort?.on('message', (file: string) => {
  void parseOne(file).then(
    (r) => parentPort?.postMessage(r),
    () => parentPort?.postMessage({ file, ok: false, tables: 0 }),
  );
});
