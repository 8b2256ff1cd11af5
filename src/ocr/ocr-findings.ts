import { finding, type Finding } from '../model/finding.ts';
import type { Measure } from '../model/report.ts';
import type { LogicalTable } from '../tables/index.ts';
import type { WorkCell } from '../tables/work-table.ts';

/**
 * Below this mean word confidence a cell's OCR text is worth checking by eye. Tesseract gives
 * clean print 90–96; a cell under a stamp, a smudged digit or a word it guessed at falls well
 * below two thirds.
 */
export const LOW_CONFIDENCE = 0.65;

export type OcrTable = Pick<LogicalTable, 'rows' | 'output'>;

/**
 * Report-level OCR provenance: each measure read from OCR'd cells gets their mean confidence, and
 * every OCR'd table cell under `LOW_CONFIDENCE` becomes an `OCR_LOW_CONFIDENCE` finding with its
 * table, row, column and measure, for the review page to send someone to look at. A measure is
 * found by its source row, a grid row of the output table; grid row headerRows + i is logical
 * row i.
 */
export function ocrProvenance(tables: readonly OcrTable[], measures: Measure[]): Finding[] {
  const findings: Finding[] = [];
  const measureAt = new Map<string, Measure>();
  for (const m of measures) {
    const table = tables[m.source.table];
    if (!table) continue;
    const gridRow = m.source.rows[0];
    if (gridRow === undefined) continue;
    const row = table.rows[gridRow - table.output.headerRows];
    if (!row) continue;
    measureAt.set(`${m.source.table}:${gridRow}`, m);
    const cells = [...new Set<WorkCell>(row.cells)].filter((c) => c.ocr !== undefined && c.paragraphs.length > 0);
    if (cells.length === 0) continue;
    const confidence = cells.reduce((s, c) => s + (c.ocr ?? 0), 0) / cells.length;
    m.ocr = { confidence: Math.round(confidence * 1000) / 1000 };
  }
  tables.forEach((table, t) => {
    for (const cell of table.output.cells) {
      if (!cell.ocr || cell.ocr.confidence >= LOW_CONFIDENCE) continue;
      const measure = measureAt.get(`${t}:${cell.row}`);
      const pages = measure?.source.pages ?? table.output.pages;
      const location = { table: t, row: cell.row, col: cell.col, ...(pages.length === 1 ? { page: pages[0] } : {}), ...(measure ? { measure: measure.id } : {}) };
      const excerpt = cell.text.length > 60 ? `${cell.text.slice(0, 57)}…` : cell.text;
      findings.push(
        finding('OCR_LOW_CONFIDENCE', 'warning', `OCR read this cell with confidence ${cell.ocr.confidence.toFixed(2)}: check "${excerpt}" against the scan.`, location),
      );
    }
  });
  return findings;
}
