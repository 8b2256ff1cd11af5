import type { Block, TableBlock } from '../model/doc-tree.ts';
import { finding, type Finding } from '../model/finding.ts';
import { textKey } from '../text/text-cues.ts';
import { nearlySameText } from '../text/near-same-text.ts';
import { lexiconMatches } from './header-lexicon.ts';
import { expandTable, isEmptyRow, rowTexts, type WorkRow } from './work-table.ts';

export interface StitchedTable {
  /** Index of the first source table block (document order). */
  firstBlock: number;
  blocks: number[];
  rows: WorkRow[];
  /** Widths of the pieces as the parser gave them; differing widths mean a ragged (OCR) table. */
  pieceWidths: number[];
}

function isPageNoise(block: Block): boolean {
  if (block.kind === 'page-break') return true;
  // Running page numbers ("- 3 -", "Page 3", "3") that exports leave between the parts of a table.
  if (block.kind === 'paragraph') return /^[-–\s]*(?:page|стр\.?|бет|хуудас)?\s*\d{1,4}(?:\s*(?:of|из|\/)\s*\d{1,4})?[-–\s]*$/iu.test(block.text);
  return false;
}

function rowKey(row: WorkRow): string {
  return rowTexts(row).map(textKey).join('\u0001');
}

/**
 * Groups table blocks into logical tables. A table that follows another with only page breaks (or
 * page numbers) between them continues it when the parser says so, when it repeats the header,
 * when its own header row is empty (a page-split pipe table), or when it has the same width and no
 * header of its own. Repeated header rows are dropped; the first row after each join is marked as
 * following a page break so the row merger can decide whether it continues the row above.
 */
export function stitchTables(blocks: readonly Block[], findings: Finding[]): StitchedTable[] {
  const out: StitchedTable[] = [];
  let current: StitchedTable | null = null;
  let headerKeys: string[] = [];
  let onlyNoiseSince = false;

  blocks.forEach((block, index) => {
    if (block.kind !== 'table') {
      if (!isPageNoise(block)) onlyNoiseSince = false;
      return;
    }
    const rows = expandTable(block);
    const width = rows[0]?.cells.length ?? 0;
    if (current && onlyNoiseSince && continues(current, block, rows, headerKeys)) {
      let drop = 0;
      // Drop the repeated header (or the empty header row of a split pipe table) and empty rows.
      while (drop < rows.length) {
        const row = rows[drop];
        if (!row) break;
        const key = rowKey(row);
        // The parser matched a repeated header that this page cut into rows differently (a two-level
        // header read as one row on one page and as two on another): no row key repeats, but the
        // rows it marked as header on a piece it linked are that header.
        if (isEmptyRow(row) || isHeaderKey(headerKeys, key) || (block.continuesPrevious === true && row.header)) drop++;
        else break;
      }
      const kept = rows.slice(drop);
      const first = kept[0];
      if (first) first.pageBreakBefore = true;
      findings.push(
        finding('TABLE_CONTINUED', 'info', `Table continues from the previous page or part (${drop} repeated header/empty row(s) dropped).`, {
          ...block.position,
          block: index,
        }),
      );
      current.rows.push(...kept);
      current.blocks.push(index);
      current.pieceWidths.push(width);
    } else {
      current = { firstBlock: index, blocks: [index], rows, pieceWidths: [width] };
      out.push(current);
      headerKeys = rows.filter((r) => r.header).map(rowKey).filter((k) => k.replace(/\u0001/g, '').trim().length > 0);
    }
    onlyNoiseSince = true;
  });
  out.forEach((t) => t.rows.forEach((r, i) => (r.stitchedRows = [i])));
  return out;
}

/** A row repeating one of the header rows (nearly: a scanned page's OCR varies a little). */
function isHeaderKey(headerKeys: readonly string[], key: string): boolean {
  return headerKeys.some((h) => nearlySameText(h, key));
}

function isFragmentRow(row: WorkRow): boolean {
  const texts = rowTexts(row);
  const filled = texts.filter((t) => t.trim().length > 0);
  return filled.length <= texts.length * 0.4 && filled.every((t) => lexiconMatches(t).length === 0);
}

function continues(prev: StitchedTable, block: TableBlock, rows: WorkRow[], headerKeys: string[]): boolean {
  if (block.continuesPrevious === true) return true;
  if (block.continuesPrevious === false) return false;
  const first = rows.find((r) => !isEmptyRow(r));
  if (!first) return true;
  if (isHeaderKey(headerKeys, rowKey(first))) return true;
  const headerRows = rows.filter((r) => r.header);
  if (headerRows.length > 0 && headerRows.every(isEmptyRow)) return true;
  // A pipe table cut by a page gets a syntactic header row that is really a data fragment:
  // mostly empty and no header words. It continues the table and is a body row after all.
  if (headerRows.length > 0 && headerRows.every(isFragmentRow)) {
    headerRows.forEach((r) => {
      r.header = false;
      r.cells.forEach((c) => (c.header = false));
    });
    return true;
  }
  const prevWidth = prev.rows[0]?.cells.length ?? 0;
  return headerKeys.length > 0 && headerRows.length === 0 && first.cells.length === prevWidth;
}
