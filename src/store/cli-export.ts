import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { exportReports } from './export.ts';
import type { ExportFormat } from './export.ts';
import { openStore } from './open-store.ts';
import type { OpenStoreOptions } from './open-store.ts';
import { parseQuery } from './query.ts';
import type { ReportQuery } from './query.ts';
import type { ReportStore } from './report-store.ts';
import { StoreError } from './store-error.ts';
// Types only: the IATI writer itself is imported lazily, by the command that needs it.
import type { exportIati as ExportIati, IatiSummary } from './iati-export.ts';

const USAGE = `usage: reportmill export [--format FORMAT] [--out DIR] [filters]

Writes the stored reports (DATABASE_URL, else the embedded store in REPORTMILL_HOME), read in
batches so memory stays flat however many there are.
  --format json          one array of reports, to stdout (default)
  --format ndjson        one report per line, to stdout
  --format csv           one row per measure, with document and goal columns (RFC 4180), to stdout
  --format datapackage   a Frictionless Tabular Data Package in --out DIR (datapackage.json and CSVs)
  --format iati          IATI 2.03 activity XML: DIR/iati-activities.xml with --out, else stdout
      --iati-org-ref REF     reporting organisation identifier and iati-identifier prefix (default XX-REPORTMILL)
      --iati-org-type CODE   its IATI OrganisationType code (default 10, government)
      --iati-org-name NAME   its name where a report names no organisation

Filters (the same as GET /v1/documents and GET /v1/measures; all given must hold):
  --language CODE        ISO 639-3 language of the document (kir, mon, rus, …)
  --organization TEXT    part of the organization name
  --period P             2024 or 2024-Q1
  --source-format F      pdf, docx, markdown, html or text
  --document ID          one document
  --status S             measures with this status (done, in_progress, not_done, unknown)
  --goal G               measures of the goal numbered G ("1", "II") or whose title contains G
  --q TEXT               measures whose text or goal title, or documents whose title or file name, contain TEXT
JSON and NDJSON carry whole reports of the matching documents; csv, datapackage and iati carry
the matching measures.
`;

const FORMATS = ['json', 'ndjson', 'csv', 'datapackage', 'iati'] as const;
type Format = (typeof FORMATS)[number];

export interface ExportCommandIo extends OpenStoreOptions {
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
  /** An open store to export from (left open); else the command opens one from the options. */
  store?: ReportStore;
}

class UsageError extends Error {}

interface Parsed {
  format: Format;
  out: string | undefined;
  filter: ReportQuery;
  iati: { orgRef?: string; orgType?: string; orgName?: string };
}

function parse(args: string[]): Parsed | 'help' {
  const { values } = parseArgs({
    args,
    options: {
      format: { type: 'string', default: 'json' },
      out: { type: 'string' },
      language: { type: 'string' },
      organization: { type: 'string' },
      period: { type: 'string' },
      'source-format': { type: 'string' },
      document: { type: 'string' },
      status: { type: 'string' },
      goal: { type: 'string' },
      q: { type: 'string' },
      'iati-org-ref': { type: 'string' },
      'iati-org-type': { type: 'string' },
      'iati-org-name': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) return 'help';
  const format = values.format ?? 'json';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not ${JSON.stringify(format)}`);
  }
  if (format === 'datapackage' && values.out === undefined) throw new UsageError('--format datapackage needs --out DIR');
  if (values.out !== undefined && (format === 'json' || format === 'ndjson' || format === 'csv')) {
    throw new UsageError(`--format ${format} writes to stdout; redirect it instead of --out`);
  }
  const candidate: Record<string, string | undefined> = {
    language: values.language,
    organization: values.organization,
    period: values.period,
    format: values['source-format'],
    documentId: values.document,
    status: values.status,
    goal: values.goal,
    q: values.q,
  };
  let filter: ReportQuery;
  try {
    filter = parseQuery(Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined)));
  } catch (error) {
    const flag: Record<string, string> = { format: 'source-format', documentId: 'document' };
    const message = (error as Error).message.replace(/^(\w+):/, (_, key: string) => `--${flag[key] ?? key}:`);
    throw new UsageError(message);
  }
  const iati: Parsed['iati'] = {};
  if (values['iati-org-ref'] !== undefined) iati.orgRef = values['iati-org-ref'];
  if (values['iati-org-type'] !== undefined) iati.orgType = values['iati-org-type'];
  if (values['iati-org-name'] !== undefined) iati.orgName = values['iati-org-name'];
  return { format: format as Format, out: values.out, filter, iati };
}

/** `reportmill export`; returns the exit code: 0 done, 1 the store or the output failed, 2 usage error. */
export async function runExportCommand(args: string[], io: ExportCommandIo = {}): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  let parsed: Parsed | 'help';
  try {
    parsed = parse(args);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
      stderr.write(`reportmill export: ${error.message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (parsed === 'help') {
    stdout.write(USAGE);
    return 0;
  }
  const { format, out, filter, iati } = parsed;
  const { stdout: _out, stderr: _err, store: given, ...storeOptions } = io;
  try {
    const store = given ?? (await openStore(storeOptions));
    try {
      if (format === 'datapackage') {
        // Loaded only here: nothing of the package writer is read by any other command.
        const { exportDataPackage } = await import('./datapackage-export.ts');
        const summary = await exportDataPackage(store, out!, filter);
        const rows = Object.entries(summary.rows).map(([name, n]) => `${n} ${name}`).join(', ');
        stderr.write(`exported ${summary.documents} report(s) → ${join(out!, 'datapackage.json')} (${rows})\n`);
      } else if (format === 'iati') {
        const { exportIati } = await import('./iati-export.ts');
        const summary = out === undefined ? await exportIati(store, stdout, filter, iati) : await exportIatiFile(store, out, filter, iati, exportIati);
        const skipped = summary.skipped.length === 0 ? '' : `; ${summary.skipped.length} report(s) without any date left out (IATI requires an activity date)`;
        stderr.write(`exported ${summary.activities} IATI activit${summary.activities === 1 ? 'y' : 'ies'}${out === undefined ? '' : ` → ${join(out, IATI_FILE)}`}${skipped}\n`);
        if (summary.activities === 0) stderr.write('warning: no activity, so the file does not validate against the IATI schema (it needs at least one)\n');
      } else {
        const count = await exportReports(store, format as ExportFormat, stdout, filter);
        stderr.write(`exported ${count} report(s)\n`);
      }
    } finally {
      if (given === undefined) await store.close();
    }
    return 0;
  } catch (error) {
    if (error instanceof StoreError && error.code === 'store/bad-filter') {
      stderr.write(`reportmill export: ${error.message}\n${USAGE}`);
      return 2;
    }
    stderr.write(`reportmill export: ${(error as Error).message}\n`);
    return 1;
  }
}

const IATI_FILE = 'iati-activities.xml';

/** Writes DIR/iati-activities.xml through a temporary name, so a failed export leaves no file that looks complete. */
async function exportIatiFile(
  store: ReportStore,
  dir: string,
  filter: ReportQuery,
  options: Parsed['iati'],
  exportIati: typeof ExportIati,
): Promise<IatiSummary> {
  await mkdir(dir, { recursive: true });
  const partial = join(dir, `.${IATI_FILE}.partial`);
  const file = createWriteStream(partial, { encoding: 'utf8' });
  try {
    const summary = await exportIati(store, file, filter, options);
    file.end();
    await finished(file);
    await rename(partial, join(dir, IATI_FILE));
    return summary;
  } catch (error) {
    file.destroy();
    await finished(file).catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  }
}
