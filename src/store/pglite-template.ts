import { execFile } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIGRATION_FILES } from './migrations/index.ts';

/**
 * A fresh embedded database, made once and copied for every new store. PGlite's initdb needs about
 * 830 MB of WebAssembly memory and 8 CPU s (it builds the catalog in an in-memory PGlite, then
 * copies it out); copying its result is 40 MB of files and no PGlite at all. The build
 * (scripts/build.mjs) makes the template in dist/; without one (a source checkout never built, a
 * different PGlite) a new store is still created by initdb, in a short-lived process of its own.
 */

/** Marks a complete template and says which PGlite made it: another version's catalog may not open. */
const STAMP = 'reportmill-template.json';
/** Written last into a new data directory, so a copy cut short is redone instead of opened. */
const FINAL_FILE = 'PG_VERSION';

const require = createRequire(import.meta.url);

export function pgliteVersion(): string {
  const main = require.resolve('@electric-sql/pglite');
  // The package's main file lives in dist/; package.json is one level above it.
  const pkg = JSON.parse(readFileSync(join(main, '../../package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** dist/pglite-template, from the compiled module (dist/src/store/) or from the sources (src/store/). */
export function defaultTemplateDir(): string {
  const here = fileURLToPath(import.meta.url);
  return here.endsWith('.ts') ? join(here, '../../../dist/pglite-template') : join(here, '../../../pglite-template');
}

export function isUsableTemplate(dir: string): boolean {
  try {
    const stamp = JSON.parse(readFileSync(join(dir, STAMP), 'utf8')) as { pglite?: string };
    return stamp.pglite === pgliteVersion() && existsSync(join(dir, FINAL_FILE));
  } catch {
    return false;
  }
}

/** Runs PGlite's initdb into `dataDir` in a child process, so its memory is given back when it exits. */
export async function initdbApart(dataDir: string): Promise<void> {
  const pglite = require.resolve('@electric-sql/pglite');
  const script = 'const { PGlite } = require(process.argv[1]); PGlite.create(process.argv[2]).then((db) => db.close());';
  await new Promise<void>((resolve, reject) => {
    execFile(process.execPath, ['-e', script, pglite, dataDir], (error, _stdout, stderr) => {
      if (error) reject(new Error(`could not create the embedded database in ${dataDir}: ${stderr.trim() || error.message}`));
      else resolve();
    });
  });
}

/**
 * A usable template that also holds every migration of this build: a store copied from it finds
 * nothing to migrate (one query instead of a transaction per migration, 0.2–0.8 CPU s on a new store).
 */
export function isCurrentTemplate(dir: string): boolean {
  if (!isUsableTemplate(dir)) return false;
  try {
    const stamp = JSON.parse(readFileSync(join(dir, STAMP), 'utf8')) as { migrations?: string[] };
    return JSON.stringify(stamp.migrations) === JSON.stringify(MIGRATION_FILES);
  } catch {
    return false;
  }
}

/** Makes the template in `dir` (replacing whatever is there), migrated. */
export async function createTemplate(dir: string): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  await initdbApart(dir);
  // Migrated here once rather than in every new store. Opening the template is safe: it is not yet
  // stamped, so no store copies it meanwhile, and a store that finds migrations applied skips them.
  const { createPgliteClient } = await import('./pglite-client.ts');
  const { migrate } = await import('./migrate.ts');
  const client = await createPgliteClient(dir);
  try {
    await migrate(client);
  } finally {
    await client.close();
  }
  writeFileSync(join(dir, STAMP), `${JSON.stringify({ pglite: pgliteVersion(), migrations: MIGRATION_FILES })}\n`);
}

/**
 * Gives `dataDir` (existing, possibly empty, held under the caller's lock) a fresh database unless
 * it has one: copied from the template when there is a usable one, else made by initdb.
 */
export async function seedDataDir(dataDir: string, templateDir = defaultTemplateDir()): Promise<'existing' | 'copied' | 'initdb'> {
  if (existsSync(join(dataDir, FINAL_FILE))) return 'existing';
  if (!isUsableTemplate(templateDir)) {
    await initdbApart(dataDir);
    return 'initdb';
  }
  for (const name of readdirSync(templateDir)) {
    if (name === STAMP || name === FINAL_FILE) continue;
    cpSync(join(templateDir, name), join(dataDir, name), { recursive: true, force: true });
  }
  cpSync(join(templateDir, FINAL_FILE), join(dataDir, FINAL_FILE));
  return 'copied';
}
