import type { AnyNode, Element } from 'domhandler';
import type { DocCell, DocRow, TableBlock } from '../../model/doc-tree.ts';
import type { Location } from '../../model/finding.ts';
import { joinParagraphs } from '../../text/whitespace.ts';
import { readCellContent } from './cell-content.ts';

export type LocateNode = (node: AnyNode) => Location;

function elementChildren(node: Element, names: ReadonlySet<string>): Element[] {
  return node.children.filter((c): c is Element => c.type === 'tag' && names.has(c.name.toLowerCase()));
}

const SECTIONS = new Set(['thead', 'tbody', 'tfoot']);
const TR = new Set(['tr']);
const CELLS = new Set(['td', 'th']);

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  // HTML caps rowspan at 65534 and colspan at 1000; a bad value means 1 (WHATWG tables §4.9.11).
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

/**
 * Reads one `<table>` element as the parser-level table: rows of cells with their spans, exactly
 * as written (covered positions are absent). Rows of `<thead>`, and rows made only of `<th>`, are
 * marked header. Nested tables stay inside their cell as text.
 */
export function readHtmlTable(table: Element, tableIndex: number, locate: LocateNode): TableBlock {
  const rows: DocRow[] = [];
  const rowElements: { tr: Element; inHead: boolean }[] = [];
  for (const child of table.children) {
    if (child.type !== 'tag') continue;
    const name = child.name.toLowerCase();
    if (name === 'tr') rowElements.push({ tr: child, inHead: false });
    else if (SECTIONS.has(name)) {
      for (const tr of elementChildren(child, TR)) rowElements.push({ tr, inHead: name === 'thead' });
    }
  }
  rowElements.forEach(({ tr, inHead }, rowIndex) => {
    const cellEls = elementChildren(tr, CELLS);
    const cells: DocCell[] = cellEls.map((td, colIndex) => {
      const content = readCellContent(td.children);
      const isTh = td.name.toLowerCase() === 'th';
      const cell: DocCell = {
        text: joinParagraphs(content.paragraphs),
        paragraphs: content.paragraphs,
        rowSpan: span(td.attribs['rowspan']),
        colSpan: span(td.attribs['colspan']),
        position: { ...locate(td), table: tableIndex, row: rowIndex, col: colIndex },
      };
      if (content.bold) cell.bold = true;
      if (isTh || inHead) cell.header = true;
      return cell;
    });
    const row: DocRow = { cells, position: { ...locate(tr), table: tableIndex, row: rowIndex } };
    if (inHead || (cellEls.length > 0 && cellEls.every((c) => c.name.toLowerCase() === 'th'))) row.header = true;
    rows.push(row);
  });
  return { kind: 'table', rows, position: { ...locate(table), table: tableIndex } };
}
