import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { join } from 'node:path';
import type { Report } from '../model/report.ts';
import { REPORT_SCHEMA_ID } from '../model/report.ts';
import { calendarDate, csvRecord, write } from './export.ts';

export { calendarDate };
import type { ReportQuery } from './query.ts';
import type { ReportStore } from './report-store.ts';

/**
 * `reportmill export --format datapackage --out DIR`: a Frictionless Tabular Data Package
 * (Data Package v1 with Table Schema v1). `DIR/datapackage.json` describes six CSV resources,
 * each with its Table Schema: field types, primary keys and the foreign keys between them.
 * The CSV files are written row by row as the reports stream out of the store.
 *
 * Keys are positions in the report (`*_ord`, zero-based), never the report's own ids, which
 * nothing guarantees to be unique; the ids are kept as ordinary columns. See docs/exports.md.
 */

type FieldType = 'string' | 'integer' | 'number' | 'date' | 'array' | 'object';

interface Field {
  name: string;
  type: FieldType;
  description: string;
  format?: string;
  constraints?: { required?: boolean; unique?: boolean; enum?: string[]; minimum?: number; maximum?: number; pattern?: string };
}

interface ForeignKey {
  fields: string | string[];
  reference: { resource: string; fields: string | string[] };
}

export interface TableSchema {
  fields: Field[];
  primaryKey: string[];
  foreignKeys?: ForeignKey[];
  missingValues: string[];
}

export type ResourceName = 'documents' | 'goals' | 'measures' | 'indicators' | 'quantities' | 'findings';

const ID: Field = {
  name: 'document_id',
  type: 'string',
  description: 'sha256 of the original file: the document id everywhere in reportmill.',
  constraints: { required: true, pattern: '[0-9a-f]{64}' },
};
const ord = (name: string, what: string): Field => ({
  name,
  type: 'integer',
  description: `Zero-based position of the ${what} in the report.`,
  constraints: { required: true, minimum: 0 },
});
const text = (name: string, description: string): Field => ({ name, type: 'string', description });
const toDocument: ForeignKey = { fields: 'document_id', reference: { resource: 'documents', fields: 'document_id' } };
const toMeasure: ForeignKey = {
  fields: ['document_id', 'measure_ord'],
  reference: { resource: 'measures', fields: ['document_id', 'measure_ord'] },
};

