import { afterEach, expect, test } from 'vitest';
import type { Report } from '../../src/model/report.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { ReportStore } from '../../src/store/report-store.ts';
import { reportWriteQueue } from '../../src/store/report-write-queue.ts';
import { makeReport } from './support/report-factory.ts';

let store: ReportStore | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

test('a lone report is written at once; reports arriving during a write go together in the next transaction', async () => {
  store = await openStore({ inMemory: true, databaseUrl: '' });
  const real = store;
  const batches: number[] = [];
  const queue = reportWriteQueue({
    upsertReports: (items) => {
      batches.push(items.length);
      return real.upsertReports(items);
    },
  });
  const first = queue.save(makeReport({ seed: 'q0' }));
  // Arrive while the first is being written.
  const rest = [1, 2, 3].map((n) => queue.save(makeReport({ seed: `q${n}` })));
  expect(await first).toBe('inserted');
  expect(await Promise.all(rest)).toEqual(['inserted', 'inserted', 'inserted']);
  expect(batches).toEqual([1, 3]);
  // Nothing is pending now: the next one goes alone, without waiting for company.
  expect(await queue.save(makeReport({ seed: 'q1' }))).toBe('unchanged');
  expect(batches).toEqual([1, 3, 1]);
  expect((await real.tableCounts()).documents).toBe(4);
});

test('an invalid report in a batch fails alone; the others of its batch are stored', async () => {
  store = await openStore({ inMemory: true, databaseUrl: '' });
  const queue = reportWriteQueue(store);
  const blocker = queue.save(makeReport({ seed: 'b0' }));
  const invalid = { ...makeReport({ seed: 'bad' }), schema: 'not-a-schema' } as unknown as Report;
  const saves = [queue.save(makeReport({ seed: 'b1' })), queue.save(invalid), queue.save(makeReport({ seed: 'b2' }))];
  await blocker;
  const settled = await Promise.allSettled(saves);
  expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  expect(settled[1]).toMatchObject({ reason: { code: 'store/invalid-report' } });
  expect((await store.tableCounts()).documents).toBe(3);
});
