/**
 * Writes the hand-made DOCX fixtures to fixtures/docx/ (and, with --expected, their golden
 * outputs). Run: `npx tsx tests/docx/make-fixtures.ts [--expected]`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURE_CASES } from './support/fixture-cases.ts';
import { goldenOf } from './support/golden.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'docx');
mkdirSync(root, { recursive: true });
for (const fixture of FIXTURE_CASES) {
  const bytes = fixture.build();
  writeFileSync(join(root, fixture.file), bytes);
  if (process.argv.includes('--expected')) {
    writeFileSync(join(root, `${fixture.file}.expected.json`), `${JSON.stringify(await goldenOf(bytes, fixture.file), null, 2)}\n`);
  }
  process.stderr.write(`${fixture.file}: ${bytes.length} bytes\n`);
}
