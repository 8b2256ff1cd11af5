/**
 * Resource limits applied before and while parsing. Reports come from outside, so every size is
 * capped: a 10 KB DOCX that inflates to 10 GB (zip bomb) must fail fast with a clear code.
 */
export interface Limits {
  /** Largest input file accepted at all. */
  maxInputBytes: number;
  /** ZIP containers (DOCX): largest single uncompressed entry. */
  maxEntryBytes: number;
  /** ZIP containers: total uncompressed bytes over all entries read. */
  maxTotalUncompressedBytes: number;
  /** ZIP containers: uncompressed/compressed ratio above which an entry is treated as a bomb. */
  maxCompressionRatio: number;
  /** ZIP containers: most entries accepted. */
  maxEntries: number;
  /** PDF: most pages read. */
  maxPages: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxInputBytes: 200 * 1024 * 1024,
  maxEntryBytes: 100 * 1024 * 1024,
  maxTotalUncompressedBytes: 300 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxEntries: 10_000,
  maxPages: 2_000,
};
