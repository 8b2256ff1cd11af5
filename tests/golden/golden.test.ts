import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../pipelines/ingest/index.ts';
import type { Report } from '../../src/model/report.ts';
import { formatIndependent } from './projection.ts';

/**
 * Golden cases: fixtures/golden/<case>/ holds one report in several formats (input.txt as received,
 * input.html, input.md, input.docx, input.pdf, …) and ONE expected.json. Every input must give
 * exactly the expected goals, measures and table. UPDATE=1 rewrites expected.json from input.html
 * (the ground-truth structure); review the diff before committing it.
 */
const root = join(import.meta.dirname, '../../fixtures/golden');
const cases = readdirSync(root).filter((d) => existsSync(join(root, d, 'expected.json')) || process.env['UPDATE']);

async function ingest(path: string): Promise<Report> {
  const outcome = await ingestDocument({ bytes: new Uint8Array(readFileSync(path)), filename: path });
  if (outcome.status !== 'ok') throw new Error(`${path}: ${outcome.status} ${outcome.error.code} ${outcome.error.message}`);
  return outcome.report;
}

/** Body rows of the ground-truth HTML that are not group rows (one cell across the table). */
function groundTruthMeasureRows(htmlPath: string): number {
  const $ = cheerio.load(readFileSync(htmlPath, 'utf8'));
  const width = $('thead tr').first().find('th').toArray().reduce((n, th) => n + Number($(th).attr('colspan') ?? 1), 0);
  return $('tbody tr')
    .toArray()
    .filter((tr) => !($(tr).children('td').length === 1 && Number($(tr).children('td').attr('colspan') ?? 1) === width)).length;
}

describe.each(cases)('golden %s', (name) => {
  const dir = join(root, name);
  const expectedPath = join(dir, 'expected.json');
  const inputs = readdirSync(dir).filter((f) => f.startsWith('input'));

  it('has an expected.json written from the HTML ground truth', async () => {
    if (process.env['UPDATE']) {
      const report = await ingest(join(dir, 'input.html'));
      writeFileSync(expectedPath, `${JSON.stringify(formatIndependent(report), null, 2)}\n`);
    }
    expect(existsSync(expectedPath)).toBe(true);
  });

  it('expects one measure per non-group body row of the ground-truth table', () => {
    const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as { measures: unknown[] };
    expect(expected.measures.length).toBe(groundTruthMeasureRows(join(dir, 'input.html')));
  });

  it.each(inputs)('%s gives the expected report', async (input) => {
    const report = await ingest(join(dir, input));
    const expected: unknown = JSON.parse(readFileSync(expectedPath, 'utf8'));
    expect(formatIndependent(report)).toEqual(expected);
  });
});
