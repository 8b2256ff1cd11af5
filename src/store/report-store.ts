import type { Report } from '../model/report.ts';
import type { CursorPage, DocumentSummary, MeasureRecord, PageRequest, ReportQuery } from './query.ts';

/** What re-storing a report did: the same id, version and content again is `unchanged`. */
export type UpsertOutcome = 'inserted' | 'replaced' | 'unchanged';

export type { CursorPage, DocumentSummary, MeasureRecord, PageRequest, ReportQuery } from './query.ts';

/** A stored report with the measures a filter selected (positions in `report.measures`). */
export interface SelectedReport {
  report: Report;
  /** Every position when the filter has no measure-level part. */
  measures: number[];
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
  /** Several reports in one transaction (one commit for a batch); all or none are stored. */
  upsertReports(items: ReadonlyArray<{ report: Report; blobKey?: string }>): Promise<UpsertOutcome[]>;
  getReport(id: string): Promise<Report | null>;
  /**
   * Documents the filter matches, newest first (created time, then id), one page at a time.
   * Filter and cursor semantics: src/store/query.ts and docs/exports.md. A cursor that is not
   * one this list returned throws `store/bad-cursor`; a bad filter `store/bad-filter`.
   */
  listDocuments(filter?: ReportQuery, page?: PageRequest): Promise<CursorPage<DocumentSummary>>;
  /** Measures the filter matches, by document (newest first) then their order in the report. */
  listMeasures(filter?: ReportQuery, page?: PageRequest): Promise<CursorPage<MeasureRecord>>;
  recordFailure(id: string, filename: string, error: StoredFailure): Promise<void>;
  /** `null` when the store has never seen the document. */
  getStatus(id: string): Promise<DocumentStatus | null>;
  /** Every report the filter matches, in id order, read in batches so memory stays flat. */
  iterateReports(filter?: ReportQuery, options?: { batchSize?: number }): AsyncIterable<Report>;
  /** As iterateReports, with the positions of the measures the filter selects (for exports). */
  iterateSelected(filter?: ReportQuery, options?: { batchSize?: number }): AsyncIterable<SelectedReport>;
  tableCounts(): Promise<TableCounts>;
  close(): Promise<void>;
}
