import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import type { ReportStore, TableCounts } from '../../src/store/report-store.ts';
import { StoreError } from '../../src/store/store-error.ts';
import { createTestDatabase } from './support/postgres-database.ts';
import type { TestDatabase } from './support/postgres-database.ts';
import { documentIdOf, makeReport } from './support/report-factory.ts';
import { shouldRun } from './support/services.ts';

/**
 * One suite, every backend: PostgreSQL and PGlite must behave the same, because the embedded
 * default and the distributed mode promise the same data. Each test uses its own document ids,
 * so the tests share one store per backend without seeing each other's rows.
 */
interface Backend {
  name: string;
  run: boolean;
  open(): Promise<{ store: ReportStore; dispose(): Promise<void> }>;
}

const backends: Backend[] = [
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
      const database: TestDatabase = await createTestDatabase();
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

const seed = (label: string) => `${label}-${randomUUID()}`;

function delta(after: TableCounts, before: TableCounts): Partial<TableCounts> {
  const out: Partial<TableCounts> = {};
  for (const key of Object.keys(after) as (keyof TableCounts)[]) {
    const d = after[key] - before[key];
    if (d !== 0) out[key] = d;
  }
  return out;
}

for (const backend of backends) {
  describe.skipIf(!backend.run)(`report store conformance: ${backend.name}`, () => {
    let store: ReportStore;
    let dispose: () => Promise<void> = async () => {};

    beforeAll(async () => {
      ({ store, dispose } = await backend.open());
    });
    afterAll(async () => {
      await dispose();
    });

    test('migrating again applies nothing and keeps the data', async () => {
      const report = makeReport({ seed: seed('migrate') });
      await store.upsertReport(report);
      await store.migrate();
      expect(await store.getReport(report.id)).toEqual(report);
    });

    test('stores a report and reads it back unchanged, one row per child', async () => {
      const before = await store.tableCounts();
      const report = makeReport({ seed: seed('roundtrip'), measures: 4, goals: 2 });
      expect(await store.upsertReport(report, { blobKey: report.id })).toBe('inserted');
      expect(await store.getReport(report.id)).toEqual(report);
      expect(delta(await store.tableCounts(), before)).toEqual({
        documents: 1, goals: 2, measures: 4, indicators: 4, quantities: 4, findings: 1, normalized_tables: 1,
      });
    });

    test('re-importing the same report changes nothing', async () => {
      const report = makeReport({ seed: seed('reimport'), measures: 5 });
      await store.upsertReport(report);
      const before = await store.tableCounts();
      const listed = await store.listReports({ q: report.source.filename });
      for (let i = 0; i < 3; i += 1) expect(await store.upsertReport(structuredClone(report))).toBe('unchanged');
      expect(delta(await store.tableCounts(), before)).toEqual({});
      // Not even the timestamp moves: "unchanged" means no write.
      expect(await store.listReports({ q: report.source.filename })).toEqual(listed);
    });

    test('a new extractor version replaces the rows of that document cleanly', async () => {
      const s = seed('version');
      const v1 = makeReport({ seed: s, measures: 6, goals: 3, extractorVersion: '1.0.0' });
      const v2 = makeReport({ seed: s, measures: 2, goals: 1, extractorVersion: '2.0.0' });
      await store.upsertReport(v1);
      const before = await store.tableCounts();
      expect(await store.upsertReport(v2)).toBe('replaced');
      expect(delta(await store.tableCounts(), before)).toEqual({ goals: -2, measures: -4, indicators: -4, quantities: -4 });
      expect(await store.getReport(v1.id)).toEqual(v2);
      const measures = await store.listMeasures({ documentId: v1.id });
      expect(measures.total).toBe(2);
      expect(await store.getStatus(v1.id)).toMatchObject({ state: 'done', extractorVersion: '2.0.0' });
    });

    test('same version with different content is replaced, not duplicated', async () => {
      const s = seed('content');
      const first = makeReport({ seed: s, title: 'first' });
      await store.upsertReport(first);
      const second = makeReport({ seed: s, title: 'second' });
      expect(await store.upsertReport(second)).toBe('replaced');
      expect((await store.getReport(first.id))?.title).toBe('second');
      expect((await store.listReports({ q: first.source.filename })).total).toBe(1);
    });

    test('concurrent upserts of one report store it exactly once', async () => {
      const report = makeReport({ seed: seed('race'), measures: 3 });
      const before = await store.tableCounts();
      const outcomes = await Promise.all(Array.from({ length: 5 }, () => store.upsertReport(structuredClone(report))));
      expect(outcomes.filter((o) => o === 'inserted')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'unchanged')).toHaveLength(4);
      expect(delta(await store.tableCounts(), before)).toMatchObject({ documents: 1, measures: 3 });
    });

    test('an invalid report is refused with a permanent error and nothing is stored', async () => {
      const report = makeReport({ seed: seed('invalid') });
      const broken = { ...report, measures: [{ ...report.measures[0], status: { raw: 'x', normalized: 'finished' } }] };
      const error = await store.upsertReport(broken as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect(error).toMatchObject({ code: 'store/invalid-report', permanent: true });
      expect(await store.getReport(report.id)).toBeNull();
    });

    test('lists reports with filters, paging and a total', async () => {
      const tag = randomUUID().slice(0, 8);
      const reports = [
        makeReport({ seed: `list-${tag}-a`, language: 'kir', year: 2023 }),
        makeReport({ seed: `list-${tag}-b`, language: 'mon', year: 2024 }),
        makeReport({ seed: `list-${tag}-c`, language: 'mon', year: 2024 }),
      ];
      for (const r of reports) await store.upsertReport(r);
      const all = await store.listReports({ q: tag });
      expect(all.total).toBe(3);
      const mon = await store.listReports({ q: tag, language: 'mon', year: 2024 });
      expect(mon.items.map((i) => i.id).sort()).toEqual([reports[1]!.id, reports[2]!.id].sort());
      expect(mon.items[0]).toMatchObject({ language: 'mon', year: 2024, measures: 3, findings: 1, format: 'docx' });
      const page = await store.listReports({ q: tag, limit: 2, offset: 2 });
      expect(page.total).toBe(3);
      expect(page.items).toHaveLength(1);
      expect(new Set([...(await store.listReports({ q: tag, limit: 2 })).items, ...page.items].map((i) => i.id)).size).toBe(3);
      // LIKE wildcards in the query are literal text.
      expect((await store.listReports({ q: `${tag}%` })).total).toBe(0);
    });

    test('lists measures with their goal and document, filtered', async () => {
      const report = makeReport({ seed: seed('measures'), measures: 4, goals: 2 });
      await store.upsertReport(report);
      const all = await store.listMeasures({ documentId: report.id });
      expect(all.total).toBe(4);
      expect(all.items[0]).toEqual({
        documentId: report.id,
        filename: report.source.filename,
        goal: report.goals[0],
        measure: report.measures[0],
      });
      expect((await store.listMeasures({ documentId: report.id, status: 'done' })).total).toBe(2);
      expect((await store.listMeasures({ documentId: report.id, goalId: 'g2' })).items.map((i) => i.measure.id)).toEqual(['m2', 'm4']);
      expect((await store.listMeasures({ documentId: report.id, responsible: 'agency 3' })).items.map((i) => i.measure.id)).toEqual(['m3']);
      expect((await store.listMeasures({ documentId: report.id, q: 'MEASURE 4' })).total).toBe(1);
      expect((await store.listMeasures({ documentId: report.id, limit: 1, offset: 3 })).items.map((i) => i.measure.id)).toEqual(['m4']);
    });

    test('status: unknown, failed, done after a successful store, failed again after a later failure', async () => {
      const report = makeReport({ seed: seed('status') });
      expect(await store.getStatus(report.id)).toBeNull();
      await store.recordFailure(report.id, 'x.pdf', { code: 'pdf/encrypted', message: 'the PDF is encrypted' });
      expect(await store.getStatus(report.id)).toMatchObject({ state: 'failed', filename: 'x.pdf', error: { code: 'pdf/encrypted' } });
      await store.upsertReport(report);
      expect(await store.getStatus(report.id)).toMatchObject({ state: 'done', extractorVersion: '1.0.0' });
      await new Promise((r) => setTimeout(r, 5));
      await store.recordFailure(report.id, 'x.pdf', { code: 'queue/timeout', message: 'took too long' });
      expect(await store.getStatus(report.id)).toMatchObject({ state: 'failed', error: { code: 'queue/timeout' } });
      // The stored report survives a failed reprocess.
      expect(await store.getReport(report.id)).toEqual(report);
    });

    test('iterates every stored report in id order, in batches', async () => {
      const ids = new Set<string>();
      for (let i = 0; i < 5; i += 1) {
        const r = makeReport({ seed: seed('iterate') });
        await store.upsertReport(r);
        ids.add(r.id);
      }
      const seen: string[] = [];
      for await (const r of store.iterateReports({ batchSize: 2 })) seen.push(r.id);
      expect(seen).toEqual([...seen].sort());
      expect(new Set(seen).size).toBe(seen.length);
      for (const id of ids) expect(seen).toContain(id);
      expect(seen.length).toBe((await store.tableCounts()).documents);
    });

    test('a big report is stored in batches and read back whole', async () => {
      const report = makeReport({ seed: seed('big'), measures: 1200, goals: 40 });
      expect(await store.upsertReport(report)).toBe('inserted');
      expect((await store.listMeasures({ documentId: report.id, limit: 1 })).total).toBe(1200);
      expect(await store.getReport(report.id)).toEqual(report);
    });

    test('getReport of an unknown id is null', async () => {
      expect(await store.getReport(documentIdOf(seed('missing')))).toBeNull();
    });
  });
}
