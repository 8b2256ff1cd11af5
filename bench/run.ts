/**
 * `npm run bench`: every benchmark of the project, one after another, each printing its own table.
 * Speed and memory targets live here, not in the tests, so a slow machine never fails CI.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// startup/ first: it builds dist/ if the sources changed, and the others may run the CLI.
const suites = ['startup/run.ts', 'pdf/run.ts', 'pdf/pdfjs-floor.ts', 'language/run.ts', 'scale/run.ts', 'queue/worker-rss.ts', 'ocr/run.ts'];
let failed = 0;
for (const suite of suites) {
  process.stdout.write(`\n== bench/${suite}\n`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, suite), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
