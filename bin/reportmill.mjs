#!/usr/bin/env node
// Runs the compiled CLI in dist/, which `npm ci` builds (the `prepare` script). When a source is
// newer than the build (an edit, a pull) it is rebuilt first, so a stale build never runs; the
// check is a few milliseconds of stat calls.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const BUILD_INPUTS = ['src', 'pipelines', 'workers', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs'];

function newestInput() {
  let newest = 0;
  for (const input of BUILD_INPUTS) {
    const path = `${root}/${input}`;
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    if (!stat.isDirectory()) newest = Math.max(newest, stat.mtimeMs);
    else for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) newest = Math.max(newest, statSync(`${entry.parentPath}/${entry.name}`).mtimeMs);
    }
  }
  return newest;
}

const stamp = `${root}/dist/build-stamp.json`;
const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : -1;
if (builtAt < 0 || (existsSync(`${root}/src`) && newestInput() > builtAt)) {
  const build = `${root}/scripts/build.mjs`;
  const built = existsSync(build) && spawnSync(process.execPath, [build], { stdio: ['ignore', 2, 2] }).status === 0;
  if (!built) {
    const state = builtAt < 0 ? 'is not built' : 'is older than its sources';
    process.stderr.write(`reportmill: the CLI ${state} and the build failed (see above); fix it and run \`npm run build\` (or \`npm ci\`).\n`);
    process.exit(2);
  }
}

const { main } = await import('../dist/src/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
