import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const repo = join(import.meta.dirname, '../..');

/**
 * The compiled pipeline (dist/), rebuilt first when the sources changed: benchmarks time what
 * `reportmill` runs, whose parse threads load compiled JavaScript, not the sources through tsx.
 */
export async function builtIngestPipeline(): Promise<typeof import('../../pipelines/ingest/index.ts')> {
  const built = spawnSync(process.execPath, [join(repo, 'scripts/build.mjs')], { stdio: ['ignore', 2, 2] });
  if (built.status !== 0) throw new Error('the build failed (see above)');
  return import(pathToFileURL(join(repo, 'dist/pipelines/ingest/index.js')).href);
}
