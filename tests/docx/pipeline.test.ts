import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../pipelines/ingest/index.ts';
import { formatIndependent } from '../golden/projection.ts';

/**
 * The real DOCX reports through the whole pipeline must give the same report as their text forms:
 * the same reviewed `fixtures/golden/<case>/expected.json` the HTML, Markdown and text inputs are
 * held to (language, title, goals, measures, normalized table).
 */
const SHARED = new URL('../../../shared/fixtures/', import.meta.url);
const GOLDEN = new URL('../../fixtures/golden/', import.meta.url);

const cases: [docx: string, golden: string][] = [
  ['ky-socfund-acp-2024q1.docx', 'ky-socfund-acp-2024q1'],
  ['ky-socfund-acp-2024q1-split.docx', 'ky-socfund-acp-2024q1'],
  ['mn-ndg-inspector-2024.docx', 'mn-ndg-inspector-2024'],
];

describe('DOCX through the ingest pipeline', () => {
  it.each(cases)('%s gives the golden report of %s', async (docx, golden) => {
    const outcome = await ingestDocument({ bytes: new Uint8Array(readFileSync(new URL(docx, SHARED))), filename: docx });
    if (outcome.status !== 'ok') throw new Error(`${docx}: ${outcome.status} ${outcome.error.code} ${outcome.error.message}`);
    expect(outcome.report.source.format).toBe('docx');
    const expected: unknown = JSON.parse(readFileSync(new URL(`${golden}/expected.json`, GOLDEN), 'utf8'));
    expect(formatIndependent(outcome.report)).toEqual(expected);
  });
});
