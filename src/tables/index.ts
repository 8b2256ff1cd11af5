import type { DocTree } from '../model/doc-tree.ts';
import { finding, type Finding, type Location } from '../model/finding.ts';
import type { NormalizedTable } from '../model/table.ts';
import { appendFragment, continuesInCapitals, isSmallInteger, startsLowercase, startsWithEnumerator, textKey } from '../text/text-cues.ts';
import { buildColumnModel, type ColumnModel } from './column-model.ts';
import { groupRowText, startsWithGroupLabel } from './group-rows.ts';
import { countHeaderRows } from './header-detector.ts';
import { fitRaggedRow } from './ragged-row-fitter.ts';
import { carryColumns, carryMergedCells, isContinuation, mergeInto, mergeRaggedInto, numberColumn } from './row-merger.ts';
import { compressSpans } from './span-compressor.ts';
import { stitchTables } from './table-stitcher.ts';
import { cellText, isEmptyRow, rowTexts, type WorkCell, type WorkRow } from './work-table.ts';

export interface RowMisfit {
  row: number;
  cells: number;
  width: number;
  notes: string[];
  location: Location;
}

/** One logical table, ready for extraction: body rows are logical rows (one per measure or group). */
export interface LogicalTable {
  index: number;
  model: ColumnModel;
  rows: WorkRow[];
  pages: number[];
  misfits: RowMisfit[];
  output: NormalizedTable;
  position: Location;
}

export interface NormalizeOptions {
  /** Language of a cell's text (ISO 639-3 or `und`); tables record it per cell. */
  language: (text: string) => string;
}

const rowKey = (row: WorkRow): string => rowTexts(row).map(textKey).join('\u0001');

/**
 * Format-independent table normalization: stitch page-split tables, find header rows, fit ragged
 * rows, recognise group rows, join rows continued across pages, carry merged cells, map columns to
 * roles. Never drops text: whatever cannot be placed lands in a cell with a finding.
 */
