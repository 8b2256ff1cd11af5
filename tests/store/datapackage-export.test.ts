import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Report } from '../../src/model/report.ts';
import { calendarDate, exportDataPackage, RESOURCE_NAMES, TABLE_SCHEMAS } from '../../src/store/datapackage-export.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { ReportStore } from '../../src/store/report-store.ts';
import { readCsv } from './support/csv-reader.ts';
import { loadDataPackage } from './support/frictionless.ts';
import { makeReport } from './support/report-factory.ts';

/** Reports with the awkward cases: no goals, a dangling goal id, a repeated goal id, odd dates. */
function awkwardReports(): Report[] {
  const plain = makeReport({ seed: 'dp-plain', measures: 4, goals: 2, statuses: ['done', 'not_done'] });
  const noGoals = { ...makeReport({ seed: 'dp-no-goals', measures: 2, goals: 0, organization: null, quarter: null }), title: null };
  const odd = makeReport({ seed: 'dp-odd', measures: 3, goals: 2, language: 'mon' });
  odd.goals.push({ id: 'g1', number: null, title: 'A second goal with the id g1' });
  odd.measures[0] = { ...odd.measures[0]!, goalId: 'g404', start: '2024-02-30', end: null, score: null, narrative: 'Тайлбар, "ишлэл"' };
  odd.measures[1] = { ...odd.measures[1]!, indicators: [], quantities: [], responsible: [], context: {}, status: { raw: null, normalized: 'unknown' } };
  odd.findings.push({ code: 'SECOND', severity: 'warning', message: 'with a cause', location: { page: 2, row: 3 }, cause: 'because' });
  const empty = makeReport({ seed: 'dp-empty', measures: 0, goals: 0 });
  return [plain, noGoals, odd, empty];
}

