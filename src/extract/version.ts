/**
 * Version of the extraction logic. Stored reports are keyed by document id + this version: bump it
 * whenever parsing, normalization or extraction changes output, so stored documents get reprocessed.
 */
export const EXTRACTOR_VERSION = '0.2.0';