export function normalizeTables(doc: DocTree, options: NormalizeOptions): { tables: LogicalTable[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const tables: LogicalTable[] = [];
  for (const st of stitchTables(doc.blocks, findings)) {
    if (st.rows.length === 0) continue;
    const index = tables.length;
    const position: Location = { ...(doc.blocks[st.firstBlock]?.position ?? {}), table: index };
    const headerRows = st.rows.slice(0, countHeaderRows(st.rows));
    const body = bodyRows(st.rows.slice(headerRows.length), new Set(headerRows.map(rowKey)));
    const model = buildColumnModel(headerRows, body, st.pieceWidths);
    const { rows, misfits } = logicalRows(body, model, headerRows, index, findings);
    const joined = carryMergedCells(rows, carryColumns(model.roles));
    if (joined > 0) {
      findings.push(finding('MERGED_CELL_CONTINUED', 'info', `${joined} merged-cell fragment(s) cut by a page break joined to the cell above.`, position));
    }
    const grid = [...model.headerRows, ...rows];
    const pages = [...new Set(grid.flatMap((r) => r.pages))].sort((a, b) => a - b);
    const compressed = compressSpans(grid, model.headerRows.length, options.language);
    const output: NormalizedTable = {
      id: `t${index}`,
      pages,
      headerRows: model.headerRows.length,
      columns: compressed.columns,
      rows: compressed.rows,
      roles: model.roles,
      groupRows: rows.map((r, i) => (r.group ? i + model.headerRows.length : -1)).filter((i) => i >= 0),
      cells: compressed.cells,
    };
    tables.push({ index, model, rows, pages, misfits, output, position });
  }
  return { tables, findings };
}

/** Body rows without the repeated headers (a new page) and empty rows; their page break moves on to the next row. */
function bodyRows(rows: readonly WorkRow[], headerKeys: ReadonlySet<string>): WorkRow[] {
  const body: WorkRow[] = [];
  let pendingBreak = false;
  for (const row of rows) {
    if (isEmptyRow(row) || headerKeys.has(rowKey(row))) {
      pendingBreak = true;
      continue;
    }
    if (pendingBreak) row.pageBreakBefore = true;
    pendingBreak = false;
    body.push(row);
  }
  return body;
}

/** Source rows → logical rows: group rows, continuation rows joined into the row above, ragged rows fitted. */
function logicalRows(
  body: readonly WorkRow[],
  model: ColumnModel,
  headerRows: readonly WorkRow[],
  index: number,
  findings: Finding[],
): { rows: WorkRow[]; misfits: RowMisfit[] } {
  // The header's own extent: the positions its cells really cover (not grid filler).
  const headerWidth = Math.max(0, ...headerRows.map((r) => r.cells.findLastIndex((c) => !c.filler) + 1));
  const numCol = numberColumn(model.roles);
  const numbered = numCol !== null && body.filter((r) => isSmallInteger(cellText(r.cells[numCol] as WorkCell))).length >= body.length * 0.5;
  const rows: WorkRow[] = [];
  const misfits: RowMisfit[] = [];
  for (const [bodyIndex, row] of body.entries()) {
    const prev = rows.at(-1);
    const group = groupRowText(row, numCol);
    // A group row cut by the page break goes on in a group row overleaf, which the parser marks
    // as running on from the cell above: one title, not a second group.
    const groupCell = prev?.group ? prev.cells[0] : undefined;
    // Without the parser's word (a borderless page), the text decides: a group row right after the
    // page break that opens with no group label or number of its own and goes on in small letters,
    // or in capitals after capitals, is the rest of the one above.
    const restOfGroup = (text: string): boolean =>
      row.pageBreakBefore === true && !startsWithGroupLabel(text) && !startsWithEnumerator(text) && (startsLowercase(text) || continuesInCapitals(groupCell ? cellText(groupCell) : '', text));
    if (group !== null && groupCell && row.continuesPrevious !== false && (row.cells.some((c) => c.continuesAbove) || restOfGroup(group))) {
      appendFragment(groupCell.paragraphs, [group], true, row.cells.some((c) => c.cutInWord));
      findings.push(finding('ROW_CONTINUED_ACROSS_PAGE', 'info', 'Group row continues the group row above after a page break; joined into one row.', { ...row.position, table: index }));
      continue;
    }
    if (group !== null) {
      const cell: WorkCell = { paragraphs: [group], bold: true, header: false, position: row.position };
      rows.push({ ...row, cells: Array.from({ length: model.width }, () => cell), group: true });
      continue;
    }
    if (prev && !prev.group && isContinuation(row, model.roles, numbered, prev)) {
      if (model.ragged) mergeRaggedInto(prev, row, model.roles);
      else mergeInto(prev, row, body.slice(bodyIndex + 1));
      findings.push(
        row.pageBreakBefore
          ? finding('ROW_CONTINUED_ACROSS_PAGE', 'info', 'Row continues the row above after a page break; joined into one row.', { ...row.position, table: index })
          : finding('ROW_CONTINUED', 'info', 'Row continues the row above (no goal, measure, task, unit or figure of its own, or no number in a numbered table); joined into one row.', {
              ...row.position,
              table: index,
            }),
      );
      continue;
    }
    const at = { ...row.position, table: index };
    if (model.ragged) {
      const filled = new Set(row.cells.filter((c) => c.paragraphs.length > 0)).size;
      const fit = fitRaggedRow(row, model.roles);
      if (filled !== model.width || fit.notes.length > 0) {
        misfits.push({ row: rows.length, cells: filled, width: model.width, notes: ['fitted to the columns by content', ...fit.notes], location: at });
      }
      rows.push({ ...row, cells: fit.cells, rawColumns: fit.rawColumns });
      continue;
    }
    // Fewer cells is common and harmless (trailing empty cells left out); more is not.
    const reach = row.cells.findLastIndex((c) => !c.filler) + 1;
    if (headerWidth > 0 && reach > headerWidth) {
      misfits.push({ row: rows.length, cells: reach, width: headerWidth, notes: [`cells past the header's ${headerWidth} columns kept in unnamed columns`], location: at });
    }
    rows.push(row);
  }
  return { rows, misfits };
}
