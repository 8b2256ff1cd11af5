#!/usr/bin/env node
// Runs the compiled CLI in dist/, which `npm ci` builds (the `prepare` script; `npm run build` by hand).
let main;
try {
  ({ main } = await import('../dist/src/cli/main.js'));
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/src/cli/main.js')) throw error;
  process.stderr.write('reportmill: the CLI is not built; run `npm ci` (or `npm run build`) in the reportmill directory.\n');
  process.exit(2);
}
process.exitCode = await main(process.argv.slice(2));
