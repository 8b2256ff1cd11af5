import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Report } from '../../src/model/report.ts';
import { DocumentSummary, MeasureRecord, pageOf, ReportQuery } from '../../src/store/query.ts';
import type { CursorPage, PageRequest, ReportStore } from '../../src/store/report-store.ts';
import { StoreError } from '../../src/store/store-error.ts';
import { backends } from './support/backends.ts';
import { makeReport } from './support/report-factory.ts';
import type { ReportShape } from './support/report-factory.ts';

/**
 * The query layer behind `export` and the HTTP list endpoints, on every backend. Each test tags
 * its documents with a fresh organization and filters on it, so tests sharing a store never see
 * each other's rows.
 */

async function all<T>(list: (page: PageRequest) => Promise<CursorPage<T>>, limit: number): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | undefined;
  let pages = 0;
  for (;;) {
    const page = await list(cursor === undefined ? { limit } : { limit, cursor });
    pages += 1;
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    if (page.nextCursor === null) return { items, pages };
    cursor = page.nextCursor;
  }
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

for (const backend of backends) {
  describe.skipIf(!backend.run)(`store queries: ${backend.name}`, () => {
    let store: ReportStore;
    let dispose: () => Promise<void> = async () => {};

    beforeAll(async () => {
      ({ store, dispose } = await backend.open());
    });
    afterAll(async () => {
      await dispose();
    });

    /** Stores reports of one fresh organization, in order (so created times ascend). */
    async function stored(shapes: Omit<ReportShape, 'seed' | 'organization'>[]): Promise<{ org: string; reports: Report[] }> {
      const org = `Org ${randomUUID()}`;
      const reports = shapes.map((shape, i) => makeReport({ ...shape, seed: `${org}-${i}`, organization: org }));
      for (const report of reports) await store.upsertReport(report);
      return { org, reports };
    }

    const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);

    test('documents: each filter alone, combined, and case-insensitive text', async () => {
      const { org, reports } = await stored([
        { language: 'kir', year: 2023, quarter: 4, statuses: ['done'] },
        { language: 'mon', year: 2024, quarter: 1, statuses: ['not_done', 'done'], measureText: 'Build {n} schools in Darkhan' },
        { language: 'mon', year: 2024, quarter: 2, statuses: ['in_progress'], title: 'Annual monitoring of roads' },
        { language: 'rus', year: 2024, quarter: null, measures: 0, title: 'Пустой отчёт' },
      ]);
      const [a, b, c, d] = reports.map((r) => r.id);
      const list = async (filter: ReportQuery) => ids((await store.listDocuments({ organization: org, ...filter })).items).sort();
      const sorted = (...values: (string | undefined)[]) => (values as string[]).sort();

      expect(await list({})).toEqual(sorted(a, b, c, d));
      // Organization is a case-insensitive substring.
      expect(await list({ organization: org.toUpperCase().slice(4) })).toEqual(sorted(a, b, c, d));
      expect(await list({ language: 'mon' })).toEqual(sorted(b, c));
      expect(await list({ period: '2024' })).toEqual(sorted(b, c, d));
      expect(await list({ period: '2024-Q2' })).toEqual(sorted(c));
      expect(await list({ period: '2024q1' })).toEqual(sorted(b));
      expect(await list({ format: 'docx' })).toEqual(sorted(a, b, c, d));
      expect(await list({ format: 'pdf' })).toEqual([]);
      expect(await list({ documentId: b })).toEqual(sorted(b));
      // A document matches a measure filter when one of its measures does.
      expect(await list({ status: 'done' })).toEqual(sorted(a, b));
      expect(await list({ status: 'not_done' })).toEqual(sorted(b));
      expect(await list({ status: 'unknown' })).toEqual([]);
      // Goal: its number as printed (a trailing dot is ignored) or part of its title.
      expect(await list({ goal: '2.' })).toEqual(sorted(a, b, c));
      expect(await list({ goal: 'goal 1 OF' })).toEqual(sorted(a, b, c));
      expect(await list({ goal: '7' })).toEqual([]);
      expect(await list({ goal: 'II' })).toEqual([]);
      // Text search: measure text, document title, file name, goal title.
      expect(await list({ q: 'darkhan' })).toEqual(sorted(b));
      expect(await list({ q: 'ROADS' })).toEqual(sorted(c));
      expect(await list({ q: 'пустой' })).toEqual(sorted(d));
      expect(await list({ q: `${org}-3.docx` })).toEqual(sorted(d));
      // AND of everything given.
      expect(await list({ language: 'mon', status: 'done', q: 'schools' })).toEqual(sorted(b));
      expect(await list({ language: 'mon', status: 'in_progress', q: 'schools' })).toEqual([]);
      // LIKE wildcards are literal text.
      expect(await list({ q: '%' })).toEqual([]);
      expect(await list({ organization: `${org.slice(0, 5)}_` })).toEqual([]);
    });

    test('documents: newest first, cursor pages without gaps or repeats, stable while rows are added', async () => {
      const { org, reports } = await stored(Array.from({ length: 7 }, () => ({ measures: 1 })));
      const newestFirst = [...reports].reverse().map((r) => r.id);

      const first = await store.listDocuments({ organization: org }, { limit: 3 });
      expect(ids(first.items)).toEqual(newestFirst.slice(0, 3));
      expect(first.nextCursor).toEqual(expect.any(String));
      // A document stored between two page requests lands before the cursor, not in later pages.
      const late = makeReport({ seed: `${org}-late`, organization: org });
      await store.upsertReport(late);
      const second = await store.listDocuments({ organization: org }, { limit: 3, cursor: first.nextCursor! });
      expect(ids(second.items)).toEqual(newestFirst.slice(3, 6));
      const third = await store.listDocuments({ organization: org }, { limit: 3, cursor: second.nextCursor! });
      expect(ids(third.items)).toEqual(newestFirst.slice(6));
      expect(third.nextCursor).toBeNull();

      // Re-storing a document (new extractor version) keeps its place: the order is by first store.
      await store.upsertReport(makeReport({ seed: `${org}-2`, organization: org, extractorVersion: '9.9.9' }));
      const whole = await all((page) => store.listDocuments({ organization: org }, page), 2);
      expect(ids(whole.items)).toEqual([late.id, ...newestFirst]);
      expect(whole.pages).toBe(4);
      // An exact multiple of the page size ends with a null cursor, not an empty page.
      expect((await all((page) => store.listDocuments({ organization: org }, page), 4)).pages).toBe(2);
    });

    test('documents: items have the documented shape', async () => {
      const { org, reports } = await stored([{ measures: 3, language: 'mon', year: 2022, quarter: 3 }]);
      const page = await store.listDocuments({ organization: org });
      expect(pageOf(DocumentSummary).parse(page)).toEqual(page);
      expect(page.items[0]).toMatchObject({
        id: reports[0]!.id, language: 'mon', year: 2022, quarter: 3, measures: 3, findings: 1, format: 'docx', organization: org,
      });
      expect(Date.parse(page.items[0]!.createdAt)).not.toBeNaN();
    });

    test('measures: filters select measures, ordered by document (newest first) then position', async () => {
      const { org, reports } = await stored([
        { measures: 4, goals: 2, statuses: ['done', 'not_done'] },
        { measures: 3, goals: 1, statuses: ['in_progress'], measureText: 'Repair {n} bridges', language: 'mon' },
      ]);
      const [a] = reports;
      const list = async (filter: ReportQuery) =>
        (await store.listMeasures({ organization: org, ...filter })).items.map((i) => `${i.documentId === a!.id ? 'a' : 'b'}:${i.measure.id}`);

      expect(await list({})).toEqual(['b:m1', 'b:m2', 'b:m3', 'a:m1', 'a:m2', 'a:m3', 'a:m4']);
      expect(await list({ status: 'not_done' })).toEqual(['a:m2', 'a:m4']);
      expect(await list({ goal: '2' })).toEqual(['a:m2', 'a:m4']);
      expect(await list({ goal: 'Goal 2 of' })).toEqual(['a:m2', 'a:m4']);
      expect(await list({ q: 'BRIDGES', language: 'mon' })).toEqual(['b:m1', 'b:m2', 'b:m3']);
      expect(await list({ q: 'measure 3' })).toEqual(['a:m3']);
      // A match on the document title selects all of its measures.
      expect(await list({ q: `Report ${org}-0` })).toEqual(['a:m1', 'a:m2', 'a:m3', 'a:m4']);
      expect(await list({ language: 'kir', status: 'done' })).toEqual(['a:m1', 'a:m3']);

      const page = await store.listMeasures({ organization: org, status: 'done' });
      expect(pageOf(MeasureRecord).parse(page)).toEqual(page);
      expect(page.items[0]).toEqual({
        documentId: a!.id, filename: a!.source.filename, language: 'kir', organization: org, year: 2024, quarter: 1, ord: 0,
        goal: a!.goals[0], measure: a!.measures[0],
      });
    });

    test('measures: cursor pages cross document boundaries without gaps or repeats', async () => {
      const { org } = await stored([{ measures: 3 }, { measures: 0 }, { measures: 5 }, { measures: 1 }]);
      const everything = (await store.listMeasures({ organization: org }, { limit: 1000 })).items;
      expect(everything).toHaveLength(9);
      for (const limit of [1, 2, 4, 9, 10]) {
        const paged = await all((page) => store.listMeasures({ organization: org }, page), limit);
        expect(paged.items).toEqual(everything);
        expect(paged.pages).toBe(Math.max(1, Math.ceil(9 / limit)));
      }
    });

    test('a foreign or forged cursor and a bad filter are permanent store errors', async () => {
      const { org } = await stored([{ measures: 2 }, { measures: 2 }]);
      const documentCursor = (await store.listDocuments({ organization: org }, { limit: 1 })).nextCursor!;
      const measureCursor = (await store.listMeasures({ organization: org }, { limit: 1 })).nextCursor!;
      for (const attempt of [
        store.listMeasures({}, { cursor: documentCursor }),
        store.listDocuments({}, { cursor: measureCursor }),
        store.listDocuments({}, { cursor: 'not-a-cursor' }),
        store.listDocuments({}, { cursor: Buffer.from('{"k":"d","t":"x\'; DROP TABLE documents","id":"1"}').toString('base64url') }),
      ]) {
        await expect(attempt).rejects.toMatchObject({ code: 'store/bad-cursor', permanent: true });
      }
      for (const filter of [{ status: 'finished' }, { period: '24' }, { language: 'mongolian' }, { color: 'red' }]) {
        const error = await store.listDocuments(filter as never).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StoreError);
        expect(error).toMatchObject({ code: 'store/bad-filter', permanent: true });
      }
      expect((await store.listDocuments({ organization: org })).items).toHaveLength(2);
    });

    test('iterateReports and iterateSelected: the filtered reports in id order, with the selected measures', async () => {
      const { org, reports } = await stored([
        { measures: 4, statuses: ['done', 'in_progress'] },
        { measures: 2, statuses: ['in_progress'] },
        { measures: 0 },
        { measures: 3, statuses: ['done'], language: 'mon' },
        { measures: 1, statuses: ['done'] },
      ]);
      const byId = [...reports].sort((x, y) => (x.id < y.id ? -1 : 1));

      const everything = await collect(store.iterateReports({ organization: org }, { batchSize: 2 }));
      expect(everything).toEqual(byId);

      const selected = await collect(store.iterateSelected({ organization: org, status: 'done' }, { batchSize: 2 }));
      const expected = byId
        .map((report) => ({ report, measures: report.measures.flatMap((m, i) => (m.status.normalized === 'done' ? [i] : [])) }))
        .filter((s) => s.measures.length > 0);
      expect(selected).toEqual(expected);

      // Without a measure-level filter every measure is selected, also of reports without measures.
      const plain = await collect(store.iterateSelected({ organization: org, language: 'kir' }, { batchSize: 3 }));
      expect(plain.map((s) => s.measures)).toEqual(
        byId.filter((r) => r.language.code === 'kir').map((r) => r.measures.map((_, i) => i)),
      );
      expect(await collect(store.iterateReports({ organization: org, period: '1999' }))).toEqual([]);
    });
  });
}

describe('ReportQuery', () => {
  test('parses query-string values and rejects what the store could not filter on', () => {
    expect(ReportQuery.parse({ language: 'kir', period: ' 2024-Q1 ', status: 'done', q: '  roads ' })).toEqual({
      language: 'kir', period: '2024-Q1', status: 'done', q: 'roads',
    });
    expect(ReportQuery.safeParse({ period: '2024-Q5' }).success).toBe(false);
    expect(ReportQuery.safeParse({ status: 'finished' }).success).toBe(false);
    expect(ReportQuery.safeParse({ q: '   ' }).success).toBe(false);
  });
});
