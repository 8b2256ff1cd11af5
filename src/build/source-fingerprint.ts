import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

function listFiles(path: string, into: string[]): void {
  let entries;
  try {
    entries = readdirSync(path, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') {
      into.push(path);
      return;
    }
    throw error;
  }
  for (const entry of entries) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) listFiles(child, into);
    else if (entry.isFile()) into.push(child);
  }
}

/**
 * sha256 (hex) of the files under `entries` (paths relative to `root`, files or directories walked
 * recursively): each file's root-relative POSIX path and bytes, in path order, plus `extra`. Only
 * content counts, never times, so a fresh clone and a rebuilt tree give the same value.
 */
export function fingerprintSources(root: string, entries: readonly string[], extra = ''): string {
  const files: string[] = [];
  for (const entry of entries) listFiles(join(root, entry), files);
  const named = files.map((file) => ({ file, name: relative(root, file).split(sep).join('/') }));
  named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const hash = createHash('sha256');
  for (const { file, name } of named) hash.update(`${name}\0`).update(readFileSync(file)).update('\0');
  return hash.update(extra).digest('hex');
}
