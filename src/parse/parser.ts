import type { DocTree } from '../model/doc-tree.ts';
import type { IngestErrorInfo } from '../model/ingest-error.ts';
import type { Limits } from '../sniff/limits.ts';

export interface ParseInput {
  bytes: Uint8Array;
  /** Name as received; used for messages and as a weak hint only. */
  filename: string;
  limits: Limits;
  /** Epoch ms by which the document should be read (the ingest time budget); slow work such as OCR stops then. */
  deadline?: number;
}

/**
 * A parser never throws for bad content. Odd content becomes findings inside the DocTree; input
 * that cannot be read at all becomes `{ ok: false, error }` with a stable code (e.g.
 * `docx/zip-bomb`, `pdf/encrypted`). Exceptions escaping a parser are bugs.
 */
export type ParseOutcome = { ok: true; doc: DocTree } | { ok: false; error: IngestErrorInfo };

export type Parser = (input: ParseInput) => Promise<ParseOutcome>;

export function parseFailure(code: string, message: string, permanent = true): ParseOutcome {
  return { ok: false, error: { code, message, permanent } };
}
