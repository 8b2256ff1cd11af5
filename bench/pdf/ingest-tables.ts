/**
 * Parses every PDF of a folder with reportmill's PDF parser, normalizes its tables with
 * `src/tables/` and writes `OUT/<name>.json` with `source.filename` and `tables[]` (report@1) for
 * `icdar2013-score.mjs` — the table part of `reportmill ingest --out` without language detection
 * and extraction. `--no-stitch` normalizes each table block on its own (no joins across pages), to
 * see what stitching is worth.
 * usage: tsx bench/pdf/ingest-tables.ts <pdf dir> <out dir> [--no-stitch]
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocTree } from '../../src/model/doc-tree.ts';
import { parsePdf } from '../../src/parse/pdf/index.ts';
import { DEFAULT_LIMITS } from '../../src/sniff/limits.ts';
import { normalizeTables } from '../../src/tables/index.ts';

const [dir, outDir] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!dir || !outDir) {
  console.error('usage: ingest-tables.ts <pdf dir> <out dir> [--no-stitch]');
  process.exit(2);
}
const stitch = !process.argv.includes('--no-stitch');

/** The same tree with every table block marked as starting a table of its own. */
const unstitched = (doc: DocTree): DocTree => ({
  ...doc,
  blocks: doc.blocks.map((b) => (b.kind === 'table' ? { ...b, continuesPrevious: false } : b)),
});

mkdirSync(outDir, { recursive: true });
for (const name of readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.pdf')).sort()) {
  const bytes = new Uint8Array(readFileSync(join(dir, name)));
  const res = await parsePdf({ bytes, filename: name, limits: DEFAULT_LIMITS });
  if (!res.ok) {
    console.error(`${name}: ${res.error.code} ${res.error.message}`);
    continue;
  }
  const doc = stitch ? res.doc : unstitched(res.doc);
  const tables = normalizeTables(doc, { language: () => 'und' }).tables.map((t) => t.output);
  writeFileSync(join(outDir, name.replace(/\.pdf$/i, '.json')), JSON.stringify({ source: { filename: name, format: 'pdf' }, tables }, null, 1));
  console.error(`${name}: ${tables.length} tables`);
}
