import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prng, FONT_FAMILIES } from './layout-variants.ts';

/**
 * Random tables for the PDF property test: words of the project's four languages, random
 * column widths, random row and column spans, written as HTML for Chromium to print. The words
 * come from the golden reports (Kyrgyz, Mongolian, Russian) and a short English list; a table
 * mixes them cell by cell.
 */
const GOLDEN = join(import.meta.dirname, '../../../fixtures/golden');

const ENGLISH = (
  'the implementation of measures plan report annual quarterly performance indicator target baseline actual responsible ' +
  'department ministry regional office social fund pension payment insurance benefits monitoring evaluation results ' +
  'anti-corruption strategy transparency accountability digital services citizens procurement audit budget completed'
).split(' ');

function wordsOf(file: string): string[] {
  const text = readFileSync(join(GOLDEN, file), 'utf8')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ');
  // Words of letters (hyphenated ones too), as a reader would split them; no figures or marks.
  return [...new Set(text.match(/\p{L}+(?:-\p{L}+)*/gu) ?? [])].filter((w) => w.length >= 2 && !/\p{Script=Bengali}/u.test(w));
}

let pools: string[][] | undefined;
function wordPools(): string[][] {
  pools ??= [wordsOf('ky-socfund-acp-2024q1/input.html'), wordsOf('mn-ndg-inspector-2024/input.html'), wordsOf('ru-plan-cp1251/input.html'), ENGLISH];
  return pools;
}

export interface RandomTable {
  seed: number;
  html: string;
  /** Font and size, for the failure message. */
  style: string;
}

export function randomTable(seed: number): RandomTable {
  const r = prng(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const cols = int(2, 5);
  // Small enough for one page: page breaks inside rows are the layout-fuzzing suite's part.
  const rows = int(3, 6);
  const font = pick(FONT_FAMILIES);
  const size = int(16, 22) / 2;
  const anywhere = r() < 0.5;
  const weights = Array.from({ length: cols }, () => 0.5 + r());
  const total = weights.reduce((a, b) => a + b, 0);
  const text = (n: number): string => {
    const pool = pick(wordPools());
    return Array.from({ length: n }, () => pick(pool)).join(' ');
  };
  // Grid occupancy, so spans never overlap.
  const taken = Array.from({ length: rows }, () => Array<boolean>(cols).fill(false));
  const body: string[] = [];
  for (let row = 0; row < rows; row++) {
    const cells: string[] = [];
    for (let col = 0; col < cols; col++) {
      if (taken[row]?.[col]) continue;
      let colSpan = 1;
      let rowSpan = 1;
      if (row > 0 && r() < 0.12 && col + 1 < cols && !taken[row]?.[col + 1]) colSpan = 2;
      else if (row > 0 && r() < 0.12 && row + 1 < rows) rowSpan = 2;
      for (let a = row; a < row + rowSpan; a++) for (let b = col; b < col + colSpan; b++) taken[a]?.splice(b, 1, true);
      const tag = row === 0 ? 'th' : 'td';
      const span = `${colSpan > 1 ? ` colspan="${colSpan}"` : ''}${rowSpan > 1 ? ` rowspan="${rowSpan}"` : ''}`;
      cells.push(`<${tag}${span}>${text(row === 0 ? int(1, 3) : int(1, 9))}</${tag}>`);
    }
    body.push(`<tr>${cells.join('')}</tr>`);
  }
  const colgroup = weights.map((w) => `<col style="width:${((100 * w) / total).toFixed(1)}%">`).join('');
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page { size: A4 landscape; margin: 15mm; }
body { font-family: "${font}"; font-size: ${size}pt; }
table { border-collapse: collapse; width: ${int(60, 100)}%; }
th, td { border: 0.6pt solid #000; padding: ${int(3, 10) / 2}pt; vertical-align: top; text-align: left; font-size: ${size}pt; overflow-wrap: ${anywhere ? "anywhere" : "normal"}; }
</style></head><body><table><colgroup>${colgroup}</colgroup>${body.join('\n')}</table></body></html>`;
  return { seed, html, style: `${font} ${size}pt` };
}
