import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import { makeReport } from './support/report-factory.ts';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'reportmill-home-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

test('the embedded store keeps its data on disk under REPORTMILL_HOME/db across openings', async () => {
  const report = makeReport({ seed: 'persist' });
  const first = await openStore({ home, databaseUrl: '' });
  expect(first.kind).toBe('pglite');
  await first.upsertReport(report);
  await first.close();
  const second = await openStore({ home, databaseUrl: '' });
  try {
    expect(await second.getReport(report.id)).toEqual(report);
  } finally {
    await second.close();
  }
});

test('only one opening of an embedded database at a time; a dead holder’s lock is taken over', async () => {
  const store = await openStore({ home, databaseUrl: '' });
  try {
    await expect(openStore({ home, databaseUrl: '' })).rejects.toMatchObject({ code: 'store/embedded-locked' });
  } finally {
    await store.close();
  }
  // Another live process holds it (the test runner's parent stands in for a running worker).
  await writeFile(join(home, 'db.lock'), String(process.ppid));
  await expect(openStore({ home, databaseUrl: '' })).rejects.toMatchObject({ code: 'store/embedded-locked' });
  // A process that has exited (SIGKILL leaves its lock behind).
  const deadPid = Number(spawnSync('sh', ['-c', 'echo $$'], { encoding: 'utf8' }).stdout.trim());
  await writeFile(join(home, 'db.lock'), String(deadPid));
  const reopened = await openStore({ home, databaseUrl: '' });
  await reopened.close();
});

test('text, json and jsonb parameters, sent to PGlite as bytes, arrive as the same text', async () => {
  const { createPgliteClient } = await import('../../src/store/pglite-client.ts');
  const client = await createPgliteClient(undefined);
  try {
    const text = 'Иш-чара «№ 1»: 𝔞 ü ң \u00a0 "quoted" \\ end';
    const json = JSON.stringify({ text, n: 1.5, list: [null, true, 'ө'] });
    const [row] = await client.query<{ t: string; bytes: number; j: unknown; k: unknown; same: boolean }>(
      'SELECT $1::text AS t, octet_length($1::text) AS bytes, $2::jsonb AS j, $2::json AS k, $3::jsonb = $2::jsonb AS same',
      [text, json, { text, n: 1.5, list: [null, true, 'ө'] }],
    );
    expect(row).toEqual({ t: text, bytes: Buffer.byteLength(text), j: JSON.parse(json), k: JSON.parse(json), same: true });
    expect(await client.query('SELECT $1::text AS t', [''])).toEqual([{ t: '' }]);
  } finally {
    await client.close();
  }
});
