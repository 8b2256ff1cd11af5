import { parseArgs } from 'node:util';
import { exportReports } from './export.ts';
import type { ExportFormat } from './export.ts';
import { openStore } from './open-store.ts';
import type { OpenStoreOptions } from './open-store.ts';

const USAGE = `usage: reportmill export [--format json|ndjson|csv]

Writes every stored report to stdout (DATABASE_URL, else the embedded store in REPORTMILL_HOME).
  json     one array of reports (default)
  ndjson   one report per line
  csv      one row per measure, with document and goal columns (RFC 4180)
`;

const FORMATS: readonly ExportFormat[] = ['json', 'ndjson', 'csv'];

export interface ExportCommandIo extends OpenStoreOptions {
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
}

/** `reportmill export`; returns the exit code: 0 done, 1 the store failed, 2 usage error. */
export async function runExportCommand(args: string[], io: ExportCommandIo = {}): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  let format: string;
  try {
    const { values } = parseArgs({ args, options: { format: { type: 'string', default: 'json' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help === true) {
      stdout.write(USAGE);
      return 0;
    }
    format = values.format ?? 'json';
  } catch (error) {
    stderr.write(`reportmill export: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!FORMATS.includes(format as ExportFormat)) {
    stderr.write(`reportmill export: --format must be json, ndjson or csv, not ${JSON.stringify(format)}\n${USAGE}`);
    return 2;
  }
  const { stdout: _out, stderr: _err, ...storeOptions } = io;
  try {
    const store = await openStore(storeOptions);
    try {
      const count = await exportReports(store, format as ExportFormat, stdout);
      stderr.write(`exported ${count} report(s)\n`);
    } finally {
      await store.close();
    }
    return 0;
  } catch (error) {
    stderr.write(`reportmill export: ${(error as Error).message}\n`);
    return 1;
  }
}
