import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { MIGRATION_FILES } from '../../src/store/migrations/index.ts';
import { isCurrentTemplate, isUsableTemplate, pgliteVersion, seedDataDir } from '../../src/store/pglite-template.ts';

const dirs: string[] = [];
const temp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'reportmill-template-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A stand-in for the template the build makes: a few files, PG_VERSION, and the stamp. */
function fakeTemplate(version = pgliteVersion(), migrations?: readonly string[]): string {
  const dir = temp();
  mkdirSync(join(dir, 'base/1'), { recursive: true });
  writeFileSync(join(dir, 'base/1/1259'), `catalog ${Math.random()}`);
  writeFileSync(join(dir, 'postgresql.conf'), `# conf ${Math.random()}\n`);
  writeFileSync(join(dir, 'PG_VERSION'), '18\n');
  writeFileSync(join(dir, 'reportmill-template.json'), JSON.stringify({ pglite: version, migrations }));
  return dir;
}

describe('embedded store template', () => {
  test('a new data directory is a copy of the template, without its stamp', async () => {
    const template = fakeTemplate();
    const dataDir = join(temp(), 'db');
    mkdirSync(dataDir);
    expect(await seedDataDir(dataDir, template)).toBe('copied');
    for (const file of ['base/1/1259', 'postgresql.conf', 'PG_VERSION']) {
      expect(readFileSync(join(dataDir, file), 'utf8')).toBe(readFileSync(join(template, file), 'utf8'));
    }
    expect(existsSync(join(dataDir, 'reportmill-template.json'))).toBe(false);
  });

  test('an existing database is left alone', async () => {
    const template = fakeTemplate();
    const dataDir = temp();
    writeFileSync(join(dataDir, 'PG_VERSION'), 'mine\n');
    expect(await seedDataDir(dataDir, template)).toBe('existing');
    expect(readFileSync(join(dataDir, 'PG_VERSION'), 'utf8')).toBe('mine\n');
    expect(existsSync(join(dataDir, 'postgresql.conf'))).toBe(false);
  });

  test('a copy cut short (no PG_VERSION yet) is redone', async () => {
    const template = fakeTemplate();
    const dataDir = temp();
    writeFileSync(join(dataDir, 'postgresql.conf'), 'half\n');
    expect(await seedDataDir(dataDir, template)).toBe('copied');
    expect(readFileSync(join(dataDir, 'postgresql.conf'), 'utf8')).toBe(readFileSync(join(template, 'postgresql.conf'), 'utf8'));
  });

  test('a template made by another PGlite version, or left incomplete, is not used', () => {
    expect(isUsableTemplate(fakeTemplate())).toBe(true);
    expect(isUsableTemplate(fakeTemplate('0.0.1'))).toBe(false);
    const incomplete = fakeTemplate();
    rmSync(join(incomplete, 'PG_VERSION'));
    expect(isUsableTemplate(incomplete)).toBe(false);
    expect(isUsableTemplate(join(temp(), 'missing'))).toBe(false);
  });

  test('the build remakes a template that lacks a migration of this build, though stores may still copy it', () => {
    expect(isCurrentTemplate(fakeTemplate(pgliteVersion(), MIGRATION_FILES))).toBe(true);
    const older = fakeTemplate(pgliteVersion(), MIGRATION_FILES.slice(0, -1));
    expect(isCurrentTemplate(older)).toBe(false);
    expect(isUsableTemplate(older)).toBe(true);
    expect(isCurrentTemplate(fakeTemplate())).toBe(false);
    expect(isCurrentTemplate(fakeTemplate('0.0.1', MIGRATION_FILES))).toBe(false);
  });
});
