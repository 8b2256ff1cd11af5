// Builds dist/: compiles src/, pipelines/ and workers/ with tsc and copies the files the code reads
// at run time (SQL migrations). Run by `npm ci` / `npm install` (the `prepare` script) and by
// `npm test`, so the CLI (bin/reportmill.mjs → dist/) never runs anything older than the sources.
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

rmSync(dist, { recursive: true, force: true });
const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (compiled.status !== 0) {
  rmSync(dist, { recursive: true, force: true }); // never leave a half build for the CLI to run
  process.exit(compiled.status ?? 1);
}
cpSync(join(root, 'src/store/migrations'), join(dist, 'src/store/migrations'), { recursive: true, filter: (path) => !path.endsWith('.ts') });