export const TABLE_SCHEMAS: Record<ResourceName, TableSchema> = {
  documents: {
    fields: [
      ID,
      text('filename', 'File name of the original as received.'),
      { name: 'format', type: 'string', description: 'Source format.', constraints: { enum: ['pdf', 'docx', 'markdown', 'html', 'text'] } },
      { name: 'bytes', type: 'integer', description: 'Size of the original in bytes.', constraints: { minimum: 0 } },
      { name: 'pages', type: 'integer', description: 'Pages of the original (0 when it has none).', constraints: { minimum: 0 } },
      { name: 'language', type: 'string', description: 'Main language, ISO 639-3 ("und" when undecidable).', constraints: { pattern: '[a-z]{3}' } },
      { name: 'language_confidence', type: 'number', description: 'Confidence of the language, 0–1.', constraints: { minimum: 0, maximum: 1 } },
      text('language_script', 'Script of the main language (ISO 15924, e.g. Cyrl).'),
      text('title', 'Title of the report.'),
      text('organization', 'Reporting organization as named in the report.'),
      { name: 'year', type: 'integer', description: 'Year the report covers.' },
      { name: 'quarter', type: 'integer', description: 'Quarter the report covers, 1–4.', constraints: { minimum: 1, maximum: 4 } },
      text('extractor_version', 'reportmill version that extracted the report.'),
    ],
    primaryKey: ['document_id'],
    missingValues: [''],
  },
  goals: {
    fields: [
      ID,
      ord('goal_ord', 'goal'),
      {
        name: 'goal_key',
        type: 'string',
        description: 'document_id:goal_ord, one column for measures to refer to (a composite key could not be left empty for measures without a goal).',
        constraints: { required: true, unique: true },
      },
      text('goal_id', 'Id of the goal in the report (measures refer to it).'),
      text('number', 'Goal number as printed.'),
      text('title', 'Goal title.'),
    ],
    primaryKey: ['document_id', 'goal_ord'],
    foreignKeys: [toDocument],
    missingValues: [''],
  },
  measures: {
    fields: [
      ID,
      ord('measure_ord', 'measure'),
      text('measure_id', 'Id of the measure in the report.'),
      { name: 'goal_ord', type: 'integer', description: 'Position of the goal of the measure (the first goal with its goal_id); empty without a goal.' },
      text('goal_key', 'goals.goal_key of the goal of the measure; empty without a goal.'),
      text('goal_id', 'Id of the goal of the measure as the report gives it.'),
      text('number', 'Measure number as printed.'),
      text('text', 'The measure / activity itself.'),
      { name: 'context', type: 'object', description: 'Wider columns of the plan (JSON object of column role → text).' },
      { name: 'responsible', type: 'array', description: 'Responsible bodies (JSON array of strings).' },
      { name: 'expected_results', type: 'array', description: 'Expected results (JSON array of strings).' },
      text('status_raw', 'Status as printed.'),
      {
        name: 'status',
        type: 'string',
        description: 'Normalized status.',
        constraints: { required: true, enum: ['done', 'in_progress', 'not_done', 'unknown'] },
      },
      { name: 'start', type: 'date', description: 'Start date; empty when none (or when the printed date is not a calendar date).' },
      { name: 'end', type: 'date', description: 'End date; empty when none (or when the printed date is not a calendar date).' },
      { name: 'score', type: 'number', description: 'Score as printed in the report.' },
      text('narrative', 'Narrative of the measure.'),
      { name: 'source_table', type: 'integer', description: 'Normalized table the measure came from (position in the report).', constraints: { minimum: 0 } },
      { name: 'source_rows', type: 'array', description: 'Grid rows of that table (JSON array of integers).' },
      { name: 'source_pages', type: 'array', description: 'Pages of the original (JSON array of integers).' },
    ],
    primaryKey: ['document_id', 'measure_ord'],
    foreignKeys: [
      toDocument,
      { fields: 'goal_key', reference: { resource: 'goals', fields: 'goal_key' } },
    ],
    missingValues: [''],
  },
  indicators: {
    fields: [
      ID,
      ord('measure_ord', 'measure'),
      ord('indicator_ord', 'indicator within its measure'),
      text('name', 'Indicator name.'),
      text('baseline', 'Baseline as printed.'),
      text('target', 'Target as printed.'),
      text('actual', 'Actual value as printed.'),
    ],
    primaryKey: ['document_id', 'measure_ord', 'indicator_ord'],
    foreignKeys: [toMeasure],
    missingValues: [''],
  },
  quantities: {
    fields: [
      ID,
      ord('measure_ord', 'measure'),
      ord('quantity_ord', 'quantity within its measure'),
      { name: 'value', type: 'number', description: 'The number.', constraints: { required: true } },
      text('unit', 'Its unit as printed (e.g. сом, %, km).'),
      text('text', 'The quantity as printed.'),
    ],
    primaryKey: ['document_id', 'measure_ord', 'quantity_ord'],
    foreignKeys: [toMeasure],
    missingValues: [''],
  },
  findings: {
    fields: [
      ID,
      ord('finding_ord', 'finding'),
      { name: 'code', type: 'string', description: 'Stable machine-readable code.', constraints: { required: true } },
      { name: 'severity', type: 'string', description: 'Severity.', constraints: { required: true, enum: ['info', 'warning', 'error'] } },
      text('message', 'What happened and what a person can do about it.'),
      { name: 'location', type: 'object', description: 'Where it sits in the source (JSON object: page, table, row, col, measure, …).' },
      text('cause', 'Underlying cause, when known.'),
    ],
    primaryKey: ['document_id', 'finding_ord'],
    foreignKeys: [toDocument],
    missingValues: [''],
  },
};

export const RESOURCE_NAMES = Object.keys(TABLE_SCHEMAS) as ResourceName[];

const RESOURCE_TITLES: Record<ResourceName, string> = {
  documents: 'One row per stored document',
  goals: 'Goals of each document',
  measures: 'Measures (activities) of each document',
  indicators: 'Indicators of each measure',
  quantities: 'Numbers with units found in each measure',
  findings: 'Findings raised while reading each document',
};

export function dataPackageDescriptor(options: { created: string; filter: ReportQuery }): Record<string, unknown> {
  return {
    profile: 'tabular-data-package',
    name: 'reportmill-export',
    title: 'reportmill: normalized monitoring and performance reports',
    description: `Reports extracted by reportmill (${REPORT_SCHEMA_ID}), flattened into related tables. Keys are positions in each report.`,
    created: options.created,
    // Extra properties are allowed by the spec; this one records what the export was asked for.
    reportmill: { schema: REPORT_SCHEMA_ID, filter: options.filter },
    resources: RESOURCE_NAMES.map((name) => ({
      profile: 'tabular-data-resource',
      name,
      title: RESOURCE_TITLES[name],
      path: `${name}.csv`,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
      schema: TABLE_SCHEMAS[name],
    })),
  };
}

