import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runExportCommand } from '../../src/store/cli-export.ts';
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

describe('reportmill export: filters and the open-data formats', () => {
  const { mkdtemp, readFile, readdir, rm } = fs;
  let home: string;
  let store: ReportStore;
  let reports: Report[];

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'reportmill-export-'));
    // One store for every run (opening the embedded store on disk is tested above).
    store = await openStore({ inMemory: true, databaseUrl: '' });
    reports = [
      makeReport({ seed: 'cli-kir', language: 'kir', measures: 3, statuses: ['done', 'not_done', 'in_progress'] }),
      makeReport({ seed: 'cli-mon', language: 'mon', year: 2023, quarter: 2, measures: 2, measureText: 'Build {n} schools' }),
    ];
    for (const r of reports) await store.upsertReport(r);
  });
  afterAll(async () => {
    await store.close();
    await rm(home, { recursive: true, force: true });
  });

  async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out = new PassThrough();
    const err = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const code = await runExportCommand(args, { store, stdout: out, stderr: err });
    return { code, out: Buffer.concat(chunks).toString('utf8'), err: String(err.read() ?? '') };
  }

  test('json and ndjson carry the whole reports of the matching documents', async () => {
    const mon = await run(['--format', 'ndjson', '--language', 'mon']);
    expect(mon.code).toBe(0);
    expect(mon.out.trim().split('\n').map((l) => JSON.parse(l) as Report)).toEqual([reports[1]]);
    const byStatus = await run(['--format', 'json', '--status', 'not_done']);
    expect(JSON.parse(byStatus.out)).toEqual([reports[0]]);
    expect(byStatus.err).toBe('exported 1 report(s)\n');
    expect(JSON.parse((await run(['--period', '2023-Q2', '--q', 'SCHOOLS'])).out)).toEqual([reports[1]]);
    expect(JSON.parse((await run(['--period', '2023-Q1'])).out)).toEqual([]);
  });

  test('csv rows are the matching measures', async () => {
    const { out } = await run(['--format', 'csv', '--status', 'not_done']);
    const [header, ...rows] = readCsv(out);
    expect(rows.map((r) => r[header!.indexOf('measure_id')])).toEqual(['m2']);
  });

  test('datapackage and iati write into --out; the files are the ones the writers are tested on', async () => {
    const dir = join(home, 'out');
    const dp = await run(['--format', 'datapackage', '--out', dir, '--source-format', 'docx']);
    expect(dp.code).toBe(0);
    expect(dp.err).toMatch(/^exported 2 report\(s\) → .*datapackage\.json \(2 documents, 4 goals, 5 measures, 5 indicators, 5 quantities, 2 findings\)\n$/);
    const iati = await run(['--format', 'iati', '--out', dir, '--iati-org-ref', 'KG-TEST', '--language', 'kir']);
    expect(iati.code).toBe(0);
    expect(iati.err).toMatch(/^exported 1 IATI activity → .*iati-activities\.xml\n$/);
    expect((await readdir(dir)).sort()).toEqual(
      ['datapackage.json', 'documents.csv', 'findings.csv', 'goals.csv', 'iati-activities.xml', 'indicators.csv', 'measures.csv', 'quantities.csv'],
    );
    const xml = await readFile(join(dir, 'iati-activities.xml'), 'utf8');
    expect(xml).toContain(`<iati-identifier>KG-TEST-${reports[0]!.id}</iati-identifier>`);
    expect(xml.match(/<iati-activity /g)).toHaveLength(1);
    // Without --out, IATI goes to stdout.
    expect((await run(['--format', 'iati', '--language', 'mon'])).out).toMatch(/^<\?xml[\s\S]*<\/iati-activities>\n$/);
  });

  test('bad flags and filters are usage errors (exit 2) that name the flag', async () => {
    for (const [args, message] of [
      [['--format', 'xml'], /--format must be one of/],
      [['--format', 'datapackage'], /needs --out DIR/],
      [['--format', 'csv', '--out', 'x'], /writes to stdout/],
      [['--status', 'finished'], /--status:/],
      [['--period', 'last year'], /--period:/],
      [['--source-format', 'doc'], /--source-format:/],
      [['--document', 'abc'], /--document:/],
      [['--bogus'], /bogus/],
    ] as const) {
      const result = await run([...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err).toMatch(message);
      expect(result.out).toBe('');
    }
  });
});

describe('exports stream', () => {
  test('no query reads more than one batch of reports, whatever the format and the filter', async () => {
    const { createPgliteClient } = await import('../../src/store/pglite-client.ts');
    const { SqlReportStore } = await import('../../src/store/sql-report-store.ts');
    const client = await createPgliteClient(undefined);
    let largest = 0;
    let reads = 0;
    const counting = {
      ...client,
      async query<Row extends object>(text: string, params?: readonly unknown[]): Promise<Row[]> {
        const rows = await client.query<Row>(text, params);
        if (/\breport\b/.test(text) && /^\s*SELECT/i.test(text)) {
          reads += 1;
          largest = Math.max(largest, rows.length);
        }
        return rows;
      },
    };
    const store = new SqlReportStore(counting);
    try {
      await store.migrate();
      for (let i = 0; i < 25; i += 1) await store.upsertReport(makeReport({ seed: `stream-${i}`, measures: 2, statuses: ['done', 'not_done'] }));
      const sink = new Writable({ write: (_chunk, _encoding, callback) => callback() });
      for (const filter of [{}, { status: 'not_done' as const }]) {
        reads = 0;
        expect(await exportReports(store, 'ndjson', sink, filter)).toBe(25);
        // PGlite's default batch is 20 reports: 25 reports are two reads of at most 20.
        expect(reads).toBe(2);
        expect(largest).toBe(20);
      }
    } finally {
      await store.close();
    }
  });
});
