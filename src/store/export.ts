import { once } from 'node:events';
import type { Goal, Measure, Report } from '../model/report.ts';
import type { ReportQuery } from './query.ts';
import type { ReportStore } from './report-store.ts';

export type ExportFormat = 'json' | 'ndjson' | 'csv';

/** CSV columns, one row per measure; document and goal columns repeat on every row of theirs. */
export const CSV_COLUMNS = [
  'document_id', 'filename', 'format', 'language', 'title', 'organization', 'year', 'quarter', 'extractor_version',
  'goal_id', 'goal_number', 'goal_title',
  'measure_id', 'measure_number', 'measure_text', 'responsible', 'status_raw', 'status', 'start', 'end', 'score',
  'indicators', 'expected_results', 'quantities', 'narrative', 'source_table', 'source_rows', 'source_pages',
] as const;

/** RFC 4180 §2: fields with a comma, quote or line break are quoted, quotes doubled. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 §2: records end with CRLF. */
export function csvRecord(values: readonly (string | number | null)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** A real calendar day in ISO 8601 (the model's dates are only shaped like one), else null. */
export function calendarDate(value: string | null): string | null {
  if (value === null || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : null;
}

/** Several values in one cell: joined with a line break, which spreadsheets show as one per line. */
const many = (values: readonly string[]): string => values.join('\n');

function indicatorText(measure: Measure): string {
  return many(
    measure.indicators.map((i) =>
      [i.name, i.baseline === null ? null : `baseline: ${i.baseline}`, i.target === null ? null : `target: ${i.target}`, i.actual === null ? null : `actual: ${i.actual}`]
        .filter((part): part is string => part !== null)
        .join('; '),
    ),
  );
}

/** CSV rows of the measures at `positions` (default all), in that order. */
export function measureCsvRows(report: Report, positions?: readonly number[]): string[] {
  const goals = new Map<string, Goal>();
  for (const goal of report.goals) if (!goals.has(goal.id)) goals.set(goal.id, goal);
  const measures = positions === undefined ? report.measures : positions.map((i) => report.measures[i]!);
  return measures.map((m) => {
    const goal = m.goalId === null ? undefined : goals.get(m.goalId);
    return csvRecord([
      report.id, report.source.filename, report.source.format, report.language.code, report.title, report.organization,
      report.period.year, report.period.quarter, report.extractorVersion,
      goal?.id ?? m.goalId, goal?.number ?? null, goal?.title ?? null,
      m.id, m.number, m.text, many(m.responsible), m.status.raw, m.status.normalized, m.start, m.end, m.score,
      indicatorText(m), many(m.expectedResults), many(m.quantities.map((q) => q.text)), m.narrative,
      m.source.table, m.source.rows.join(' '), m.source.pages.join(' '),
    ]);
  });
}

export async function write(out: NodeJS.WritableStream, chunk: string): Promise<void> {
  // Respect back-pressure: exporting thousands of reports to a slow pipe must not buffer them all.
  if (!out.write(chunk)) await once(out, 'drain');
}

/**
 * Streams the stored reports the filter matches to `out`, reading them in batches; returns how
 * many reports were written. JSON and NDJSON carry whole reports; CSV rows are the measures the
 * filter selects (the rows of `GET /v1/measures`).
 */
export async function exportReports(
  store: ReportStore,
  format: ExportFormat,
  out: NodeJS.WritableStream,
  filter: ReportQuery = {},
): Promise<number> {
  let count = 0;
  if (format === 'csv') await write(out, csvRecord(CSV_COLUMNS));
  if (format === 'json') await write(out, '[');
  if (format === 'csv') {
    for await (const { report, measures } of store.iterateSelected(filter)) {
      for (const row of measureCsvRows(report, measures)) await write(out, row);
      count += 1;
    }
  } else {
    for await (const report of store.iterateReports(filter)) {
      await write(out, format === 'json' ? `${count === 0 ? '\n' : ',\n'}${JSON.stringify(report)}` : `${JSON.stringify(report)}\n`);
      count += 1;
    }
  }
  if (format === 'json') await write(out, count === 0 ? ']\n' : '\n]\n');
  return count;
}
