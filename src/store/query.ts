import { z } from 'zod';
import { LanguageCode, SourceFormat } from '../model/doc-tree.ts';
import { Goal, Measure, StatusValue } from '../model/report.ts';
import { StoreError } from './store-error.ts';

/**
 * The one filter behind `reportmill export` and the HTTP list endpoints (`GET /v1/documents`,
 * `GET /v1/measures`). Every field is a string as it arrives in a query string or a CLI flag, so
 * the same schema parses both and the OpenAPI document can be generated from it.
 *
 * Semantics (docs/exports.md, "Filters"):
 * - document fields (`documentId`, `language`, `format`, `organization`, `period`) select documents;
 * - measure fields (`status`, `goal`) select measures; a document matches when one of its
 *   measures does;
 * - `q` matches a measure whose text or goal title contains it, or a document whose title or
 *   file name contains it (then all its measures match);
 * - all given fields must hold (AND). Text comparisons are case-insensitive; `%` and `_` are literal.
 */
export const ReportQuery = z
  .object({
    documentId: z.string().regex(/^[0-9a-f]{64}$/).optional().describe('One document (sha256 of the original).'),
    language: LanguageCode.optional().describe('Document language, ISO 639-3 (e.g. "kir", "mon", "rus").'),
    format: SourceFormat.optional().describe('Source format of the document.'),
    organization: z.string().trim().min(1).max(200).optional().describe('Case-insensitive substring of the organization.'),
    period: z
      .string()
      .trim()
      .regex(/^\d{4}(?:-?[Qq][1-4])?$/)
      .optional()
      .describe('Reporting period: a year ("2024") or a quarter ("2024-Q1").'),
    status: StatusValue.optional().describe('Normalized measure status.'),
    goal: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe('A goal number as printed ("1", "1.", "IV", "2.3"), compared exactly; anything else is a case-insensitive substring of the goal title.'),
    q: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe('Case-insensitive text search over measure text, goal titles, document titles and file names.'),
  })
  .meta({ id: 'ReportQuery' });
export type ReportQuery = z.infer<typeof ReportQuery>;

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

export const PageRequest = z
  .object({
    cursor: z.string().min(1).max(500).optional().describe('`nextCursor` of the previous page; opaque.'),
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional().describe(`Page size, default ${DEFAULT_PAGE_SIZE}.`),
  })
  .meta({ id: 'PageRequest' });
export type PageRequest = z.infer<typeof PageRequest>;

export const DocumentSummary = z
  .object({
    id: z.string(),
    extractorVersion: z.string(),
    filename: z.string(),
    format: z.string(),
    bytes: z.number().int(),
    pages: z.number().int(),
    language: z.string(),
    title: z.string().nullable(),
    organization: z.string().nullable(),
    year: z.number().int().nullable(),
    quarter: z.number().int().nullable(),
    measures: z.number().int().describe('All measures of the document, whatever the filter.'),
    findings: z.number().int(),
    createdAt: z.string().describe('When the document was first stored (ISO 8601); the list order.'),
    storedAt: z.string().describe('When its current report was stored (ISO 8601).'),
  })
  .meta({ id: 'DocumentSummary' });
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const MeasureRecord = z
  .object({
    documentId: z.string(),
    filename: z.string(),
    language: z.string(),
    organization: z.string().nullable(),
    year: z.number().int().nullable(),
    quarter: z.number().int().nullable(),
    /** Position of the measure in its report's `measures`. */
    ord: z.number().int().min(0),
    goal: Goal.nullable(),
    measure: Measure,
  })
  .meta({ id: 'MeasureRecord' });
export type MeasureRecord = z.infer<typeof MeasureRecord>;

/** A zod schema of one page of `item`, for the HTTP layer and its OpenAPI document. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
  });
}

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

// ---------------------------------------------------------------------------------------------
// Cursors: base64url JSON of the last row's sort key. Opaque to clients; checked when decoded.

const DocumentCursor = z.object({ k: z.literal('d'), t: z.string().min(1).max(64), id: z.string().regex(/^[0-9a-f]{64}$/) });
const MeasureCursor = z.object({
  k: z.literal('m'),
  t: z.string().min(1).max(64),
  id: z.string().regex(/^[0-9a-f]{64}$/),
  o: z.number().int().min(0),
});
export type DocumentCursor = z.infer<typeof DocumentCursor>;
export type MeasureCursor = z.infer<typeof MeasureCursor>;

export function encodeCursor(value: DocumentCursor | MeasureCursor): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function decodeWith<T>(schema: z.ZodType<T>, cursor: string): T {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new StoreError('store/bad-cursor', 'the cursor is not one this list returned', { permanent: true });
  return parsed.data;
}

export const decodeDocumentCursor = (cursor: string): DocumentCursor => decodeWith(DocumentCursor, cursor);
export const decodeMeasureCursor = (cursor: string): MeasureCursor => decodeWith(MeasureCursor, cursor);

export function pageSize(limit: number | undefined): number {
  return Math.min(Math.max(Math.trunc(limit ?? DEFAULT_PAGE_SIZE), 1), MAX_PAGE_SIZE);
}

// ---------------------------------------------------------------------------------------------
// SQL. Aliases: `d` documents, `m` measures.

/** Collects WHERE conditions with numbered parameters. */
export class Conditions {
  readonly params: unknown[] = [];
  private readonly parts: string[] = [];

