import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURE_CASES } from './support/fixture-cases.ts';
import { goldenOf } from './support/golden.ts';

/**
 * Golden runner for the hand-made inputs in `fixtures/docx/`: each `<name>` has a
 * `<name>.expected.json` (the DocTree, or the failure code). `UPDATE=1 npx vitest run tests/docx`
 * rewrites the expectations; review the diff before committing it.
 */
const DIR = new URL('../../fixtures/docx/', import.meta.url);
const update = process.env['UPDATE'] === '1';

describe('fixtures/docx', () => {
  it.each(FIXTURE_CASES.map((f) => [f.file, f] as const))('%s is what the builder makes', (_, fixture) => {
    // The committed bytes must stay reproducible from tests/docx/support/fixture-cases.ts.
    const committed = new Uint8Array(readFileSync(new URL(fixture.file, DIR)));
    expect(Buffer.from(committed).equals(Buffer.from(fixture.build()))).toBe(true);
  });

  it.each(FIXTURE_CASES.map((f) => [f.file, f] as const))('%s reads as expected', async (_, fixture) => {
    const bytes = new Uint8Array(readFileSync(new URL(fixture.file, DIR)));
    const actual = await goldenOf(bytes, fixture.file);
    const expectedUrl = new URL(`${fixture.file}.expected.json`, DIR);
    if (update) writeFileSync(expectedUrl, `${JSON.stringify(actual, null, 2)}\n`);
    expect(existsSync(expectedUrl), `${fixture.file}.expected.json is missing: run with UPDATE=1`).toBe(true);
    expect(actual).toEqual(JSON.parse(readFileSync(expectedUrl, 'utf8')));
    if (fixture.failure) expect(actual).toEqual({ ok: false, code: fixture.failure });
    else expect(actual).toMatchObject({ ok: true });
  });
});
