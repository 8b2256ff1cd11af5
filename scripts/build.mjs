// Builds dist/: compiles src/, pipelines/ and workers/ with tsc, copies the files the code reads at
// run time (SQL migrations) and stamps the extractor version. Run by `npm ci` / `npm install` (the
// `prepare` script), by npx's first run of the local bin, and by `npm test`, so the CLI
// (bin/reportmill.mjs → dist/) never runs anything older than the sources. A build whose inputs
// have not changed is skipped; a new one is written beside dist/ and swapped in, so an interrupted
// build never leaves a half dist/ behind.
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, openSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register(); // the fingerprint and the extractor version come from the TypeScript sources: one implementation
const { fingerprintSources } = await import('../src/build/source-fingerprint.ts');
const { computeExtractorVersion, EXTRACTOR_VERSION_FILE } = await import('../src/extract/version.ts');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const stampFile = 'build-stamp.json';
const require = createRequire(import.meta.url);
const typescript = require('typescript/package.json').version;

const inputs = fingerprintSources(
  root,
  ['src', 'pipelines', 'workers', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json', 'scripts/build.mjs'],
  `typescript@${typescript}`,
);

// One build at a time (several CLI processes may find the build stale at once): the others wait,
// then find it up to date.
const lock = join(root, '.dist-build.lock');
const deadline = Date.now() + 300_000;
for (;;) {
  try {
    closeSync(openSync(lock, 'wx'));
    break;
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
    if (Date.now() > deadline) rmSync(lock, { force: true }); // left by a killed build
    else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
  }
}
process.on('exit', () => rmSync(lock, { force: true }));

const stamp = join(dist, stampFile);
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
writeFileSync(join(next, EXTRACTOR_VERSION_FILE), `${JSON.stringify({ extractorVersion: computeExtractorVersion(root) })}\n`);
writeFileSync(join(next, stampFile), `${JSON.stringify({ inputs, builtAt: new Date().toISOString() })}\n`);
rmSync(dist, { recursive: true, force: true });
renameSync(next, dist);
process.stdout.write(`built dist/ (extractor ${computeExtractorVersion(root)})\n`);
