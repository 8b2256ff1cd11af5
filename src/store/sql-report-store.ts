import { createHash } from 'node:crypto';
import { Report } from '../model/report.ts';
import type { Goal, Measure } from '../model/report.ts';
import {
  decodeDocumentCursor,
  decodeMeasureCursor,
  documentWhere,
  encodeCursor,
  measureWhere,
  pageSize,
  parseQuery,
  selectsMeasures,
} from './query.ts';
import type { CursorPage, DocumentSummary, MeasureRecord, PageRequest, ReportQuery } from './query.ts';
import { migrate } from './migrate.ts';
import { insertStatements, reportRows } from './report-rows.ts';
import type { DocumentStatus, ReportStore, SelectedReport, StoredFailure, TableCounts, UpsertOutcome } from './report-store.ts';
import type { SqlClient, SqlExecutor } from './sql-client.ts';
import { StoreError } from './store-error.ts';

export interface SqlReportStoreOptions {
  /** Rows per INSERT statement. Smaller for PGlite, whose memory grows with statement size. */
  batchRows?: number;
}

const CHILD_TABLES = ['goals', 'measures', 'indicators', 'quantities', 'findings', 'normalized_tables'] as const;

const DOCUMENT_COLUMNS = [
  'id', 'extractor_version', 'report_hash', 'filename', 'format', 'bytes', 'pages', 'language_code',
  'language_confidence', 'language_script', 'title', 'organization', 'period_year', 'period_quarter',
  'blob_key', 'report',
] as const;

interface DocumentRow {
  id: string;
  extractor_version: string;
  filename: string;
  format: string;
  bytes: number | string;
  pages: number;
  language_code: string;
  title: string | null;
  organization: string | null;
  period_year: number | null;
  period_quarter: number | null;
  measure_count: number;
  finding_count: number;
  updated_at: Date | string;
  created_at: Date | string;
  cursor_time: string;
}

