/**
 * Resource limits applied before and while parsing. Reports come from outside, so every size is
 * capped: a 10 KB DOCX that inflates to 10 GB (zip bomb) must fail fast with a clear code.
 * docs/limits.md lists every limit with its code, default, flag and environment variable.
 */
export interface Limits {
  /** Largest input file accepted at all (`input/too-large`). */
  maxInputBytes: number;
  /** ZIP containers (DOCX): largest single uncompressed entry. */
  maxEntryBytes: number;
  /** ZIP containers: total uncompressed bytes over all entries read. */
  maxTotalUncompressedBytes: number;
  /** ZIP containers: uncompressed/compressed ratio above which an entry is treated as a bomb. */
  maxCompressionRatio: number;
  /** ZIP containers: most entries accepted. */
  maxEntries: number;
  /** PDF: most pages read (the rest is left with a `pdf/page-limit` finding). */
  maxPages: number;
  /** Most table rows in one document, all tables together (`input/too-many-rows`). */
  maxTableRows: number;
  /** Most table cells in one document, all tables together (`input/too-many-cells`). */
  maxTableCells: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxInputBytes: 200 * 1024 * 1024,
  maxEntryBytes: 100 * 1024 * 1024,
  maxTotalUncompressedBytes: 300 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxEntries: 10_000,
  maxPages: 2_000,
  maxTableRows: 20_000,
  maxTableCells: 400_000,
};

/** How each parse runs: in its own process, stopped at these limits (pipelines/ingest/parse-pool.ts). */
export interface RunLimits {
  /** Seconds one document may take to read (`input/timeout`). */
  timeoutSeconds: number;
  /** MB of JavaScript heap for one document's reader; its process is also stopped past a resident-memory ceiling (`input/too-complex`). */
  maxHeapMb: number;
}

export const DEFAULT_RUN_LIMITS: RunLimits = { timeoutSeconds: 120, maxHeapMb: 512 };

type Env = Record<string, string | undefined>;

/** The limits users set, by flag and by environment variable, in the units they are given in. */
export const LIMIT_SETTINGS = [
  { flag: 'max-bytes', env: 'REPORTMILL_MAX_BYTES', unit: 'MB', apply: (v: number, l: AllLimits) => (l.maxInputBytes = Math.round(v * 1024 * 1024)) },
  { flag: 'max-pages', env: 'REPORTMILL_MAX_PAGES', unit: 'pages', apply: (v: number, l: AllLimits) => (l.maxPages = Math.round(v)) },
  { flag: 'max-rows', env: 'REPORTMILL_MAX_ROWS', unit: 'rows', apply: (v: number, l: AllLimits) => (l.maxTableRows = Math.round(v)) },
  { flag: 'max-cells', env: 'REPORTMILL_MAX_CELLS', unit: 'cells', apply: (v: number, l: AllLimits) => (l.maxTableCells = Math.round(v)) },
  { flag: 'timeout', env: 'REPORTMILL_TIMEOUT', unit: 's', apply: (v: number, l: AllLimits) => (l.timeoutSeconds = v) },
  { flag: 'max-heap', env: 'REPORTMILL_MAX_HEAP', unit: 'MB', apply: (v: number, l: AllLimits) => (l.maxHeapMb = Math.round(v)) },
] as const;

export type AllLimits = Limits & RunLimits;
export type LimitFlag = (typeof LIMIT_SETTINGS)[number]['flag'];

/** Defaults, then `REPORTMILL_*` variables, then flags; throws with the setting's name on a bad value. */
export function resolveLimits(flags: Partial<Record<LimitFlag, string | undefined>> = {}, env: Env = process.env): AllLimits {
  const limits: AllLimits = { ...DEFAULT_LIMITS, ...DEFAULT_RUN_LIMITS };
  for (const setting of LIMIT_SETTINGS) {
    for (const [name, raw] of [[setting.env, env[setting.env]], [`--${setting.flag}`, flags[setting.flag]]] as const) {
      if (raw === undefined || raw.trim() === '') continue;
      const value = Number(raw);
      if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be a positive number (${setting.unit}), got ${JSON.stringify(raw)}.`);
      setting.apply(value, limits);
    }
  }
  return limits;
}

/** The parse limits out of all limits (what travels with each document to its reader). */
export function parseLimits(all: AllLimits): Limits {
  const { timeoutSeconds: _t, maxHeapMb: _h, ...limits } = all;
  return limits;
}
