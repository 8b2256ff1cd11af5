import type { Report } from '../../src/model/report.ts';

/**
 * The part of a report that must not depend on the input format: the same report as text, HTML,
 * Markdown, DOCX or PDF gives the same language, heading, goals, measures (with their quantities,
 * placed by table cell) and table grid. Ids, byte counts, pages and format-specific findings are
 * left out; quantities in prose keep everything but their block index (formats split prose into
 * blocks differently).
 */
export function formatIndependent(report: Report): unknown {
  return {
    language: report.language.code,
    title: report.title,
    organization: report.organization,
    period: report.period,
    goals: report.goals,
    measures: report.measures.map(({ source, ...m }) => ({ ...m, table: source.table })),
    quantities: report.quantities.map(({ place, ...q }) => ({ ...q, place: place.kind })),
    tables: report.tables.map((t) => ({
      headerRows: t.headerRows,
      columns: t.columns,
      rows: t.rows,
      roles: t.roles,
      groupRows: t.groupRows,
      cells: t.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan, c.text]),
    })),
  };
}
