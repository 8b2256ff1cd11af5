import * as cheerio from 'cheerio';
import type { Block, TableBlock } from '../../../src/model/doc-tree.ts';
import { collapseWhitespace } from '../../../src/text/whitespace.ts';

/** One cell placed on its table's grid: the shape both sides of a comparison are reduced to. */
export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  header: boolean;
}

/**
 * Reads every `<table>` of an HTML document onto grids (the HTML table model: each cell takes the
 * first free column, rowspan/colspan reserve the positions they cover). Cell text has block
 * boundaries and `<br>` turned into spaces, then whitespace collapsed.
 */
export function htmlTableGrids(html: string): GridCell[][] {
  const $ = cheerio.load(html);
  return $('table')
    .toArray()
    .map((table) => {
      const cells: GridCell[] = [];
      const taken = new Set<string>();
      $(table)
        .find('tr')
        .toArray()
        .forEach((tr, r) => {
          let col = 0;
          for (const td of $(tr).children('td, th').toArray()) {
            while (taken.has(`${r},${col}`)) col++;
            const rowSpan = Number($(td).attr('rowspan') ?? 1);
            const colSpan = Number($(td).attr('colspan') ?? 1);
            for (let i = 0; i < rowSpan; i++) for (let j = 0; j < colSpan; j++) taken.add(`${r + i},${col + j}`);
            const clone = $(td).clone();
            clone.find('br').replaceWith(' ');
            clone.find('p, li, div, ul, ol').each((_, el) => {
              $(el).prepend(' ').append(' ');
            });
            const header = td.tagName.toLowerCase() === 'th' || $(tr).parent().is('thead');
            cells.push({ row: r, col, rowSpan, colSpan, text: collapseWhitespace(clone.text()), header });
            col += colSpan;
          }
        });
      return cells;
    });
}

/** The DOCX parser's table on the same grid shape (it already knows each cell's grid column). */
export function docTableGrid(table: TableBlock): GridCell[] {
  return table.rows.flatMap((row, r) =>
    row.cells.map((c) => ({ row: r, col: c.col ?? -1, rowSpan: c.rowSpan, colSpan: c.colSpan, text: c.text, header: c.header === true })),
  );
}

export function tablesOf(blocks: readonly Block[]): TableBlock[] {
  return blocks.filter((b): b is TableBlock => b.kind === 'table');
}

export const key = (c: { row: number; col: number }): string => `${c.row},${c.col}`;
