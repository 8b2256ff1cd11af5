import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fingerprintSources } from '../build/source-fingerprint.ts';

/**
 * What shapes a report: the parsers, table normalization, extraction (with its lexicons), the
 * language models, the model and validation, sniffing and decoding, and the stage that assembles
 * them. Paths relative to the package root.
 */
export const EXTRACTOR_SOURCES = [
  'src/parse',
  'src/tables',
  'src/extract',
  'src/language',
  'src/model',
  'src/validate',
  'src/sniff',
  'src/text',
  'pipelines/ingest/stages.ts',
] as const;

/** Name of the file the build writes at the root of dist/ (next to dist/src/). */
export const EXTRACTOR_VERSION_FILE = 'extractor-version.json';

/**
 * `<package version>+<12 hex>`: the hash covers EXTRACTOR_SOURCES and the installed versions of
 * the runtime dependencies (pdf.js, remark, cheerio, franc… read the documents too). Any change to
 * them gives a new version, so stored reports of the old code are redone rather than `resumed`.
 */
export function computeExtractorVersion(root: string): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; dependencies?: Record<string, string> };
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages?: Record<string, { version?: string }> };
  const dependencies = Object.keys(pkg.dependencies ?? {})
    .sort()
    .map((name) => `${name}@${lock.packages?.[`node_modules/${name}`]?.version ?? pkg.dependencies?.[name]}`)
    .join('\n');
  return `${pkg.version}+${fingerprintSources(root, EXTRACTOR_SOURCES, dependencies).slice(0, 12)}`;
}

/**
 * Version of the extraction logic; stored reports are keyed by document id + this version. The
 * build stamps it into dist/; running from the sources (tests) computes it the same way. Both
 * look two levels up from this module: the package root, or dist/.
 */
function loadExtractorVersion(): string {
  const base = new URL('../../', import.meta.url);
  if (import.meta.url.endsWith('.ts')) return computeExtractorVersion(fileURLToPath(base));
  const stamp = JSON.parse(readFileSync(new URL(EXTRACTOR_VERSION_FILE, base), 'utf8')) as { extractorVersion: string };
  return stamp.extractorVersion;
}

export const EXTRACTOR_VERSION: string = loadExtractorVersion();
