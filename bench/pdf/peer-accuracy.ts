/**
 * Table accuracy of the PDF reader on two public sets it was never tuned on, scored by each set's
 * own scorer: the camelot test-suite tables (`../shared/peers/camelot`, `score.mjs`) and the EU
 * half of ICDAR 2013 (`../shared/peers/icdar2013-eu`, `../shared/tools/icdar2013-score.mjs`).
 * Each PDF is parsed and its tables normalized as `reportmill ingest` does (without language
 * detection and extraction, which do not touch the table grid), written as report@1-shaped JSON,
 * and handed to the scorer. `tests/pdf/peer-accuracy.test.ts` asserts the issue-10 thresholds.
 * usage: tsx bench/pdf/peer-accuracy.ts [--details]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocTree } from '../../src/model/doc-tree.ts';
import { parsePdf } from '../../src/parse/pdf/index.ts';
import { DEFAULT_LIMITS } from '../../src/sniff/limits.ts';
import { normalizeTables } from '../../src/tables/index.ts';

const shared = join(import.meta.dirname, '../../../shared');
export const CAMELOT = join(shared, 'peers/camelot');
export const ICDAR_EU = join(shared, 'peers/icdar2013-eu');
const ICDAR_SCORER = join(shared, 'tools/icdar2013-score.mjs');

/**
 * Writes `OUT/<name>.json` (source.filename + tables[]) for every PDF of `dir`; returns the count.
 * `stitch: false` normalizes each table block on its own (no joins across pages).
 */
export async function writeTables(dir: string, outDir: string, { stitch = true, log = false } = {}): Promise<number> {
  mkdirSync(outDir, { recursive: true });
  const names = readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.pdf')).sort();
  for (const name of names) {
    const bytes = new Uint8Array(readFileSync(join(dir, name)));
    const res = await parsePdf({ bytes, filename: name, limits: DEFAULT_LIMITS });
    if (!res.ok && log) console.error(`${name}: ${res.error.code} ${res.error.message}`);
    const doc = res.ok ? (stitch ? res.doc : unstitched(res.doc)) : undefined;
    const tables = doc ? normalizeTables(doc, { language: () => 'und' }).tables.map((t) => t.output) : [];
    writeFileSync(join(outDir, name.replace(/\.pdf$/i, '.json')), JSON.stringify({ source: { filename: name, format: 'pdf' }, tables }, null, 1));
    if (log && res.ok) console.error(`${name}: ${tables.length} tables`);
  }
  return names.length;
}

/** The same tree with every table block marked as starting a table of its own. */
const unstitched = (doc: DocTree): DocTree => ({
  ...doc,
  blocks: doc.blocks.map((b) => (b.kind === 'table' ? { ...b, continuesPrevious: false } : b)),
});

export interface CamelotScore {
  cases: number;
  found: number;
  cellAccuracy: number;
  adjacencyF1: number;
  /** The scorer's per-case lines. */
  lines: string[];
}

export interface IcdarScore {
  f1: number;
  tablesExpected: number;
  tablesCorrect: number;
  lines: string[];
}

function num(text: string, re: RegExp): number {
  const m = re.exec(text);
  if (!m?.[1]) throw new Error(`scorer output has no ${re.source}:\n${text}`);
  return Number(m[1]);
}

export async function camelotScore(details = false): Promise<CamelotScore> {
  const out = mkdtempSync(join(tmpdir(), 'rm-camelot-'));
  try {
    await writeTables(join(CAMELOT, 'pdfs'), out);
    const text = execFileSync(process.execPath, [join(CAMELOT, 'score.mjs'), join(CAMELOT, 'expected'), out, ...(details ? ['--details'] : [])], { encoding: 'utf8' });
    const [, cases = '0', found = '0'] = /camelot cases=(\d+) found=(\d+)\//.exec(text) ?? [];
    return {
      cases: Number(cases),
      found: Number(found),
      cellAccuracy: num(text, /camelot cases=.* cell_acc=([\d.]+)/),
      adjacencyF1: num(text, /camelot cases=.* adjacency_F1=([\d.]+)/),
      lines: text.trimEnd().split('\n'),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export async function icdarScore(): Promise<IcdarScore> {
  const out = mkdtempSync(join(tmpdir(), 'rm-icdar-'));
  try {
    await writeTables(ICDAR_EU, out);
    const text = execFileSync(process.execPath, [ICDAR_SCORER, ICDAR_EU, out, '--verbose'], { encoding: 'utf8' });
    return {
      f1: num(text, /icdar2013 F1=([\d.]+)/),
      tablesExpected: num(text, /detection: expected=(\d+)/),
      tablesCorrect: num(text, /detection: expected=\d+ correct=(\d+)/),
      lines: text.trimEnd().split('\n'),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const t0 = performance.now();
  const cam = await camelotScore(process.argv.includes('--details'));
  const t1 = performance.now();
  const icd = await icdarScore();
  const t2 = performance.now();
  console.log(cam.lines.join('\n'));
  console.log(icd.lines.slice(-3).join('\n'));
  console.log(`(camelot ${((t1 - t0) / 1000).toFixed(1)} s, ICDAR ${((t2 - t1) / 1000).toFixed(1)} s)`);
}
