import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';

const repo = join(import.meta.dirname, '../..');

/** Every distinct readable report the repository and the shared fixtures hold, formats interleaved. */
function baseDocuments(): { name: string; bytes: Buffer }[] {
  const dirs = [
    ...readdirSync(join(repo, 'fixtures/golden')).map((d) => join(repo, 'fixtures/golden', d)),
    join(repo, '../shared/fixtures'),
    join(repo, '../shared/seeds'),
  ];
  const seen = new Set<string>();
  const byFormat = new Map<string, { name: string; bytes: Buffer }[]>();
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue; // the shared folders exist on the team machine only
    }
    for (const name of names.sort()) {
      const ext = extname(name).toLowerCase();
      if (!['.pdf', '.docx', '.md', '.html', '.txt'].includes(ext) || name === 'README.md') continue;
      const bytes = readFileSync(join(dir, name));
      const id = createHash('sha256').update(bytes).digest('hex');
      if (seen.has(id)) continue;
      seen.add(id);
      byFormat.set(ext, [...(byFormat.get(ext) ?? []), { name: `${basename(dir)}-${name}`, bytes }]);
    }
  }
  const lists = [...byFormat.values()];
  const out: { name: string; bytes: Buffer }[] = [];
  for (let i = 0; lists.some((l) => i < l.length); i++) {
    for (const l of lists) {
      const doc = l[i];
      if (doc) out.push(doc);
    }
  }
  return out;
}

/**
 * Writes `count` distinct documents into `dir`: the base documents first, then variants that differ
 * only in trailing bytes the readers ignore (blank lines; a PDF comment after %%EOF). DOCX files
 * are never varied (bytes after the ZIP directory are not allowed), so variants are of the others.
 */
export function writeMixedBatch(dir: string, count: number): string[] {
  mkdirSync(dir, { recursive: true });
  const base = baseDocuments();
  const variable = base.filter((d) => !d.name.endsWith('.docx'));
  const paths: string[] = [];
  for (let i = 0; paths.length < count; i++) {
    const round = i < base.length ? 0 : Math.floor((i - base.length) / variable.length) + 1;
    const doc = round === 0 ? base[i] : variable[(i - base.length) % variable.length];
    if (!doc) throw new Error('no documents to build a batch from');
    const tail = round === 0 ? '' : doc.name.endsWith('.pdf') ? `\n%variant ${round}\n` : '\n'.repeat(round);
    const path = join(dir, `${String(paths.length).padStart(3, '0')}-${round}-${doc.name}`);
    writeFileSync(path, Buffer.concat([doc.bytes, Buffer.from(tail)]));
    paths.push(path);
  }
  return paths;
}
