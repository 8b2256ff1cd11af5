import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IngestSummary } from '../../src/cli/ingest-summary.ts';
import { Report } from '../../src/model/report.ts';

const bin = join(import.meta.dirname, '../../bin/reportmill.mjs');
const golden = join(import.meta.dirname, '../../fixtures/golden');
const work = mkdtempSync(join(tmpdir(), 'reportmill-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bin, ...args], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as NodeJS.ErrnoException & { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    if (stdin !== undefined) child.stdin?.end(stdin);
  });
}

describe('reportmill ingest', () => {
  const inbox = join(work, 'inbox');
  mkdirSync(join(inbox, 'nested'), { recursive: true });
  copyFileSync(join(golden, 'mn-ndg-inspector-2024/input.txt'), join(inbox, 'mn.txt'));
  copyFileSync(join(golden, 'ky-socfund-acp-2024q1/input.md'), join(inbox, 'nested/ky.md'));
  copyFileSync(join(golden, 'mn-ndg-inspector-2024/input.txt'), join(inbox, 'nested/mn-copy.txt'));
  writeFileSync(join(inbox, 'empty.pdf'), '');
  writeFileSync(join(inbox, 'script.py'), 'print("not a report")\n');

  it('walks directories, keeps going past bad files, writes one JSON per document and a summary; exit 1', async () => {
    const out = join(work, 'out');
    const { code, stderr } = await run(['ingest', inbox, join(work, 'missing.docx'), '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/\[6\/6\]/);
    const summary = IngestSummary.parse(JSON.parse(readFileSync(join(out, 'ingest-summary.json'), 'utf8')));
    const byName = Object.fromEntries(summary.inputs.map((e) => [e.path.split('/').pop(), e]));
    expect(byName['mn.txt']).toMatchObject({ status: 'ok', measures: 14 });
    expect(byName['ky.md']).toMatchObject({ status: 'ok', measures: 28 });
    expect(byName['mn-copy.txt']).toMatchObject({ status: 'ok', duplicateOf: expect.stringMatching(/mn\.txt$/) });
    expect(byName['empty.pdf']).toMatchObject({ status: 'failed', error: { code: 'input/empty' } });
    expect(byName['script.py']).toMatchObject({ status: 'skipped', error: { code: 'input/unsupported-format' } });
    expect(byName['missing.docx']).toMatchObject({ status: 'failed', error: { code: 'input/not-found' } });
    const reports = readdirSync(out).filter((f) => f !== 'ingest-summary.json');
    expect(reports.sort()).toEqual([byName['mn.txt']!.id, byName['ky.md']!.id].map((id) => `${id}.json`).sort());
    for (const file of reports) Report.parse(JSON.parse(readFileSync(join(out, file), 'utf8')));
  });

  it('resumes: a second run over the same output redoes nothing; exit 0 when nothing failed', async () => {
    const out = join(work, 'resume');
    const first = await run(['ingest', join(inbox, 'mn.txt'), '--out', out]);
    expect(first.code).toBe(0);
    const second = await run(['ingest', join(inbox, 'mn.txt'), '--out', out]);
    expect(second.code).toBe(0);
    const summary = IngestSummary.parse(JSON.parse(readFileSync(join(out, 'ingest-summary.json'), 'utf8')));
    expect(summary.inputs[0]).toMatchObject({ status: 'ok', resumed: true, measures: 14 });
  });

  it('exits 2 on usage errors', async () => {
    expect((await run(['ingest'])).code).toBe(2);
    expect((await run(['ingest', inbox, '--bogus'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
  });
});

describe('reportmill schema', () => {
  it('prints the JSON Schema of reportmill/report@1 generated from the model', async () => {
    const { code, stdout } = await run(['schema']);
    expect(code).toBe(0);
    const schema = JSON.parse(stdout) as { $schema: string; $defs: Record<string, { properties?: Record<string, unknown> }> };
    expect(schema.$schema).toContain('2020-12');
    expect(Object.keys(schema.$defs['Measure']?.properties ?? {})).toEqual(
      expect.arrayContaining(['goalId', 'number', 'text', 'responsible', 'indicators', 'status', 'start', 'end', 'score', 'quantities', 'source']),
    );
  });
});
