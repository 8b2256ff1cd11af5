// A worker process for the crash tests: `reportmill worker` with the fake stages, started as a
// child so that a test can SIGKILL or SIGTERM it in the middle of a job. Configured through
// REPORTMILL_TEST_CONFIG; reports progress as lines on stdout.
import { runWorkerProcess } from '../../../src/queue/worker-process.ts';
import type { PipelineSettingsOverrides } from '../../../src/queue/pipeline-settings.ts';
import { DirectoryBlobStore } from '../../../src/store/directory-blob-store.ts';
import { openStore } from '../../../src/store/open-store.ts';
import type { ReportStore } from '../../../src/store/report-store.ts';
import { createFakeStages } from './fake-stages.ts';

export interface ChildConfig {
  prefix: string;
  redisUrl: string;
  databaseUrl: string;
  blobDir: string;
  settings: PipelineSettingsOverrides;
  /** Store the report, say so, then hang before the job can complete. */
  hangAfterStore?: boolean;
}

const config = JSON.parse(process.env.REPORTMILL_TEST_CONFIG ?? '{}') as ChildConfig;
const say = (line: string) => process.stdout.write(`${line}\n`);

const realStore = await openStore({ databaseUrl: config.databaseUrl });
const store: ReportStore = Object.create(realStore) as ReportStore;
store.upsertReport = async (report, options) => {
  const outcome = await realStore.upsertReport(report, options);
  say(`STORED ${report.id} ${outcome}`);
  if (config.hangAfterStore === true) await new Promise((resolve) => setTimeout(resolve, 3_600_000));
  return outcome;
};

const code = await runWorkerProcess({
  prefix: config.prefix,
  redisUrl: config.redisUrl,
  stages: createFakeStages({ onStart: (id) => say(`PARSE-STARTED ${id}`) }),
  store,
  blobs: new DirectoryBlobStore(config.blobDir),
  settings: config.settings,
  log: (entry) => process.stderr.write(`${JSON.stringify(entry)}\n`),
});
await realStore.close();
say(`EXIT ${code}`);
process.exit(code);