describe('export --format datapackage', () => {
  let store: ReportStore;
  let reports: Report[];
  let root: string;

  beforeAll(async () => {
    store = await openStore({ inMemory: true, databaseUrl: '' });
    reports = awkwardReports();
    for (const r of reports) await store.upsertReport(r);
    root = await mkdtemp(join(tmpdir(), 'reportmill-dp-'));
  });
  afterAll(async () => {
    await store.close();
    await rm(root, { recursive: true, force: true });
  });

  async function readAll(dir: string) {
    const pkg = await loadDataPackage(join(dir, 'datapackage.json'));
    const tables: Record<string, Record<string, unknown>[]> = {};
    for (const resource of pkg.resources) {
      // cast: every cell to its field type, with constraints; relations: every foreign key resolved.
      tables[resource.name] = await resource.read({ keyed: true, cast: true, relations: true });
    }
    return { pkg, tables };
  }

  test('is a valid Tabular Data Package whose rows satisfy their Table Schemas and foreign keys', async () => {
    const dir = join(root, 'all');
    const summary = await exportDataPackage(store, dir, {}, { now: new Date('2025-01-02T03:04:05Z') });
    expect((await readdir(dir)).sort()).toEqual(['datapackage.json', ...RESOURCE_NAMES.map((n) => `${n}.csv`)].sort());

    const { pkg, tables } = await readAll(dir);
    expect(pkg.errors).toEqual([]);
    expect(pkg.valid).toBe(true);
    expect(pkg.profile.name).toMatch(/^tabular-data.package$/);
    expect(pkg.resources.map((r) => [r.name, r.valid, r.tabular, r.errors])).toEqual(RESOURCE_NAMES.map((n) => [n, true, true, []]));

    const measureCount = reports.reduce((n, r) => n + r.measures.length, 0);
    expect(summary).toEqual({
      documents: 4,
      rows: {
        documents: 4,
        goals: reports.reduce((n, r) => n + r.goals.length, 0),
        measures: measureCount,
        indicators: reports.reduce((n, r) => n + r.measures.reduce((k, m) => k + m.indicators.length, 0), 0),
        quantities: reports.reduce((n, r) => n + r.measures.reduce((k, m) => k + m.quantities.length, 0), 0),
        findings: reports.reduce((n, r) => n + r.findings.length, 0),
      },
    });
    for (const name of RESOURCE_NAMES) expect(tables[name]).toHaveLength(summary.rows[name]);

    // Typed values come back as the report had them (relations replace a key by its row).
    const odd = reports[2]!;
    const measures = tables.measures!.filter((m) => (m.document_id as { document_id: string }).document_id === odd.id);
    expect(measures.map((m) => m.measure_ord)).toEqual([0, 1, 2]);
    expect(measures[0]).toMatchObject({
      text: odd.measures[0]!.text, goal_id: 'g404', goal_ord: null, goal_key: null, start: null, end: null, score: null,
      narrative: 'Тайлбар, "ишлэл"', responsible: ['Ministry of Finance', 'Agency 1'], source_rows: [1], status: 'done',
    });
    expect(measures[1]).toMatchObject({ status: 'unknown', status_raw: null, responsible: [], context: {} });
    // A repeated goal id resolves to the first goal with that id.
    expect(measures[2]!.goal_ord).toBe(0);
    expect((measures[2]!.goal_key as { title: string }).title).toBe(odd.goals[0]!.title);
    expect(tables.documents!.find((d) => d.document_id === reports[1]!.id)).toMatchObject({ title: null, organization: null, quarter: null, year: 2024 });
    const plainFirst = tables.measures!.find((m) => (m.document_id as { document_id: string }).document_id === reports[0]!.id)!;
    expect(plainFirst.start).toBeInstanceOf(Date);
    expect(plainFirst.score).toBe(0);
    expect(tables.findings!.find((f) => f.code === 'SECOND')).toMatchObject({ location: { page: 2, row: 3 }, cause: 'because', severity: 'warning' });
    expect(tables.quantities!.every((q) => typeof q.value === 'number')).toBe(true);
  });

  test('every resource declares a primary key; the foreign keys form documents ← goals ← measures ← indicators/quantities', async () => {
    const dir = join(root, 'keys');
    await exportDataPackage(store, dir);
    const descriptor = JSON.parse(await readFile(join(dir, 'datapackage.json'), 'utf8')) as {
      profile: string;
      resources: { name: string; path: string; schema: { primaryKey: string[]; foreignKeys?: { fields: unknown; reference: { resource: string } }[] } }[];
    };
    expect(descriptor.profile).toBe('tabular-data-package');
    const byName = Object.fromEntries(descriptor.resources.map((r) => [r.name, r.schema]));
    for (const name of RESOURCE_NAMES) expect(byName[name]!.primaryKey.length).toBeGreaterThan(0);
    const references = (name: string) => (byName[name]!.foreignKeys ?? []).map((fk) => fk.reference.resource).sort();
    expect(references('documents')).toEqual([]);
    expect(references('goals')).toEqual(['documents']);
    expect(references('measures')).toEqual(['documents', 'goals']);
    expect(references('indicators')).toEqual(['measures']);
    expect(references('quantities')).toEqual(['measures']);
    expect(references('findings')).toEqual(['documents']);
    // The header of each CSV is its schema's field list.
    for (const name of RESOURCE_NAMES) {
      const [header] = readCsv(await readFile(join(dir, `${name}.csv`), 'utf8'));
      expect(header).toEqual(TABLE_SCHEMAS[name].fields.map((f) => f.name));
    }
  });

  test('the validator catches a broken foreign key and a wrong type (the check is real)', async () => {
    const dir = join(root, 'broken');
    await exportDataPackage(store, dir);
    const measuresCsv = join(dir, 'measures.csv');
    const original = await readFile(measuresCsv, 'utf8');
    const goalKey = `${reports[0]!.id}:0`;
    await writeFile(measuresCsv, original.replace(goalKey, `${reports[0]!.id}:99`));
    await expect(readAll(dir)).rejects.toThrow(/foreign key/i);
    await writeFile(measuresCsv, original.replace(/,done,2024-01-01,/, ',done,not-a-date,'));
    await expect(readAll(dir)).rejects.toThrow();
  });

  test('filters select the documents and measures, and the package stays valid', async () => {
    const dir = join(root, 'filtered');
    const summary = await exportDataPackage(store, dir, { status: 'not_done' });
    expect(summary.documents).toBe(1);
    const { pkg, tables } = await readAll(dir);
    expect(pkg.valid).toBe(true);
    expect(tables.measures!.map((m) => [m.measure_ord, m.status])).toEqual([[1, 'not_done'], [3, 'not_done']]);
    expect(tables.indicators!.map((i) => (i.measure_ord as { measure_ord: number }).measure_ord)).toEqual([1, 3]);
    // Goals and findings belong to the document and come whole.
    expect(tables.goals).toHaveLength(2);
  });

  test('a failed export leaves no package behind', async () => {
    const dir = join(root, 'failed');
    const failing = {
      ...store,
      async *iterateSelected() {
        yield { report: reports[0]!, measures: [0] };
        throw new Error('database went away');
      },
    } as unknown as ReportStore;
    await expect(exportDataPackage(failing, dir)).rejects.toThrow('database went away');
    expect(await readdir(dir)).toEqual([]);
  });

  test('calendarDate keeps real days only', () => {
    expect(calendarDate('2024-02-29')).toBe('2024-02-29');
    expect(calendarDate('2023-02-29')).toBeNull();
    expect(calendarDate('2024-13-01')).toBeNull();
    expect(calendarDate(null)).toBeNull();
  });
});
