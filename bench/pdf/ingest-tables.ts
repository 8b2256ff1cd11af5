/**
 * Until the lead's `reportmill ingest` lands: parses every PDF of a folder with reportmill's PDF
 * parser and writes `OUT/<name>.json` with `source.filename` and `tables[]` in the report@1 cell
 * shape, for `icdar2013-score.mjs`.
 * usage: tsx bench/pdf/ingest-tables.ts <pdf dir> <out dir> [--no-stitch]
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePdf } from '../../src/parse/pdf/index.ts';
import { DEFAULT_LIMITS } from '../../src/sniff/limits.ts';
import { stitchTables } from './stitch-tables.ts';

const [dir, outDir] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!dir || !outDir) {
  console.error('usage: ingest-tables.ts <pdf dir> <out dir> [--no-stitch]');
  process.exit(2);
}
const stitch = !process.argv.includes('--no-stitch');
mkdirSync(outDir, { recursive: true });
for (const name of readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.pdf')).sort()) {
  const bytes = new Uint8Array(readFileSync(join(dir, name)));
  const res = await parsePdf({ bytes, filename: name, limits: DEFAULT_LIMITS });
  if (!res.ok) {
    console.error(`${name}: ${res.error.code} ${res.error.message}`);
    continue;
  }
  const tables = stitchTables(res.doc.blocks, stitch).map((t, i) => ({ id: `t${i}`, pages: t.pages, cells: t.cells }));
  writeFileSync(join(outDir, name.replace(/\.pdf$/i, '.json')), JSON.stringify({ source: { filename: name, format: 'pdf' }, tables }, null, 1));
  console.error(`${name}: ${tables.length} tables`);
}
