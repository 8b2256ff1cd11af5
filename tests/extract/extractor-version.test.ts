import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeExtractorVersion, EXTRACTOR_SOURCES, EXTRACTOR_VERSION } from '../../src/extract/version.ts';

const repo = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'reportmill-version-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A package root with one small file per extractor source, a package.json and a lockfile. */
function makeRoot(name: string): string {
  const root = join(work, name);
  for (const source of EXTRACTOR_SOURCES) {
    const file = source.endsWith('.ts') ? join(root, source) : join(root, source, 'index.ts');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `export const where = ${JSON.stringify(source)};\n`);
  }
  mkdirSync(join(root, 'src/cli'), { recursive: true });
  writeFileSync(join(root, 'src/cli/main.ts'), 'export {};\n');
  writeFileSync(join(root, 'package.json'), JSON.stringify({ version: '1.2.3', dependencies: { 'pdfjs-dist': '^5.0.0' } }));
  writeFileSync(join(root, 'package-lock.json'), JSON.stringify({ packages: { 'node_modules/pdfjs-dist': { version: '5.4.296' } } }));
  return root;
}

describe('extractor version', () => {
  it('is the package version plus a hash; the same tree gives the same value', () => {
    const root = makeRoot('same');
    expect(computeExtractorVersion(root)).toMatch(/^1\.2\.3\+[0-9a-f]{12}$/);
    expect(computeExtractorVersion(root)).toBe(computeExtractorVersion(root));
    expect(computeExtractorVersion(makeRoot('same-again'))).toBe(computeExtractorVersion(root));
  });

  it.each([...EXTRACTOR_SOURCES])('changes when a file under %s changes', (source) => {
    const root = makeRoot(`edit-${source.replaceAll('/', '-')}`);
    const before = computeExtractorVersion(root);
    const file = source.endsWith('.ts') ? join(root, source) : join(root, source, 'index.ts');
    writeFileSync(file, `${readFileSync(file, 'utf8')}// changed\n`);
    expect(computeExtractorVersion(root)).not.toBe(before);
  });

  it('changes when a file is added or renamed, with the package version, and with a parser library version', () => {
    const root = makeRoot('other-changes');
    const seen = new Set([computeExtractorVersion(root)]);
    writeFileSync(join(root, 'src/tables/added.ts'), 'export {};\n');
    seen.add(computeExtractorVersion(root));
    rmSync(join(root, 'src/tables/added.ts'));
    writeFileSync(join(root, 'src/tables/renamed.ts'), 'export {};\n');
    seen.add(computeExtractorVersion(root));
    writeFileSync(join(root, 'package.json'), JSON.stringify({ version: '1.2.4', dependencies: { 'pdfjs-dist': '^5.0.0' } }));
    seen.add(computeExtractorVersion(root));
    writeFileSync(join(root, 'package-lock.json'), JSON.stringify({ packages: { 'node_modules/pdfjs-dist': { version: '5.5.0' } } }));
    seen.add(computeExtractorVersion(root));
    expect(seen.size).toBe(5);
  });

  it('does not change with code that does not shape reports (the CLI)', () => {
    const root = makeRoot('cli-only');
    const before = computeExtractorVersion(root);
    writeFileSync(join(root, 'src/cli/main.ts'), 'export const changed = true;\n');
    expect(computeExtractorVersion(root)).toBe(before);
  });

  it('from the sources equals what this checkout computes (the built CLI stamps the same: tests/cli)', () => {
    expect(EXTRACTOR_VERSION).toBe(computeExtractorVersion(repo));
  });
});
