import type { Report } from '../model/report.ts';

/** One child table's rows for one report, as positional values matching `columns`. */
export interface RowSet {
  table: 'goals' | 'measures' | 'indicators' | 'quantities' | 'findings' | 'normalized_tables';
  columns: readonly string[];
  rows: unknown[][];
}

const json = (value: unknown): string => JSON.stringify(value);

/** Flattens a report into the child tables of the schema (see migrations/001-initial.sql). */
export function reportRows(report: Report): RowSet[] {
  const id = report.id;
  const goals: RowSet = {
    table: 'goals',
    columns: ['document_id', 'ord', 'goal_id', 'number', 'title'],
    rows: report.goals.map((goal, ord) => [id, ord, goal.id, goal.number, goal.title]),
  };
  const measures: RowSet = {
    table: 'measures',
    columns: [
      'document_id', 'ord', 'measure_id', 'goal_id', 'number', 'text', 'responsible', 'expected_results',
      'status_raw', 'status', 'start_date', 'end_date', 'score', 'narrative', 'data',
    ],
    rows: report.measures.map((m, ord) => [
      id, ord, m.id, m.goalId, m.number, m.text, json(m.responsible), json(m.expectedResults),
      m.status.raw, m.status.normalized, m.start, m.end, m.score, m.narrative, json(m),
    ]),
  };
  const indicators: RowSet = {
    table: 'indicators',
    columns: ['document_id', 'measure_ord', 'ord', 'name', 'baseline', 'target', 'actual'],
    rows: report.measures.flatMap((m, measureOrd) =>
      m.indicators.map((ind, ord) => [id, measureOrd, ord, ind.name, ind.baseline, ind.target, ind.actual]),
    ),
  };
  const quantities: RowSet = {
    table: 'quantities',
    columns: ['document_id', 'measure_ord', 'ord', 'value', 'unit', 'text'],
    rows: report.measures.flatMap((m, measureOrd) =>
      m.quantities.map((q, ord) => [id, measureOrd, ord, q.value, q.unit, q.text]),
    ),
  };
  const findings: RowSet = {
    table: 'findings',
    columns: ['document_id', 'ord', 'code', 'severity', 'message', 'location', 'cause'],
    rows: report.findings.map((f, ord) => [id, ord, f.code, f.severity, f.message, json(f.location), f.cause ?? null]),
  };
  const tables: RowSet = {
    table: 'normalized_tables',
    columns: ['document_id', 'ord', 'table_id', 'pages', 'header_rows', 'columns', 'rows', 'roles', 'group_rows', 'cells'],
    rows: report.tables.map((t, ord) => [
      id, ord, t.id, json(t.pages), t.headerRows, t.columns, t.rows, json(t.roles), json(t.groupRows), json(t.cells),
    ]),
  };
  return [goals, measures, indicators, quantities, findings, tables];
}

/** PostgreSQL caps a statement at 65 535 parameters. */
const MAX_PARAMETERS = 65_000;

/**
 * Multi-row INSERT statements for a row set, at most `batchRows` rows each: few round trips, and
 * no single statement big enough to strain PGlite's memory.
 */
export function insertStatements(set: RowSet, batchRows: number): { text: string; params: unknown[] }[] {
  const width = set.columns.length;
  const perStatement = Math.max(1, Math.min(batchRows, Math.floor(MAX_PARAMETERS / width)));
  const statements: { text: string; params: unknown[] }[] = [];
  for (let start = 0; start < set.rows.length; start += perStatement) {
    const chunk = set.rows.slice(start, start + perStatement);
    const tuples = chunk.map((_, r) => `(${set.columns.map((__, c) => `$${r * width + c + 1}`).join(', ')})`);
    statements.push({
      text: `INSERT INTO ${set.table} (${set.columns.join(', ')}) VALUES ${tuples.join(', ')}`,
      params: chunk.flat(),
    });
  }
  return statements;
}
