import { readFileSync } from 'node:fs';
import { DocTree } from '../../../src/model/doc-tree.ts';
import type { IngestErrorInfo } from '../../../src/model/ingest-error.ts';
import { parseDocx } from '../../../src/parse/docx/index.ts';
import { DEFAULT_LIMITS, type Limits } from '../../../src/sniff/limits.ts';

const FIXTURES = new URL('../../../fixtures/docx/', import.meta.url);

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

/** Parses and checks the result against the DocTree schema; throws if the file was refused. */
export async function readDocx(bytes: Uint8Array, limits: Partial<Limits> = {}): Promise<DocTree> {
  const outcome = await parseDocx({ bytes, filename: 'test.docx', limits: { ...DEFAULT_LIMITS, ...limits } });
  if (!outcome.ok) throw new Error(`refused: ${outcome.error.code}: ${outcome.error.message}`);
  return DocTree.parse(outcome.doc);
}

/** Parses a file that must be refused and returns the error. */
export async function refusal(bytes: Uint8Array, limits: Partial<Limits> = {}): Promise<IngestErrorInfo> {
  const outcome = await parseDocx({ bytes, filename: 'test.docx', limits: { ...DEFAULT_LIMITS, ...limits } });
  if (outcome.ok) throw new Error('the file was read, but it should have been refused');
  return outcome.error;
}