type Cell = string | number | null;

const json = (value: unknown): string => JSON.stringify(value);

/** Numbers as Table Schema reads them: no thousands separators, no "Infinity". */
const number = (value: number | null): Cell => (value === null || !Number.isFinite(value) ? null : value);

/** The rows of one report, per resource; only the measures at `positions` (and their children). */
export function dataPackageRows(report: Report, positions: readonly number[]): Record<ResourceName, Cell[][]> {
  const id = report.id;
  const goalOrd = new Map<string, number>();
  report.goals.forEach((goal, i) => {
    if (!goalOrd.has(goal.id)) goalOrd.set(goal.id, i);
  });
  const rows: Record<ResourceName, Cell[][]> = {
    documents: [
      [
        id, report.source.filename, report.source.format, report.source.bytes, report.source.pages, report.language.code,
        report.language.confidence, report.language.script, report.title, report.organization, report.period.year,
        report.period.quarter, report.extractorVersion,
      ],
    ],
    goals: report.goals.map((goal, i) => [id, i, `${id}:${i}`, goal.id, goal.number, goal.title]),
    measures: [],
    indicators: [],
    quantities: [],
    findings: report.findings.map((f, i) => [id, i, f.code, f.severity, f.message, json(f.location), f.cause ?? null]),
  };
  for (const i of positions) {
    const m = report.measures[i]!;
    const goal = m.goalId === null ? undefined : goalOrd.get(m.goalId);
    rows.measures.push([
      id, i, m.id, goal ?? null, goal === undefined ? null : `${id}:${goal}`, m.goalId, m.number, m.text, json(m.context),
      json(m.responsible), json(m.expectedResults), m.status.raw, m.status.normalized, calendarDate(m.start),
      calendarDate(m.end), number(m.score), m.narrative, m.source.table, json(m.source.rows), json(m.source.pages),
    ]);
    m.indicators.forEach((ind, j) => rows.indicators.push([id, i, j, ind.name, ind.baseline, ind.target, ind.actual]));
    m.quantities.forEach((q, j) => rows.quantities.push([id, i, j, number(q.value), q.unit, q.text]));
  }
  return rows;
}

export interface DataPackageSummary {
  documents: number;
  rows: Record<ResourceName, number>;
}

/**
 * Writes the package into `dir` (created if needed). Files are written under temporary names and
 * renamed at the end, so a failed export never leaves a package that looks complete.
 */
export async function exportDataPackage(
  store: ReportStore,
  dir: string,
  filter: ReportQuery = {},
  options: { now?: Date } = {},
): Promise<DataPackageSummary> {
  await mkdir(dir, { recursive: true });
  const partial = (name: string) => join(dir, `.${name}.partial`);
  const streams = Object.fromEntries(
    RESOURCE_NAMES.map((name) => [name, createWriteStream(partial(`${name}.csv`), { encoding: 'utf8' })]),
  ) as Record<ResourceName, WriteStream>;
  const summary: DataPackageSummary = {
    documents: 0,
    rows: Object.fromEntries(RESOURCE_NAMES.map((name) => [name, 0])) as Record<ResourceName, number>,
  };
  try {
    for (const name of RESOURCE_NAMES) await write(streams[name], csvRecord(TABLE_SCHEMAS[name].fields.map((f) => f.name)));
    for await (const { report, measures } of store.iterateSelected(filter)) {
      const rows = dataPackageRows(report, measures);
      for (const name of RESOURCE_NAMES) {
        for (const row of rows[name]) await write(streams[name], csvRecord(row));
        summary.rows[name] += rows[name].length;
      }
      summary.documents += 1;
    }
    await Promise.all(RESOURCE_NAMES.map((name) => { streams[name].end(); return finished(streams[name]); }));
    const descriptor = dataPackageDescriptor({ created: (options.now ?? new Date()).toISOString(), filter });
    await writeFile(partial('datapackage.json'), `${JSON.stringify(descriptor, null, 2)}\n`);
    for (const name of RESOURCE_NAMES) await rename(partial(`${name}.csv`), join(dir, `${name}.csv`));
    await rename(partial('datapackage.json'), join(dir, 'datapackage.json'));
    return summary;
  } catch (error) {
    // Let each file finish opening and close before removing it, or a late open re-creates it.
    await Promise.all(
      RESOURCE_NAMES.map((name) => {
        streams[name].destroy();
        return finished(streams[name]).catch(() => undefined);
      }),
    );
    await Promise.all(
      [...RESOURCE_NAMES.map((name) => `${name}.csv`), 'datapackage.json'].map((file) => rm(partial(file), { force: true })),
    );
    throw error;
  }
}
