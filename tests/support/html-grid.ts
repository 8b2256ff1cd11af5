import * as cheerio from 'cheerio';
import { collapseWhitespace } from '../../src/text/whitespace.ts';

/** One cell placed on its table's grid: the shape both sides of a comparison are reduced to. */
export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  header: boolean;
}

/** One HTML table on its grid, with the size the grid reaches and its `<thead>` row count. */
export interface HtmlTableGrid {
  cells: GridCell[];
  /** Rows inside `<thead>`; a `<th>` in the body marks its cell as a header but is not counted. */
  headerRows: number;
  rows: number;
  cols: number;
}

/**
 * Reads every `<table>` of an HTML document onto grids (the HTML table model: each cell takes the
 * first free column, rowspan/colspan reserve the positions they cover). Cell text has block
 * boundaries and `<br>` turned into spaces, then whitespace collapsed, so paragraphs inside a cell
 * read as the parsers' `text` (paragraphs joined by a space).
 */
export function htmlTableGrids(html: string): HtmlTableGrid[] {
  const $ = cheerio.load(html);
  return $('table')
    .toArray()
    .map((table) => {
      const cells: GridCell[] = [];
      const taken = new Set<string>();
      let headerRows = 0;
      $(table)
        .find('tr')
        .toArray()
        .forEach((tr, r) => {
          const inHead = $(tr).parent().is('thead');
          if (inHead) headerRows = r + 1;
          let col = 0;
          for (const td of $(tr).children('td, th').toArray()) {
            while (taken.has(`${r},${col}`)) col++;
            // A missing, empty or zero span counts as 1 (rowspan="0" is not used by the fixtures).
            const rowSpan = Number($(td).attr('rowspan') ?? 1) || 1;
            const colSpan = Number($(td).attr('colspan') ?? 1) || 1;
            for (let i = 0; i < rowSpan; i++) for (let j = 0; j < colSpan; j++) taken.add(`${r + i},${col + j}`);
            const clone = $(td).clone();
            clone.find('br').replaceWith(' ');
            clone.find('p, li, div, ul, ol').each((_, el) => {
              $(el).prepend(' ').append(' ');
            });
            const header = inHead || td.tagName.toLowerCase() === 'th';
            cells.push({ row: r, col, rowSpan, colSpan, text: collapseWhitespace(clone.text()), header });
            col += colSpan;
          }
        });
      const rows = Math.max(0, ...cells.map((c) => c.row + c.rowSpan));
      const cols = Math.max(0, ...cells.map((c) => c.col + c.colSpan));
      return { cells, headerRows, rows, cols };
    });
}
