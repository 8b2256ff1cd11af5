/**
 * Export memory: peak RSS of `reportmill export` (the real binary, a fresh process per run) over
 * an embedded store of 1,000 and then 10,000 reports. Streaming means the peak should not grow
 * with the number of reports. The reports are synthetic (tests/store/support/report-factory.ts,
 * 14 measures in 3 goals, like the Mongolian golden report) stored through the store API; with
 * --real, the three golden reports ingested once and stored again under new ids (real sizes, with
 * their full tables: storing them is ~20× slower).
 *
 *   npx tsx bench/export/run.ts [--sizes 1000,10000] [--formats ndjson,json,csv,datapackage,iati] [--real]
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingestDocument } from '../../pipelines/ingest/index.ts';
import type { Report } from '../../src/model/report.ts';
import { openStore } from '../../src/store/open-store.ts';
import { makeReport } from '../../tests/store/support/report-factory.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    formats: { type: 'string', default: 'ndjson,json,csv,datapackage,iati' },
    real: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes!.split(',').map(Number).sort((a, b) => a - b);
const formats = values.formats!.split(',');
const repo = join(import.meta.dirname, '../..');

async function baseReports(): Promise<Report[]> {
  const out: Report[] = [];
  for (const name of ['ky-socfund-acp-2024q1', 'mn-ndg-inspector-2024', 'ru-plan-cp1251']) {
    const outcome = await ingestDocument({ bytes: new Uint8Array(readFileSync(join(repo, 'fixtures/golden', name, 'input.html'))), filename: `${name}.html` });
    if (outcome.status !== 'ok') throw new Error(`${name}: ${outcome.status}`);
    out.push(outcome.report);
  }
  return out;
}

function exportOnce(home: string, format: string): { maxRssMb: number; seconds: number; bytes: string } {
  const outDir = join(home, `out-${format}`);
  const args = ['--import', join(import.meta.dirname, 'rss-on-exit.mjs'), join(repo, 'bin/reportmill.mjs'), 'export', '--format', format];
  if (format === 'datapackage' || format === 'iati') args.push('--out', outDir);
  const started = performance.now();
  const result = spawnSync(process.execPath, args, {
    env: { ...process.env, REPORTMILL_HOME: home, DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`export --format ${format} exited ${result.status}: ${result.stderr}`);
  const lines = result.stderr.trim().split('\n');
  const { maxRssKb } = JSON.parse(lines.at(-1)!) as { maxRssKb: number };
  return { maxRssMb: Math.round(maxRssKb / 1024), seconds: Math.round(seconds * 10) / 10, bytes: lines.find((l) => l.startsWith('exported')) ?? '' };
}

const home = await mkdtemp(join(tmpdir(), 'reportmill-bench-export-'));
try {
  const bases = values.real ? await baseReports() : [makeReport({ seed: 'bench-export', measures: 14, goals: 3 })];
  process.stdout.write(`base reports: ${bases.map((r) => `${r.measures.length} measures, ${JSON.stringify(r).length} bytes`).join('; ')}\n`);
  let stored = 0;
  const rows: string[] = [];
  for (const size of sizes) {
    const store = await openStore({ home, databaseUrl: '' });
    const started = performance.now();
    for (; stored < size; stored += 1) {
      const base = bases[stored % bases.length]!;
      const id = createHash('sha256').update(`bench-export-${stored}`).digest('hex');
      await store.upsertReport({ ...base, id, source: { ...base.source, filename: `bench-${stored}.html` } });
    }
    await store.close();
    process.stdout.write(`stored ${size} reports (${Math.round((performance.now() - started) / 1000)} s for the new ones)\n`);
    for (const format of formats) {
      const run = exportOnce(home, format);
      rows.push(`| ${size} | ${format} | ${run.maxRssMb} | ${run.seconds} |`);
      process.stdout.write(`${size} ${format}: peak RSS ${run.maxRssMb} MB, ${run.seconds} s — ${run.bytes}\n`);
    }
  }
  process.stdout.write(`\n| stored reports | format | peak RSS (MB) | wall time (s) |\n|---:|---|---:|---:|\n${rows.join('\n')}\n`);
} finally {
  await rm(home, { recursive: true, force: true });
}
