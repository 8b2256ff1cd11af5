/**
 * Parses every PDF of a folder with reportmill's PDF parser, normalizes its tables with
 * `src/tables/` and writes `OUT/<name>.json` with `source.filename` and `tables[]` (report@1) for
 * `icdar2013-score.mjs` — the table part of `reportmill ingest --out` without language detection
 * and extraction. `--no-stitch` normalizes each table block on its own (no joins across pages), to
 * see what stitching is worth.
 * usage: tsx bench/pdf/ingest-tables.ts <pdf dir> <out dir> [--no-stitch]
 */
import { writeTables } from './peer-accuracy.ts';

const [dir, outDir] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!dir || !outDir) {
  console.error('usage: ingest-tables.ts <pdf dir> <out dir> [--no-stitch]');
  process.exit(2);
}
await writeTables(dir, outDir, { stitch: !process.argv.includes('--no-stitch'), log: true });
