import { openStore } from '../../../src/store/open-store.ts';
import type { ReportStore } from '../../../src/store/report-store.ts';
import { createTestDatabase } from './postgres-database.ts';
import { shouldRun } from './services.ts';

/**
 * The store backends every conformance suite runs on: PostgreSQL and PGlite must behave the same,
 * because the embedded default and the distributed mode promise the same data. PostgreSQL is
 * skipped when unreachable outside CI, and fails under CI=true (see services.ts).
 */
export interface Backend {
  name: 'pglite' | 'postgres';
  run: boolean;
  open(): Promise<{ store: ReportStore; dispose(): Promise<void> }>;
}

export const backends: Backend[] = [
  {
    name: 'pglite',
    run: true,
    async open() {
      const store = await openStore({ inMemory: true, databaseUrl: '' });
      return { store, dispose: () => store.close() };
    },
  },
  {
    name: 'postgres',
    run: await shouldRun('postgres'),
    async open() {
      const database = await createTestDatabase();
      const store = await openStore({ databaseUrl: database.url });
      return {
        store,
        async dispose() {
          await store.close();
          await database.drop();
        },
      };
    },
  },
];
