import * as cheerio from 'cheerio';

/** A table cell placed on its grid, as the ground-truth HTML fixtures give it. */
export interface TruthCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  header: boolean;
}

/** Cells of the first `<table>` of an HTML document, on one grid (row/colspan resolved). */
export function htmlTableGrid(html: string): { cells: TruthCell[]; headerRows: number; rows: number; cols: number } {
  const $ = cheerio.load(html);
  const table = $('table').first();
  const cells: TruthCell[] = [];
  const taken = new Set<string>();
  let headerRows = 0;
  table.find('tr').each((r, tr) => {
    const inHead = $(tr).parents('thead').length > 0;
    if (inHead) headerRows = r + 1;
    let col = 0;
    $(tr)
      .children('td,th')
      .each((_, td) => {
        while (taken.has(`${r},${col}`)) col++;
        const rowSpan = Number($(td).attr('rowspan') ?? 1) || 1;
        const colSpan = Number($(td).attr('colspan') ?? 1) || 1;
        const parts = $(td)
          .find('p,li')
          .map((__, el) => $(el).text())
          .get();
        const text = (parts.length > 0 ? parts.join(' ') : $(td).text()).replace(/\s+/g, ' ').trim();
        cells.push({ row: r, col, rowSpan, colSpan, text, header: inHead || td.tagName === 'th' });
        for (let i = 0; i < rowSpan; i++) for (let j = 0; j < colSpan; j++) taken.add(`${r + i},${col + j}`);
        col += colSpan;
      });
  });
  const rows = Math.max(0, ...cells.map((c) => c.row + c.rowSpan));
  const cols = Math.max(0, ...cells.map((c) => c.col + c.colSpan));
  return { cells, headerRows, rows, cols };
}

/** Comparable form of cell text: Unicode-normalized, no whitespace, no case. */
export function textKey(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}
