import type { DocCell, DocRow } from '../../model/doc-tree.ts';
import { finding, type Finding, type Location } from '../../model/finding.ts';
import { joinParagraphs } from '../../text/whitespace.ts';
import type { RevisionCounts } from './inline-reader.ts';
import { location } from './location.ts';
import { childElements, firstChild, intAttr, onOff, type XmlElement } from './xml-tree.ts';

/** What the body reader makes of one `w:tc`'s content. */
export interface CellContent {
  paragraphs: string[];
  letters: number;
  boldLetters: number;
  firstParagraph: number | undefined;
}

export interface TableReadOptions {
  /** Block index and table index for positions; undefined for a nested table. */
  readonly block: number | undefined;
  readonly table: number | undefined;
  readCell(tc: XmlElement, where: Location): CellContent;
  readonly findings: Finding[];
  readonly revisions: RevisionCounts;
  /** The table style's first-row formatting, when the table applies it (`w:tblLook`). */
  readonly firstRow?: { bold: boolean; header: boolean };
}

export interface TableRead {
  rows: DocRow[];
  /** Grid columns: `w:tblGrid`, widened if a row needs more (17.4.17). 0 for an empty table. */
  columns: number;
  firstParagraph: number | undefined;
}

/** Rows and cells may sit inside content controls or custom XML; read through them. */
function unwrap(parent: XmlElement, name: 'w:tr' | 'w:tc'): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of childElements(parent)) {
    if (child.name === name) out.push(child);
    else if (child.name === 'w:sdt') {
      const content = firstChild(child, 'w:sdtContent');
      if (content) out.push(...unwrap(content, name));
    } else if (child.name === 'w:customXml') out.push(...unwrap(child, name));
  }
  return out;
}

type Merge = 'restart' | 'continue' | undefined;

function mergeValue(el: XmlElement | undefined): Merge {
  if (el === undefined) return undefined;
  // An omitted w:val means continue (17.4.85 vMerge; same for the legacy hMerge).
  return el.attrs['w:val'] === 'restart' ? 'restart' : 'continue';
}

/**
 * Rebuilds the grid of one `w:tbl`. A DOCX table is stored row by row, and a merged cell is
 * written as its first cell plus placeholder cells in the rows and columns it covers:
 *
 * - `w:gridSpan` (17.4.17) widens a cell over several grid columns;
 * - `w:vMerge` (17.4.85) `restart` opens a vertical merge and `continue` cells below it, in the same
 *   grid column, extend it. A `continue` with nothing open above is taken as a new merge (Word
 *   and LibreOffice draw it that way; ST_Merge, 17.18.57, would ignore it) and reported;
 * - `w:gridBefore` (17.4.15) shifts a row right; `w:hMerge` (legacy horizontal merge) joins a
 *   cell to its left neighbour;
 * - `w:tblHeader` (17.4.49) marks a header row, but only in the unbroken run of rows from the top:
 *   a marked row further down is not repeated by Word and is not treated as header here;
 * - a row deleted with tracked changes (`w:trPr/w:del`, 17.13.5.12) is not part of the accepted
 *   table.
 *
 * Covered placeholder cells are not emitted: the spanning cell carries `rowSpan`/`colSpan`. A
 * placeholder that holds text (Word hides it) has that text appended to the spanning cell, so
 * nothing is lost, with a finding.
 */
