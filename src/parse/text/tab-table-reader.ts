import type { DocCell, DocRow, TableBlock } from '../../model/doc-tree.ts';
import { finding, type Finding } from '../../model/finding.ts';
import { joinParagraphs } from '../../text/whitespace.ts';
import { readCellContent } from '../html/cell-content.ts';
import { fragmentNodes } from '../html/index.ts';

export interface TabLine {
  /** 1-based line in the file. */
  line: number;
  text: string;
}

const PAGE_MARKER = /^[\s\t]*-{2,}([\s\t]+-{2,})*[\s\t]*$/;

export function isPageMarker(text: string): boolean {
  return PAGE_MARKER.test(text);
}

/**
 * A tab-separated cell may carry inline HTML (`<p>`, `<b>`, `<ul>`), as office "copy as text"
 * exports do. Runs of two or more spaces are line breaks the export flattened.
 */
function readTabCell(raw: string): { paragraphs: string[]; bold: boolean } {
  if (/<[a-z][^>]*>/i.test(raw)) {
    const content = readCellContent(fragmentNodes(raw));
    return { paragraphs: content.paragraphs.flatMap(splitFlattenedBreaks), bold: content.bold };
  }
  const bold = /^\s*\*\*[\s\S]+\*\*\s*$/.test(raw);
  const text = bold ? raw.trim().slice(2, -2) : raw;
  return { paragraphs: splitFlattenedBreaks(text), bold };
}

function splitFlattenedBreaks(text: string): string[] {
  return text
    .split(/ {2,}/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/**
 * Reads a run of tab-separated lines as one table. Blank lines and `--` rows inside the run are the
 * page breaks of the original document: they are not rows, but the next row is marked
 * `pageBreakBefore` so the stitcher can decide whether it continues the row above. Rows with fewer
 * cells than the header lost their leading empty cells in the export; they are right-aligned.
 */
export function readTabTable(lines: readonly TabLine[], tableIndex: number, findings: Finding[]): TableBlock {
  const rows: DocRow[] = [];
  let width = 0;
  let pendingBreak = false;
  for (const { line, text } of lines) {
    if (text.trim() === '' || isPageMarker(text)) {
      if (rows.length > 0) pendingBreak = true;
      continue;
    }
    const rawCells = text.split('\t');
    if (rows.length === 0) width = rawCells.length;
    const missing = width - rawCells.length;
    if (missing > 0) {
      findings.push(
        finding('TEXT_ROW_RIGHT_ALIGNED', 'info', `Row has ${rawCells.length} of ${width} cells; read right-aligned (leading empty cells were dropped by the export).`, {
          line,
          table: tableIndex,
          row: rows.length,
        }),
      );
    }
    const padded = missing > 0 ? [...Array<string>(missing).fill(''), ...rawCells] : rawCells;
    const cells: DocCell[] = padded.map((raw, col) => {
      const { paragraphs, bold } = readTabCell(raw);
      const cell: DocCell = {
        text: joinParagraphs(paragraphs),
        paragraphs,
        rowSpan: 1,
        colSpan: 1,
        position: { line, table: tableIndex, row: rows.length, col },
      };
      if (bold) cell.bold = true;
      return cell;
    });
    const row: DocRow = { cells, position: { line, table: tableIndex, row: rows.length } };
    if (pendingBreak) row.pageBreakBefore = true;
    pendingBreak = false;
    rows.push(row);
  }
  return { kind: 'table', rows, position: { line: lines[0]?.line ?? 1, table: tableIndex } };
}