function isoTime(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

/** Exact, settings-independent text of a timestamptz: the cursor's sort key. */
const CURSOR_TIME = `to_char(d.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The one store implementation; PostgreSQL and PGlite differ only in the SqlClient handed in,
 * so both run the same schema, the same migrations and the same statements.
 */
export class SqlReportStore implements ReportStore {
  readonly kind: 'postgres' | 'pglite';
  private readonly batchRows: number;

  constructor(
    private readonly client: SqlClient,
    options: SqlReportStoreOptions = {},
  ) {
    this.kind = client.dialect;
    this.batchRows = options.batchRows ?? (client.dialect === 'pglite' ? 100 : 500);
  }

  async migrate(): Promise<void> {
    await migrate(this.client);
  }

  async upsertReport(input: Report, options: { blobKey?: string } = {}): Promise<UpsertOutcome> {
    const [outcome] = await this.upsertReports([{ report: input, ...options }]);
    return outcome!;
  }

  /**
   * Stores several reports in one transaction. A commit costs more than the rows of a small report
   * (PGlite writes its WAL to files on each), so a batch import pays it once per batch; a reader
   * still sees each document whole, old rows or new. All are checked against the schema before
   * anything is written, so one invalid report fails the call without a partial batch.
   */
  async upsertReports(items: ReadonlyArray<{ report: Report; blobKey?: string }>): Promise<UpsertOutcome[]> {
    const prepared = items.map(({ report: input, blobKey }) => {
      const parsed = Report.safeParse(input);
      if (!parsed.success) {
        throw new StoreError('store/invalid-report', `report does not match ${input.schema ?? 'the schema'}: ${parsed.error.message}`, {
          permanent: true,
        });
      }
      const report = parsed.data;
      // Serialised once: the same text is hashed (to recognise a re-import) and stored.
      const json = JSON.stringify(report);
      const hash = createHash('sha256').update(json).digest('hex');
      const values = [
        report.id, report.extractorVersion, hash, report.source.filename, report.source.format, report.source.bytes,
        report.source.pages, report.language.code, report.language.confidence, report.language.script, report.title,
        report.organization, report.period.year, report.period.quarter, blobKey ?? null, json,
      ];
      return { report, hash, values };
    });
    if (prepared.length === 0) return [];
    return this.client.transaction(async (tx) => {
      const outcomes: UpsertOutcome[] = [];
      for (const item of prepared) outcomes.push(await this.upsertIn(tx, item.report, item.hash, item.values));
      return outcomes;
    });
  }

  private async upsertIn(tx: SqlExecutor, report: Report, hash: string, values: unknown[]): Promise<UpsertOutcome> {
    let current = await this.lockDocument(tx, report.id);
    if (current === undefined) {
      const placeholders = DOCUMENT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
      const inserted = await tx.query(
        `INSERT INTO documents (${DOCUMENT_COLUMNS.join(', ')}) VALUES (${placeholders})
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        values,
      );
      if (inserted.length === 1) {
        await this.insertChildren(tx, report);
        await tx.query('DELETE FROM ingest_failures WHERE document_id = $1', [report.id]);
        return 'inserted';
      }
      // Another worker inserted it between our SELECT and INSERT; its transaction has committed
      // (ON CONFLICT waited for it), so lock that row and compare like any re-import.
      current = await this.lockDocument(tx, report.id);
      if (current === undefined) throw new StoreError('store/conflict', `document ${report.id} vanished during upsert`, { permanent: false });
    }
    await tx.query('DELETE FROM ingest_failures WHERE document_id = $1', [report.id]);
    if (current.extractor_version === report.extractorVersion && current.report_hash === hash) return 'unchanged';

    const assignments = DOCUMENT_COLUMNS.slice(1).map((column, i) => `${column} = $${i + 2}`).join(', ');
    await tx.query(`UPDATE documents SET ${assignments}, updated_at = now() WHERE id = $1`, values);
    for (const table of CHILD_TABLES) await tx.query(`DELETE FROM ${table} WHERE document_id = $1`, [report.id]);
    await this.insertChildren(tx, report);
    return 'replaced';
  }

  private async lockDocument(
    tx: SqlExecutor,
    id: string,
  ): Promise<{ extractor_version: string; report_hash: string } | undefined> {
    const rows = await tx.query<{ extractor_version: string; report_hash: string }>(
      'SELECT extractor_version, report_hash FROM documents WHERE id = $1 FOR UPDATE',
      [id],
    );
    return rows[0];
  }

  private async insertChildren(tx: SqlExecutor, report: Report): Promise<void> {
    for (const set of reportRows(report)) {
      for (const statement of insertStatements(set, this.batchRows)) await tx.query(statement.text, statement.params);
    }
  }

  async getReport(id: string): Promise<Report | null> {
    const rows = await this.client.query<{ report: unknown }>('SELECT report FROM documents WHERE id = $1', [id]);
    const row = rows[0];
    return row === undefined ? null : this.readReport(row.report);
  }

  private readReport(stored: unknown): Report {
    const value = typeof stored === 'string' ? (JSON.parse(stored) as unknown) : stored;
    const parsed = Report.safeParse(value);
    if (!parsed.success) {
      throw new StoreError('store/corrupt-row', `stored report no longer matches the schema: ${parsed.error.message}`, {
        permanent: true,
      });
    }
    return parsed.data;
  }

  async listDocuments(filter: ReportQuery = {}, page: PageRequest = {}): Promise<CursorPage<DocumentSummary>> {
    const where = documentWhere(parseQuery(filter));
    if (page.cursor !== undefined) {
      const after = decodeDocumentCursor(page.cursor);
      where.raw(`(d.created_at, d.id) < (${where.param(after.t)}::timestamptz, ${where.param(after.id)})`);
    }
    const limit = pageSize(page.limit);
    const rows = await this.client.query<DocumentRow>(
      `SELECT d.id, d.extractor_version, d.filename, d.format, d.bytes, d.pages, d.language_code, d.title,
              d.organization, d.period_year, d.period_quarter, d.updated_at, d.created_at, ${CURSOR_TIME} AS cursor_time,
              (SELECT count(*)::int FROM measures m WHERE m.document_id = d.id) AS measure_count,
              (SELECT count(*)::int FROM findings f WHERE f.document_id = d.id) AS finding_count
         FROM documents d ${where.where}
        ORDER BY d.created_at DESC, d.id DESC
        LIMIT ${where.param(limit + 1)}`,
      where.params,
    );
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map((row) => ({
        id: row.id,
        extractorVersion: row.extractor_version,
        filename: row.filename,
        format: row.format,
        bytes: Number(row.bytes),
        pages: row.pages,
        language: row.language_code,
        title: row.title,
        organization: row.organization,
        year: row.period_year,
        quarter: row.period_quarter,
        measures: row.measure_count,
        findings: row.finding_count,
        createdAt: isoTime(row.created_at),
        storedAt: isoTime(row.updated_at),
      })),
      nextCursor: rows.length > limit && last !== undefined ? encodeCursor({ k: 'd', t: last.cursor_time, id: last.id }) : null,
    };
  }

  async listMeasures(filter: ReportQuery = {}, page: PageRequest = {}): Promise<CursorPage<MeasureRecord>> {
    const where = measureWhere(parseQuery(filter));
    if (page.cursor !== undefined) {
      const after = decodeMeasureCursor(page.cursor);
      const t = where.param(after.t);
      const id = where.param(after.id);
      where.raw(
        `((d.created_at, d.id) < (${t}::timestamptz, ${id})
          OR (d.created_at = ${t}::timestamptz AND d.id = ${id} AND m.ord > ${where.param(after.o)}))`,
      );
    }
    const limit = pageSize(page.limit);
    const rows = await this.client.query<{
      document_id: string;
      ord: number;
      filename: string;
      language_code: string;
      organization: string | null;
      period_year: number | null;
      period_quarter: number | null;
      cursor_time: string;
      data: unknown;
      goal_id: string | null;
      goal_number: string | null;
      goal_title: string | null;
    }>(
      // LATERAL … LIMIT 1: a report that repeats a goal id must not duplicate its measures here.
      `SELECT m.document_id, m.ord, d.filename, d.language_code, d.organization, d.period_year, d.period_quarter,
              ${CURSOR_TIME} AS cursor_time, m.data, g.goal_id, g.number AS goal_number, g.title AS goal_title
         FROM measures m JOIN documents d ON d.id = m.document_id
         LEFT JOIN LATERAL (SELECT goal_id, number, title FROM goals
                             WHERE goals.document_id = m.document_id AND goals.goal_id = m.goal_id
                             ORDER BY ord LIMIT 1) g ON true
         ${where.where}
        ORDER BY d.created_at DESC, d.id DESC, m.ord
        LIMIT ${where.param(limit + 1)}`,
      where.params,
    );
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map((row) => {
        const goal: Goal | null =
          row.goal_id === null || row.goal_title === null
            ? null
            : { id: row.goal_id, number: row.goal_number, title: row.goal_title };
        const measure = (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Measure;
        return {
          documentId: row.document_id,
          filename: row.filename,
          language: row.language_code,
          organization: row.organization,
          year: row.period_year,
          quarter: row.period_quarter,
          ord: row.ord,
          goal,
          measure,
        };
      }),
      nextCursor:
        rows.length > limit && last !== undefined
          ? encodeCursor({ k: 'm', t: last.cursor_time, id: last.document_id, o: last.ord })
          : null,
    };
  }

  async recordFailure(id: string, filename: string, error: StoredFailure): Promise<void> {
    await this.client.query(
      `INSERT INTO ingest_failures (document_id, filename, code, message) VALUES ($1, $2, $3, $4)
       ON CONFLICT (document_id) DO UPDATE
         SET filename = EXCLUDED.filename, code = EXCLUDED.code, message = EXCLUDED.message, failed_at = now()`,
      [id, filename, error.code, error.message],
    );
  }

  async getStatus(id: string): Promise<DocumentStatus | null> {
    const rows = await this.client.query<{
      extractor_version: string | null;
      updated_at: Date | string | null;
      filename: string | null;
      code: string | null;
      message: string | null;
      failed_at: Date | string | null;
    }>(
      `SELECT d.extractor_version, d.updated_at, f.filename, f.code, f.message, f.failed_at
         FROM (SELECT $1::text AS id) k
         LEFT JOIN documents d ON d.id = k.id
         LEFT JOIN ingest_failures f ON f.document_id = k.id`,
      [id],
    );
    const row = rows[0];
    if (row === undefined) return null;
    const failedAt = row.failed_at === null ? null : isoTime(row.failed_at);
    const storedAt = row.updated_at === null ? null : isoTime(row.updated_at);
    if (failedAt !== null && row.code !== null && (storedAt === null || failedAt > storedAt)) {
      return {
        state: 'failed',
        id,
        filename: row.filename ?? '',
        error: { code: row.code, message: row.message ?? '' },
        failedAt,
      };
    }
    if (storedAt !== null && row.extractor_version !== null) {
      return { state: 'done', id, extractorVersion: row.extractor_version, storedAt };
    }
    return null;
  }

  async *iterateReports(filter: ReportQuery = {}, options: { batchSize?: number } = {}): AsyncIterable<Report> {
    for await (const selected of this.readBatches(filter, options, false)) yield selected.report;
  }

  iterateSelected(filter: ReportQuery = {}, options: { batchSize?: number } = {}): AsyncIterable<SelectedReport> {
    return this.readBatches(filter, options, true);
  }

  /** Reports in id order, a batch per query; `positions` also reads which measures the filter selects. */
  private async *readBatches(filter: ReportQuery, options: { batchSize?: number }, positions: boolean): AsyncIterable<SelectedReport> {
    const query = parseQuery(filter);
    const batchSize = Math.max(1, options.batchSize ?? (this.kind === 'pglite' ? 20 : 100));
    const narrows = positions && selectsMeasures(query);
    let after = '';
    for (;;) {
      const where = documentWhere(query);
      where.raw(`d.id > ${where.param(after)}`);
      const rows = await this.client.query<{ id: string; report: unknown }>(
        `SELECT d.id, d.report FROM documents d ${where.where} ORDER BY d.id LIMIT ${where.param(batchSize)}`,
        where.params,
      );
      let selected: Map<string, number[]> | undefined;
      if (narrows && rows.length > 0) {
        // One query per batch: the positions of the matching measures of these documents.
        const measures = measureWhere(query);
        measures.raw(`m.document_id = ANY(${measures.param(rows.map((r) => r.id))}::text[])`);
        const ords = await this.client.query<{ document_id: string; ord: number }>(
          `SELECT m.document_id, m.ord FROM measures m JOIN documents d ON d.id = m.document_id ${measures.where}
            ORDER BY m.document_id, m.ord`,
          measures.params,
        );
        selected = new Map();
        for (const row of ords) {
          const list = selected.get(row.document_id);
          if (list === undefined) selected.set(row.document_id, [row.ord]);
          else list.push(row.ord);
        }
      }
      for (const row of rows) {
        const report = this.readReport(row.report);
        yield { report, measures: selected?.get(row.id) ?? (narrows ? [] : report.measures.map((_, i) => i)) };
      }
      const last = rows.at(-1);
      if (last === undefined || rows.length < batchSize) return;
      after = last.id;
    }
  }

  async tableCounts(): Promise<TableCounts> {
    const tables = ['documents', ...CHILD_TABLES, 'ingest_failures'] as const;
    const rows = await this.client.query<Record<string, number>>(
      `SELECT ${tables.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ')}`,
    );
    const row = rows[0] ?? {};
    const counts = {} as TableCounts;
    for (const table of tables) counts[table] = Number(row[table] ?? 0);
    return counts;
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