export function readTable(tbl: XmlElement, options: TableReadOptions): TableRead {
  const gridColumns = childElements(firstChild(tbl, 'w:tblGrid') ?? tbl, 'w:gridCol').length;
  const counts = new Map<DocCell, { letters: number; boldLetters: number }>();
  const rows: DocRow[] = [];
  let open = new Map<number, DocCell>();
  let inHeaderRun = true;
  let widest = gridColumns;
  let firstParagraph: number | undefined;
  const where = (extra: Location): Location => location({ block: options.block, table: options.table, ...extra });

  const append = (owner: DocCell, content: CellContent): void => {
    if (content.paragraphs.length === 0) return;
    owner.paragraphs.push(...content.paragraphs);
    owner.text = joinParagraphs(owner.paragraphs);
    const c = counts.get(owner);
    if (c) {
      c.letters += content.letters;
      c.boldLetters += content.boldLetters;
      if (c.letters > 0 && c.letters === c.boldLetters) owner.bold = true;
      else delete owner.bold;
    }
  };

  for (const tr of unwrap(tbl, 'w:tr')) {
    const trPr = firstChild(tr, 'w:trPr');
    if (firstChild(trPr, 'w:del') !== undefined) {
      options.revisions.deleted++;
      continue;
    }
    const r = rows.length;
    const styledHeader = r === 0 && options.firstRow?.header === true;
    const header = inHeaderRun && (onOff(firstChild(trPr, 'w:tblHeader')) ?? styledHeader);
    if (!header) inHeaderRun = false;

    let col = intAttr(firstChild(trPr, 'w:gridBefore')) ?? 0;
    // 17.4.15: a gridBefore larger than the grid is ignored.
    if (col < 0 || (gridColumns > 0 && col >= gridColumns)) col = 0;
    const cells: DocCell[] = [];
    const stillOpen = new Map<number, DocCell>();
    let left: DocCell | undefined;
    let rowFirstParagraph: number | undefined;

    for (const tc of unwrap(tr, 'w:tc')) {
      const tcPr = firstChild(tc, 'w:tcPr');
      const span = Math.max(1, intAttr(firstChild(tcPr, 'w:gridSpan')) ?? 1);
      const vMerge = mergeValue(firstChild(tcPr, 'w:vMerge'));
      const hMerge = mergeValue(firstChild(tcPr, 'w:hMerge'));
      const content = options.readCell(tc, where({ row: r, col }));
      rowFirstParagraph ??= content.firstParagraph;

      if (hMerge === 'continue' && left !== undefined) {
        left.colSpan += span;
        append(left, content);
        col += span;
        continue;
      }
      if (vMerge === 'continue') {
        const owner = open.get(col);
        if (owner !== undefined) {
          owner.rowSpan += 1;
          if (owner.colSpan !== span) {
            options.findings.push(
              finding('docx/vmerge-span-mismatch', 'warning', `A vertically merged cell changes width from ${owner.colSpan} to ${span} grid columns; the first cell's width was kept.`, where({ row: r, col })),
            );
          }
          if (content.paragraphs.length > 0) {
            options.findings.push(
              finding('docx/vmerge-continuation-text', 'info', 'A cell covered by a vertical merge holds text (Word hides it); it was appended to the merged cell.', where({ row: r, col })),
            );
            append(owner, content);
          }
          stillOpen.set(col, owner);
          left = undefined;
          col += span;
          continue;
        }
        options.findings.push(
          finding('docx/vmerge-orphan', 'warning', 'A cell continues a vertical merge that nothing above it started; it was read as the start of a new merged cell.', where({ row: r, col })),
        );
      }

      const cell: DocCell = {
        text: joinParagraphs(content.paragraphs),
        paragraphs: content.paragraphs,
        rowSpan: 1,
        colSpan: span,
        col,
        position: where({ row: r, col, paragraph: content.firstParagraph }),
      };
      const styledBold = r === 0 && options.firstRow?.bold === true;
      if (content.letters > 0 && (styledBold || content.letters === content.boldLetters)) cell.bold = true;
      if (header) cell.header = true;
      counts.set(cell, { letters: content.letters, boldLetters: content.boldLetters });
      cells.push(cell);
      if (vMerge !== undefined) stillOpen.set(col, cell);
      left = cell;
      col += span;
    }

    open = stillOpen;
    widest = Math.max(widest, col);
    firstParagraph ??= rowFirstParagraph;
    const row: DocRow = { cells, position: where({ row: r, paragraph: rowFirstParagraph }) };
    if (header) row.header = true;
    rows.push(row);
  }

  if (gridColumns > 0 && widest > gridColumns) {
    options.findings.push(
      finding('docx/grid-widened', 'info', `Rows use ${widest} grid columns but w:tblGrid declares ${gridColumns}; the grid was widened (17.4.17).`, where({})),
    );
  }
  return { rows, columns: widest, firstParagraph };
}