  /** Adds `sql($n)` with `value` as parameter $n; nothing when `value` is undefined. */
  add(sql: (placeholder: string) => string, value: unknown): void {
    if (value === undefined) return;
    this.parts.push(sql(this.param(value)));
  }

  /** Adds a condition without parameters. */
  raw(sql: string): void {
    this.parts.push(sql);
  }

  /** Registers a parameter and returns its placeholder. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  get where(): string {
    return this.parts.length === 0 ? '' : `WHERE ${this.parts.join(' AND ')}`;
  }
}

export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function parsePeriod(period: string): { year: number; quarter: number | null } {
  const match = /^(\d{4})(?:-?[Qq]([1-4]))?$/.exec(period.trim());
  if (match === null) throw new StoreError('store/bad-filter', `period must look like 2024 or 2024-Q1, not ${JSON.stringify(period)}`, { permanent: true });
  return { year: Number(match[1]), quarter: match[2] === undefined ? null : Number(match[2]) };
}

/** Parses an untrusted filter (CLI, HTTP, tests) or throws a permanent `store/bad-filter`. */
export function parseQuery(input: unknown): ReportQuery {
  const parsed = ReportQuery.strict().safeParse(input ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? `${first.path.join('.')}: ` : '';
    throw new StoreError('store/bad-filter', `${where}${first?.message ?? 'invalid filter'}`, { permanent: true });
  }
  return parsed.data;
}

const hasMeasureFilter = (query: ReportQuery): boolean => query.status !== undefined || query.goal !== undefined;

function documentConditions(where: Conditions, query: ReportQuery): void {
  where.add((p) => `d.id = ${p}`, query.documentId);
  where.add((p) => `d.language_code = ${p}`, query.language);
  where.add((p) => `d.format = ${p}`, query.format);
  where.add((p) => `d.organization ILIKE ${p}`, query.organization === undefined ? undefined : likePattern(query.organization));
  if (query.period !== undefined) {
    const { year, quarter } = parsePeriod(query.period);
    where.add((p) => `d.period_year = ${p}`, year);
    where.add((p) => `d.period_quarter = ${p}`, quarter ?? undefined);
  }
}

/** The measure-level predicate on `m` (and `d`): status, goal, and the text search. */
function measurePredicate(where: Conditions, query: ReportQuery): string[] {
  const parts: string[] = [];
  if (query.status !== undefined) parts.push(`m.status = ${where.param(query.status)}`);
  if (query.goal !== undefined) {
    // A goal number as printed ("2", "2.", "IV", "1.3") is compared exactly, anything else is
    // looked for in the goal titles: "2" must not match every title with a 2 in it.
    const numberLike = /^(?:\d+(?:\.\d+)*|[ivxlc]+)\.?$/i.test(query.goal);
    const match = numberLike
      ? `rtrim(lower(g.number), '.') = ${where.param(query.goal.toLowerCase().replace(/\.+$/, ''))}`
      : `g.title ILIKE ${where.param(likePattern(query.goal))}`;
    parts.push(`EXISTS (SELECT 1 FROM goals g WHERE g.document_id = m.document_id AND g.goal_id = m.goal_id AND ${match})`);
  }
  if (query.q !== undefined) {
    const like = where.param(likePattern(query.q));
    parts.push(
      `(m.text ILIKE ${like} OR d.title ILIKE ${like} OR d.filename ILIKE ${like}
        OR EXISTS (SELECT 1 FROM goals g WHERE g.document_id = m.document_id AND g.goal_id = m.goal_id AND g.title ILIKE ${like}))`,
    );
  }
  return parts;
}

/** WHERE conditions on `documents d` selecting the documents the filter matches. */
export function documentWhere(query: ReportQuery): Conditions {
  const where = new Conditions();
  documentConditions(where, query);
  if (hasMeasureFilter(query)) {
    const parts = measurePredicate(where, query);
    where.raw(`EXISTS (SELECT 1 FROM measures m WHERE m.document_id = d.id AND ${parts.join(' AND ')})`);
  } else if (query.q !== undefined) {
    const like = where.param(likePattern(query.q));
    where.raw(
      `(d.title ILIKE ${like} OR d.filename ILIKE ${like}
        OR EXISTS (SELECT 1 FROM measures m WHERE m.document_id = d.id AND m.text ILIKE ${like})
        OR EXISTS (SELECT 1 FROM goals g WHERE g.document_id = d.id AND g.title ILIKE ${like}
                     AND EXISTS (SELECT 1 FROM measures m WHERE m.document_id = d.id AND m.goal_id = g.goal_id)))`,
    );
  }
  return where;
}

/** WHERE conditions on `measures m JOIN documents d` selecting the measures the filter matches. */
export function measureWhere(query: ReportQuery): Conditions {
  const where = new Conditions();
  documentConditions(where, query);
  for (const part of measurePredicate(where, query)) where.raw(part);
  return where;
}

/** True when the filter may leave out some measures of a matching document. */
export const selectsMeasures = (query: ReportQuery): boolean => hasMeasureFilter(query) || query.q !== undefined;
