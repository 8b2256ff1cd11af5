import type { Goal, Measure, Report, StatusValue } from '../model/report.ts';

/** What re-storing a report did: the same id, version and content again is `unchanged`. */
export type UpsertOutcome = 'inserted' | 'replaced' | 'unchanged';

export interface DocumentSummary {
  id: string;
  extractorVersion: string;
  filename: string;
  format: string;
  bytes: number;
  pages: number;
  language: string;
  title: string | null;
  organization: string | null;
  year: number | null;
  quarter: number | null;
  measures: number;
  findings: number;
  storedAt: string;
}

export interface Paging {
  /** Default 100, at most 1000. */
  limit?: number;
  offset?: number;
}

export interface ReportFilter extends Paging {
  language?: string;
  format?: string;
  organization?: string;
  year?: number;
  quarter?: number;
  extractorVersion?: string;
  /** Case-insensitive substring of title or filename. */
  q?: string;
}

export interface MeasureFilter extends Paging {
  documentId?: string;
  goalId?: string;
  status?: StatusValue;
  language?: string;
  year?: number;
  /** Case-insensitive substring of any responsible body. */
  responsible?: string;
  /** Case-insensitive substring of the measure text. */
  q?: string;
}

export interface MeasureRecord {
  documentId: string;
  filename: string;
  goal: Goal | null;
  measure: Measure;
}

export interface Page<T> {
  items: T[];
  /** All matches, ignoring limit and offset. */
  total: number;
}

export interface StoredFailure {
  code: string;
  message: string;
}

export type DocumentStatus =
  | { state: 'done'; id: string; extractorVersion: string; storedAt: string }
  | { state: 'failed'; id: string; filename: string; error: StoredFailure; failedAt: string };

/** Row counts per table; for diagnostics and for tests that prove nothing was duplicated. */
export type TableCounts = Record<
  'documents' | 'goals' | 'measures' | 'indicators' | 'quantities' | 'findings' | 'normalized_tables' | 'ingest_failures',
  number
>;

/**
 * Where reports live. Keyed by document id (sha256 of the original) plus extractor version:
 * storing the same report twice changes nothing, a new version replaces the document's rows.
 */
export interface ReportStore {
  readonly kind: 'postgres' | 'pglite';
  migrate(): Promise<void>;
  upsertReport(report: Report, options?: { blobKey?: string }): Promise<UpsertOutcome>;
  getReport(id: string): Promise<Report | null>;
  listReports(filter?: ReportFilter): Promise<Page<DocumentSummary>>;
  listMeasures(filter?: MeasureFilter): Promise<Page<MeasureRecord>>;
  recordFailure(id: string, filename: string, error: StoredFailure): Promise<void>;
  /** `null` when the store has never seen the document. */
  getStatus(id: string): Promise<DocumentStatus | null>;
  /** Every stored report in id order, read in batches so memory stays flat. */
  iterateReports(options?: { batchSize?: number }): AsyncIterable<Report>;
  tableCounts(): Promise<TableCounts>;
  close(): Promise<void>;
}
