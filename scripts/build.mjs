// Builds dist/: compiles src/, pipelines/ and workers/ with tsc, copies the files the code reads at
// run time (SQL migrations), stamps the extractor version and keeps a fresh embedded database to
// copy for new stores. Run by `npm ci` / `npm install` (the
// `prepare` script), by npx's first run of the local bin, and by `npm test`, so the CLI
// (bin/reportmill.mjs → dist/) never runs anything older than the sources. A build whose inputs
// have not changed is skipped; a new one is written beside dist/ and swapped in, so an interrupted
// build never leaves a half dist/ behind.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { BUILD_INPUTS, BUILD_STAMP } from './build-inputs.mjs';

register(); // the fingerprint and the extractor version come from the TypeScript sources: one implementation
const { fingerprintSources } = await import('../src/build/source-fingerprint.ts');
const { computeExtractorVersion, EXTRACTOR_VERSION_FILE } = await import('../src/extract/version.ts');
const { createTemplate, isCurrentTemplate } = await import('../src/store/pglite-template.ts');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const require = createRequire(import.meta.url);
const typescript = require('typescript/package.json').version;

const inputs = fingerprintSources(root, BUILD_INPUTS, `typescript@${typescript}`);

// One build at a time (several CLI processes may find the build stale at once): the others wait,
// then find it up to date. The lock holds its owner's pid, so one left by a killed build (a
// timeout, Ctrl-C) is taken over at once instead of waited out.
const lock = join(root, '.dist-build.lock');
const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
};
for (;;) {
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
    break;
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
    const owner = Number(readFileSync(lock, 'utf8').trim() || 0);
    if (owner > 0 && !alive(owner)) rmSync(lock, { force: true });
    else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200); // an owner still writing its pid, or building
  }
}
process.on('exit', () => rmSync(lock, { force: true }));
// Builds that were killed leave their .dist-<pid> behind; with the lock held, none is in progress.
for (const name of readdirSync(root)) if (/^\.dist-\d+$/.test(name)) rmSync(join(root, name), { recursive: true, force: true });

const stamp = join(dist, BUILD_STAMP);
const previous = existsSync(stamp) ? JSON.parse(readFileSync(stamp, 'utf8')).inputs : null;
if (previous === inputs && process.argv[2] !== '--force') {
  const now = new Date();
  utimesSync(stamp, now, now); // the CLI compares source times with this file's
  process.stdout.write('dist/ is up to date with the sources\n');
  process.exit(0);
}

const next = join(root, `.dist-${process.pid}`);
rmSync(next, { recursive: true, force: true });
const compiled = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json'), '--outDir', next], { stdio: 'inherit' });
if (compiled.status !== 0) {
  rmSync(next, { recursive: true, force: true });
  process.exit(compiled.status ?? 1);
}
cpSync(join(root, 'src/store/migrations'), join(next, 'src/store/migrations'), { recursive: true, filter: (path) => !path.endsWith('.ts') });
const extractorVersion = computeExtractorVersion(root);
writeFileSync(join(next, EXTRACTOR_VERSION_FILE), `${JSON.stringify({ extractorVersion })}\n`);
// The embedded store's template (src/store/pglite-template.ts): kept from the previous build while
// PGlite is the same version and it holds the same migrations, else made anew (about 8 CPU s, once
// per PGlite version or new migration).
const template = join(dist, 'pglite-template');
if (isCurrentTemplate(template)) renameSync(template, join(next, 'pglite-template'));
else {
  // Without a template the CLI still works (a new store then runs initdb itself): not worth failing the build.
  await createTemplate(join(next, 'pglite-template')).catch((error) => {
    rmSync(join(next, 'pglite-template'), { recursive: true, force: true });
    process.stderr.write(`warning: no embedded-store template (${error.message}); new stores will run initdb\n`);
  });
}
writeFileSync(join(next, BUILD_STAMP), `${JSON.stringify({ inputs, builtAt: new Date().toISOString() })}\n`);
rmSync(dist, { recursive: true, force: true });
renameSync(next, dist);
process.stdout.write(`built dist/ (extractor ${extractorVersion})\n`);
