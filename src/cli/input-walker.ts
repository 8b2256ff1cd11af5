import { lstat, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export type InputEntry = { path: string; kind: 'file'; bytes: number } | { path: string; kind: 'missing'; message: string };

/**
 * Expands the command-line paths: files as given, directories walked recursively in name order so
 * runs are repeatable. Hidden entries inside directories (.git, .DS_Store) are left out; directory
 * symlinks are not followed (no loops), file symlinks are.
 */
export async function* walkInputs(paths: readonly string[]): AsyncGenerator<InputEntry> {
  for (const p of paths) {
    const abs = resolve(p);
    let info;
    try {
      info = await stat(abs);
    } catch (error) {
      yield { path: p, kind: 'missing', message: `${p}: no such file or directory (${(error as NodeJS.ErrnoException).code ?? 'error'}).` };
      continue;
    }
    if (info.isDirectory()) yield* walkDir(abs);
    else yield { path: abs, kind: 'file', bytes: info.size };
  }
}

async function* walkDir(dir: string): AsyncGenerator<InputEntry> {
  const names = (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
  for (const name of names) {
    const full = join(dir, name);
    const link = await lstat(full);
    if (link.isSymbolicLink()) {
      const target = await stat(full).catch(() => null);
      if (target?.isFile()) yield { path: full, kind: 'file', bytes: target.size };
      continue;
    }
    if (link.isDirectory()) yield* walkDir(full);
    else if (link.isFile()) yield { path: full, kind: 'file', bytes: link.size };
  }
}
