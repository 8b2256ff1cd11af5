import { finding, type Finding } from '../model/finding.ts';
import type { Measure } from '../model/report.ts';
import type { NormalizedTable } from '../model/table.ts';

/**
 * Below this mean word confidence a cell's OCR text is worth checking by eye. Tesseract gives
 * clean print 90–96; a cell under a stamp, a smudged digit or a word it guessed at falls well
 * below two thirds.
 */
export const LOW_CONFIDENCE = 0.65;

/**
 * Report-level OCR provenance: each measure read from OCR'd cells gets their mean confidence, and
 * every OCR'd table cell under `LOW_CONFIDENCE` becomes an `OCR_LOW_CONFIDENCE` finding with its
 * table, row, column and measure, for the review page to send someone to look at.
 */
export function ocrProvenance(tables: readonly NormalizedTable[], measures: Measure[]): Finding[] {
  const findings: Finding[] = [];
  const measureOf = new Map<string, Measure>();
  for (const m of measures) {
    const table = tables[m.source.table];
    if (!table) continue;
    const rows = new Set(m.source.rows);
    for (const r of rows) measureOf.set(`${m.source.table}:${r}`, m);
    const cells = table.cells.filter((c) => c.ocr !== undefined && rows.has(c.row));
    if (cells.length === 0) continue;
    const confidence = cells.reduce((s, c) => s + (c.ocr?.confidence ?? 0), 0) / cells.length;
    m.ocr = { confidence: Math.round(confidence * 1000) / 1000 };
  }
  tables.forEach((table, t) => {
    for (const cell of table.cells) {
      if (!cell.ocr || cell.ocr.confidence >= LOW_CONFIDENCE) continue;
      const measure = measureOf.get(`${t}:${cell.row}`);
      const pages = measure?.source.pages ?? table.pages;
      const location = { table: t, row: cell.row, col: cell.col, ...(pages.length === 1 ? { page: pages[0] } : {}), ...(measure ? { measure: measure.id } : {}) };
      const excerpt = cell.text.length > 60 ? `${cell.text.slice(0, 57)}…` : cell.text;
      findings.push(
        finding('OCR_LOW_CONFIDENCE', 'warning', `OCR read this cell with confidence ${cell.ocr.confidence.toFixed(2)}: check "${excerpt}" against the scan.`, location),
      );
    }
  });
  return findings;
}
