import type { RowGapEvidence } from './row-gap-evidence.ts';
import { median } from './stream-columns.ts';
import { streamTable } from './stream-table.ts';
import { lowestTable, type PageTable } from './table-grid.ts';
import type { PageTables } from './table-finder.ts';
import type { TextLine } from './text-lines.ts';

/**
 * A page of a borderless table that holds only its repeated header and one column of a cell
 * longer than the page. The stream reader finds no table there (a header of one line is no band
 * of rows, and one column is no table), so the page came out as running text, and the table's
 * pages on either side were cut apart. The header says which table it is: when the page's first
 * lines are the words of the header of the borderless table that ended the page before, they and
 * the lines under them (inside that table's width, at a cell's spacing) are read as that table,
 * in its columns.
 */

/** Share of the header's words the page's first lines must repeat. */
const HEADER_SHARE = 0.8;
/** Widest gap (in em) between two lines of the table under the header: a cell's paragraph break. */
const MAX_GAP_EM = 3;

export function tablesUnderRepeatedHeaders(found: PageTables[], rowGaps: readonly RowGapEvidence[]): void {
  found.forEach((page, i) => {
    const before = found[i - 1];
    if (i === 0 || !before || page.tables.length > 0) return;
    const prev = lowestTable(before.tables);
    if (prev?.mode !== 'stream') return;
    const lines = linesUnderHeader(prev, page.textLines);
    if (!lines) return;
    const read = streamTable(lines, { columns: prev.colEdges, ...(rowGaps.length > 0 ? { rowGaps } : {}) });
    if (!read) return;
    page.tables.push(read.table);
    page.textLines = page.textLines.filter((l) => !lines.includes(l));
  });
}

function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/** The page's header lines and the table lines under them, or undefined when the page does not start with the header. */
function linesUnderHeader(prev: PageTable, textLines: readonly TextLine[]): TextLine[] | undefined {
  const header = new Set(prev.cells.filter((c) => c.row === 0).flatMap((c) => c.lines.flatMap(words)));
  if (header.size === 0) return undefined;
  const sorted = [...textLines].sort((a, b) => a.top - b.top);
  const seen = new Set<string>();
  let k = 0;
  for (; k < sorted.length; k++) {
    const w = words((sorted[k] as TextLine).chunks.map((c) => c.text).join(' '));
    if (w.length === 0 || !w.every((x) => header.has(x))) break;
    for (const x of w) seen.add(x);
  }
  if (k === 0 || seen.size < HEADER_SHARE * header.size) return undefined;
  const em = median(sorted.map((l) => l.fontSize)) || 10;
  // The last column is open to the right (columnSpan): its text on the page before, which set
  // the table's right edge, need not have run as far as this page's.
  const x0 = (prev.colEdges[0] ?? 0) - em;
  const out = sorted.slice(0, k);
  // Notes and lists under the table's end are set in the body text's size, not the table's: any
  // difference a PDF's exact sizes show from the first line under the header ends the table.
  const size = sorted[k]?.fontSize ?? em;
  for (const l of sorted.slice(k)) {
    const last = out[out.length - 1] as TextLine;
    if (l.top - last.bottom > MAX_GAP_EM * em || l.x0 < x0 || Math.abs(l.fontSize - size) > 0.02 * size) break;
    out.push(l);
  }
  return out.length > k ? out : undefined;
}
