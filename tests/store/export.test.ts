import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CSV_COLUMNS, csvField, exportReports } from '../../src/store/export.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { ReportStore } from '../../src/store/report-store.ts';
import type { Report } from '../../src/model/report.ts';
import { readCsv } from './support/csv-reader.ts';
import { makeReport } from './support/report-factory.ts';

async function exported(store: ReportStore, format: 'json' | 'ndjson' | 'csv'): Promise<{ text: string; count: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const count = await exportReports(store, format, out);
  return { text: Buffer.concat(chunks).toString('utf8'), count };
}

describe('export (embedded store)', () => {
  let store: ReportStore;
  let reports: Report[];

  beforeAll(async () => {
    store = await openStore({ inMemory: true, databaseUrl: '' });
    reports = [makeReport({ seed: 'export-a', measures: 3, goals: 2 }), makeReport({ seed: 'export-b', measures: 2, goals: 0 }), makeReport({ seed: 'export-c', measures: 0 })];
    for (const r of reports) await store.upsertReport(r);
  });
  afterAll(async () => {
    await store.close();
  });

  const byId = () => [...reports].sort((a, b) => (a.id < b.id ? -1 : 1));

  test('json is one array of every report, in id order', async () => {
    const { text, count } = await exported(store, 'json');
    expect(count).toBe(3);
    expect(JSON.parse(text)).toEqual(byId());
  });

  test('ndjson is one report per line', async () => {
    const { text } = await exported(store, 'ndjson');
    const lines = text.split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((l) => JSON.parse(l) as unknown)).toEqual(byId());
  });

  test('csv has one RFC 4180 row per measure, with document and goal columns', async () => {
    const { text } = await exported(store, 'csv');
    const [header, ...rows] = readCsv(text);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(5);
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    const a = reports[0]!;
    const first = rows.find((r) => r[col('document_id')] === a.id && r[col('measure_id')] === 'm2')!;
    expect(first[col('filename')]).toBe(a.source.filename);
    expect(first[col('goal_id')]).toBe('g2');
    expect(first[col('goal_title')]).toBe(a.goals[1]!.title);
    // Quotes, commas and line breaks survive the round trip verbatim.
    expect(first[col('measure_text')]).toBe(a.measures[1]!.text);
    expect(first[col('responsible')]).toBe('Ministry of Finance\nAgency 2');
    expect(first[col('status')]).toBe('in_progress');
    expect(first[col('status_raw')]).toBe('Аткарылууда');
    expect(first[col('quantities')]).toBe('2078968 сом');
    expect(first[col('indicators')]).toBe('indicator 2; baseline: 10; target: 20');
    const noGoal = rows.find((r) => r[col('document_id')] === reports[1]!.id)!;
    expect(noGoal[col('goal_id')]).toBe('');
    expect(rows.some((r) => r[col('document_id')] === reports[2]!.id)).toBe(false);
  });

  test('csvField quotes only what RFC 4180 requires', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(0)).toBe('0');
  });

  test('waits for a slow consumer instead of buffering everything', async () => {
    let writes = 0;
    const slow = new Writable({
      highWaterMark: 16,
      write(_chunk, _encoding, callback) {
        writes += 1;
        setTimeout(callback, 1);
      },
    });
    expect(await exportReports(store, 'ndjson', slow)).toBe(3);
    expect(writes).toBe(3);
  });

  test('an empty store exports an empty array and a header-only CSV', async () => {
    const empty = await openStore({ inMemory: true, databaseUrl: '' });
    try {
      expect(JSON.parse((await exported(empty, 'json')).text)).toEqual([]);
      expect(readCsv((await exported(empty, 'csv')).text)).toEqual([[...CSV_COLUMNS]]);
      expect((await exported(empty, 'ndjson')).text).toBe('');
    } finally {
      await empty.close();
    }
  });
});

describe('reportmill export (runExportCommand)', () => {
  test('exports the embedded store of REPORTMILL_HOME; bad formats are usage errors', async () => {
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { runExportCommand } = await import('../../src/store/cli-export.ts');
    const home = await mkdtemp(join(tmpdir(), 'reportmill-export-'));
    try {
      const store = await openStore({ home, databaseUrl: '' });
      await store.upsertReport(makeReport({ seed: 'cli-export', measures: 2 }));
      await store.close();
      const out = new PassThrough();
      const err = new PassThrough();
      expect(await runExportCommand(['--format', 'csv'], { home, databaseUrl: '', stdout: out, stderr: err })).toBe(0);
      expect(readCsv(String(out.read()))).toHaveLength(3);
      expect(String(err.read())).toBe('exported 1 report(s)\n');
      expect(await runExportCommand(['--format', 'xml'], { home, databaseUrl: '', stdout: out, stderr: new PassThrough() })).toBe(2);
      expect(await runExportCommand(['--bogus'], { home, databaseUrl: '', stdout: out, stderr: new PassThrough() })).toBe(2);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
