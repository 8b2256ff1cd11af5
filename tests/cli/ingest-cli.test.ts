import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IngestSummary } from '../../src/cli/ingest-summary.ts';
import { EXTRACTOR_VERSION } from '../../src/extract/version.ts';
import { Report } from '../../src/model/report.ts';
import { hugeMarkdownTable, loopingPdf } from '../../bench/scale/corpus.ts';

const bin = join(import.meta.dirname, '../../bin/reportmill.mjs');
const golden = join(import.meta.dirname, '../../fixtures/golden');
const work = mkdtempSync(join(tmpdir(), 'reportmill-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Every run gets its own embedded store, so tests never share (or lock) a database.
function run(args: string[], stdin?: string, home = join(work, 'home-default')): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, REPORTMILL_HOME: home, DATABASE_URL: '' };
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bin, ...args], { maxBuffer: 64 * 1024 * 1024, env }, (error, stdout, stderr) => {
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
    const { code, stderr } = await run(['ingest', inbox, join(work, 'missing.docx'), '--out', out, '--no-store']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/\[6\/6\]/);
    const summary = IngestSummary.parse(JSON.parse(readFileSync(join(out, 'ingest-summary.json'), 'utf8')));
    expect(summary.extractorVersion).toBe(EXTRACTOR_VERSION); // the build stamps what the sources compute
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
    const first = await run(['ingest', join(inbox, 'mn.txt'), '--out', out, '--no-store']);
    expect(first.code).toBe(0);
    const second = await run(['ingest', join(inbox, 'mn.txt'), '--out', out, '--no-store']);
    expect(second.code).toBe(0);
    const summary = IngestSummary.parse(JSON.parse(readFileSync(join(out, 'ingest-summary.json'), 'utf8')));
    expect(summary.inputs[0]).toMatchObject({ status: 'ok', resumed: true, measures: 14 });
  });

  it('keeps originals and reports in the embedded store; a re-import stores nothing twice; export reads them back', async () => {
    const home = join(work, 'home-store');
    const first = await run(['ingest', join(inbox, 'mn.txt'), join(inbox, 'nested/ky.md'), join(inbox, 'empty.pdf')], undefined, home);
    expect(first.code).toBe(1);
    const again = await run(['ingest', join(inbox, 'mn.txt'), join(inbox, 'nested/ky.md')], undefined, home);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/done: 2 ok/);
    const blobs = readdirSync(join(home, 'blobs'));
    expect(blobs).toHaveLength(2);
    const ndjson = await run(['export', '--format', 'ndjson'], undefined, home);
    expect(ndjson.code).toBe(0);
    const reports = ndjson.stdout.trim().split('\n').map((line) => Report.parse(JSON.parse(line)));
    expect(reports.map((r) => r.measures.length).sort((a, b) => a - b)).toEqual([14, 28]);
    expect(blobs.sort()).toEqual(reports.map((r) => r.id).sort());
    const csv = await run(['export', '--format', 'csv'], undefined, home);
    expect(csv.stdout.trim().split('\n')[0]).toMatch(/^document_id,filename,/);
  }, 240_000); // four CLI runs, each opening the embedded database: a hang guard, not a speed target

  it('gives every bad file its code in a mixed batch, and the good files still go through', async () => {
    const batch = join(work, 'bad-batch');
    mkdirSync(batch, { recursive: true });
    const fixtures = join(import.meta.dirname, '../../fixtures');
    for (const name of ['zip-bomb.docx', 'xxe-attempt.docx', 'ole2-binary.doc', 'corrupt-zip.docx', 'encrypted.docx']) {
      copyFileSync(join(fixtures, 'docx', name), join(batch, name));
    }
    copyFileSync(join(fixtures, 'pdf/encrypted-aes256.pdf'), join(batch, 'encrypted.pdf'));
    // A PDF under a misleading name is still read as a PDF; a truncated one is refused or recovered, never fatal.
    const pdf = readFileSync(join(golden, 'mn-ndg-inspector-2024/input.pdf'));
    writeFileSync(join(batch, 'report.docx'), pdf);
    writeFileSync(join(batch, 'cut.pdf'), pdf.subarray(0, 2000));
    copyFileSync(join(golden, 'mn-ndg-inspector-2024/input.txt'), join(batch, 'good.txt'));
    const out = join(work, 'bad-out');
    const { code } = await run(['ingest', batch, '--out', out, '--no-store', '--threads', '2']);
    expect(code).toBe(1);
    const summary = IngestSummary.parse(JSON.parse(readFileSync(join(out, 'ingest-summary.json'), 'utf8')));
    const byName = Object.fromEntries(summary.inputs.map((e) => [e.path.split('/').pop(), e]));
    expect(byName['zip-bomb.docx']).toMatchObject({ status: 'failed', error: { code: 'docx/zip-bomb' } });
    expect(byName['xxe-attempt.docx']).toMatchObject({ status: 'failed', error: { code: 'docx/xxe-rejected' } });
    expect(byName['ole2-binary.doc']).toMatchObject({ status: 'failed', error: { code: 'docx/unsupported-doc' } });
    expect(byName['corrupt-zip.docx']).toMatchObject({ status: 'failed', error: { code: 'docx/corrupt' } });
    expect(byName['encrypted.docx']).toMatchObject({ status: 'failed', error: { code: 'docx/encrypted' } });
    expect(byName['encrypted.pdf']).toMatchObject({ status: 'failed', error: { code: 'pdf/encrypted' } });
    expect(byName['cut.pdf']?.error?.code ?? 'recovered').toMatch(/^(pdf\/corrupt|recovered)$/);
    expect(byName['report.docx']).toMatchObject({ status: 'ok', measures: 14 });
    expect(byName['good.txt']).toMatchObject({ status: 'ok', measures: 14 });
    for (const entry of summary.inputs.filter((e) => e.status === 'failed')) expect(entry.error?.message.length).toBeGreaterThan(10);
  });

  it('contains every document: a heap overflow, a hang and a 200,000-row table each fail with their code, the rest go through', async () => {
    const hostile = join(work, 'hostile');
    mkdirSync(hostile, { recursive: true });
    writeFileSync(join(hostile, 'huge-table.md'), hugeMarkdownTable(200_000)); // ≈ 22 MB: refused by the row limit
    writeFileSync(join(hostile, 'big-table.md'), hugeMarkdownTable(6000)); // under the row limit, over a 64 MB heap
    writeFileSync(join(hostile, 'loop.pdf'), loopingPdf()); // never finishes drawing
    writeFileSync(join(hostile, 'good.md'), '# Report 2024\n\n| Indicator | Target | Actual |\n|---|---|---|\n| Schools built | 10 | 12 |\n');
    const out = join(work, 'hostile-out');
    const { code, stderr } = await run(['ingest', hostile, '--out', out, '--no-store', '--threads', '0', '--max-heap', '64', '--timeout', '20']);
    expect(code, stderr).toBe(1);
    const summary = IngestSummary.parse(JSON.parse(readFileSync(join(out, 'ingest-summary.json'), 'utf8')));
    expect(summary.counts).toEqual({ ok: 1, failed: 3, skipped: 0 });
    const byName = Object.fromEntries(summary.inputs.map((e) => [e.path.split('/').pop(), e]));
    expect(byName['huge-table.md']).toMatchObject({ status: 'failed', error: { code: 'input/too-many-rows' } });
    expect(byName['big-table.md']).toMatchObject({ status: 'failed', error: { code: 'input/too-complex' } });
    expect(byName['loop.pdf']?.error?.code).toMatch(/^input\/(timeout|too-complex)$/);
    expect(byName['good.md'], JSON.stringify(byName['good.md'])).toMatchObject({ status: 'ok' });
  }, 120_000);

  it('fails a file whose name claims a format we read but whose content is none (exit 1); one that claims nothing is skipped', async () => {
    const batch = join(work, 'claims');
    mkdirSync(batch, { recursive: true });
    const noise = (): Buffer => Buffer.concat([Buffer.from([0x00, 0x01, 0x02]), randomBytes(4096)]); // never a PDF, ZIP or OLE2 header
    for (const name of ['something.pdf', 'plan.docx', 'notes.md', 'page.htm', 'export.txt']) writeFileSync(join(batch, name), noise());
    for (const name of ['data.xml', 'data.json', 'photo.png']) writeFileSync(join(batch, name), noise());
    copyFileSync(join(golden, 'mn-ndg-inspector-2024/input.txt'), join(batch, 'good.txt'));
    const out = join(work, 'claims-out');
    const { code, stderr } = await run(['ingest', batch, '--out', out, '--no-store']);
    expect(code).toBe(1);
    const summary = IngestSummary.parse(JSON.parse(readFileSync(join(out, 'ingest-summary.json'), 'utf8')));
    const byName = Object.fromEntries(summary.inputs.map((e) => [e.path.split('/').pop(), e]));
    for (const [name, claim] of [['something.pdf', 'PDF'], ['plan.docx', 'a Word document'], ['notes.md', 'Markdown'], ['page.htm', 'HTML'], ['export.txt', 'text']]) {
      expect(byName[name as string]).toMatchObject({ status: 'failed', error: { code: 'input/format-mismatch' } });
      expect(byName[name as string]?.error?.message).toContain(`the name says ${claim}`);
    }
    for (const name of ['data.xml', 'data.json', 'photo.png']) expect(byName[name]).toMatchObject({ status: 'skipped', error: { code: 'input/unsupported-format' } });
    expect(byName['good.txt']).toMatchObject({ status: 'ok' });
    expect(stderr).toMatch(/failed\s+\S*something\.pdf input\/format-mismatch/);

    // Only files that claim nothing: skipped, and the run still succeeds.
    const { code: skippedOnly } = await run(['ingest', join(batch, 'data.xml'), join(batch, 'photo.png'), '--no-store']);
    expect(skippedOnly).toBe(0);
  });

  it('on Ctrl-C finishes the documents in hand, accounts for every input in the summary, exits 130, and a re-run resumes', async () => {
    const many = join(work, 'many');
    mkdirSync(many, { recursive: true });
    const peers = join(import.meta.dirname, '../../../shared/peers/icdar2013-eu');
    const pdfs = readdirSync(peers).filter((f) => f.endsWith('.pdf'));
    for (const f of pdfs) copyFileSync(join(peers, f), join(many, f));
    const out = join(work, 'many-out');
    const args = ['ingest', many, '--out', out, '--no-store', '--threads', '0', '--concurrency', '1'];
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, REPORTMILL_HOME: join(work, 'home-many') } });
      let interrupted = false;
      child.stderr.on('data', (chunk: Buffer) => {
        if (!interrupted && /\[1\/\d+\]/.test(chunk.toString())) {
          interrupted = true;
          child.kill('SIGINT');
        }
      });
      child.on('exit', (exitCode) => resolve(exitCode));
    });
    expect(code).toBe(130);
    const summary = IngestSummary.parse(JSON.parse(readFileSync(join(out, 'ingest-summary.json'), 'utf8')));
    expect(summary.inputs).toHaveLength(pdfs.length);
    const interrupted = summary.inputs.filter((e) => e.error?.code === 'input/interrupted');
    expect(interrupted.length).toBeGreaterThan(0);
    expect(summary.inputs.filter((e) => e.status === 'ok').length + interrupted.length).toBe(pdfs.length);
    const again = await run(['ingest', many, '--out', out, '--no-store', '--threads', '0']);
    expect(again.code).toBe(0);
    const resumed = IngestSummary.parse(JSON.parse(readFileSync(join(out, 'ingest-summary.json'), 'utf8')));
    expect(resumed.inputs.filter((e) => e.resumed).length).toBe(pdfs.length - interrupted.length);
    expect(resumed.counts.ok).toBe(pdfs.length);
  }, 180_000); // several CLI runs, each starting its parse process (and a new embedded store)

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
