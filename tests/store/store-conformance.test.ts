import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ReportStore, TableCounts } from '../../src/store/report-store.ts';
import { StoreError } from '../../src/store/store-error.ts';
import { backends } from './support/backends.ts';
import { documentIdOf, makeReport } from './support/report-factory.ts';

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
      const listed = await store.listDocuments({ q: report.source.filename });
      for (let i = 0; i < 3; i += 1) expect(await store.upsertReport(structuredClone(report))).toBe('unchanged');
      expect(delta(await store.tableCounts(), before)).toEqual({});
      // Not even the timestamp moves: "unchanged" means no write.
      expect(await store.listDocuments({ q: report.source.filename })).toEqual(listed);
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
      expect(measures.items).toHaveLength(2);
      expect(await store.getStatus(v1.id)).toMatchObject({ state: 'done', extractorVersion: '2.0.0' });
    });

    test('same version with different content is replaced, not duplicated', async () => {
      const s = seed('content');
      const first = makeReport({ seed: s, title: 'first' });
      await store.upsertReport(first);
      const second = makeReport({ seed: s, title: 'second' });
      expect(await store.upsertReport(second)).toBe('replaced');
      expect((await store.getReport(first.id))?.title).toBe('second');
      expect((await store.listDocuments({ q: first.source.filename })).items).toHaveLength(1);
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

    test('a batch stores each report as one upsert would, and re-importing it changes nothing', async () => {
      const reports = [1, 2, 3].map((n) => makeReport({ seed: seed(`batch-${n}`), measures: n }));
      const before = await store.tableCounts();
      expect(await store.upsertReports(reports.map((report) => ({ report, blobKey: report.id })))).toEqual(['inserted', 'inserted', 'inserted']);
      for (const report of reports) expect(await store.getReport(report.id)).toEqual(report);
      expect(delta(await store.tableCounts(), before)).toMatchObject({ documents: 3, measures: 6 });
      const stored = await store.tableCounts();
      expect(await store.upsertReports(reports.map((report) => ({ report: structuredClone(report) })))).toEqual(['unchanged', 'unchanged', 'unchanged']);
      expect(delta(await store.tableCounts(), stored)).toEqual({});
    });

    test('a batch with one invalid report stores none of them', async () => {
      const good = makeReport({ seed: seed('batch-good') });
      const report = makeReport({ seed: seed('batch-invalid') });
      const broken = { ...report, measures: [{ ...report.measures[0], status: { raw: 'x', normalized: 'finished' } }] };
      const error = await store.upsertReports([{ report: good }, { report: broken as never }]).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'store/invalid-report', permanent: true });
      expect(await store.getReport(good.id)).toBeNull();
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
      for await (const r of store.iterateReports({}, { batchSize: 2 })) seen.push(r.id);
      expect(seen).toEqual([...seen].sort());
      expect(new Set(seen).size).toBe(seen.length);
      for (const id of ids) expect(seen).toContain(id);
      expect(seen.length).toBe((await store.tableCounts()).documents);
    });

    test('a big report is stored in batches and read back whole', async () => {
      const report = makeReport({ seed: seed('big'), measures: 1200, goals: 40 });
      expect(await store.upsertReport(report)).toBe('inserted');
      const page = await store.listMeasures({ documentId: report.id }, { limit: 1000 });
      expect(page.items).toHaveLength(1000);
      expect((await store.listMeasures({ documentId: report.id }, { cursor: page.nextCursor!, limit: 1000 })).items).toHaveLength(200);
      expect(await store.getReport(report.id)).toEqual(report);
    });

    test('getReport of an unknown id is null', async () => {
      expect(await store.getReport(documentIdOf(seed('missing')))).toBeNull();
    });
  });
}
