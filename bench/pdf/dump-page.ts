/**
 * Prints what the table finder sees of one PDF page: ruling segments, figure boxes and text runs
 * in top-down page coordinates.
 * usage: tsx bench/pdf/dump-page.ts FILE.pdf [PAGE] [--runs] [--segments] [--rect]
 */
import { readFileSync } from 'node:fs';
import { openPdfRepairing } from '../../src/parse/pdf/pdf-open.ts';
import { readPage, type PageStats } from '../../src/parse/pdf/page-reader.ts';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const pageNo = Number(args.filter((a) => !a.startsWith('--'))[1] ?? 1);
if (!file) {
  console.error('usage: dump-page.ts FILE.pdf [PAGE] [--runs] [--segments]');
  process.exit(2);
}
const opened = await openPdfRepairing(new Uint8Array(readFileSync(file)));
if (!opened.ok) throw new Error(opened.message);
const stats: PageStats = { mappedPrivateUse: 0, unknownPrivateUse: 0, fonts: new Map(), textByFont: new Map(), mappedFonts: new Set() };
const page = await readPage(await opened.doc.getPage(pageNo), stats);
const f = (n: number): string => n.toFixed(1);
console.log(`page ${page.number} ${f(page.width)} x ${f(page.height)}: ${page.runs.length} runs, ${page.segments.length} segments, ${page.figures.length} figures`);
if (args.includes('--segments') || !args.includes('--runs')) {
  for (const s of page.segments) console.log(`seg ${s.orientation} at=${f(s.at)} ${f(s.from)}..${f(s.to)}`);
  for (const b of page.figures) console.log(`fig x ${f(b.x0)}..${f(b.x1)} y ${f(b.top)}..${f(b.bottom)}`);
}
if (args.includes('--runs') || !args.includes('--segments')) {
  for (const r of page.runs) {
    console.log(`run x ${f(r.x0)}..${f(r.x1)} y ${f(r.top)}..${f(r.bottom)} b=${f(r.baseline)} fs=${f(r.fontSize)}${r.rotated ? ' rot' : ''}${r.bold ? ' bold' : ''} ${JSON.stringify(r.text)}`);
  }
}
await opened.doc.destroy();
