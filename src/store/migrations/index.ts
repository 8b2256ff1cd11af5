import { readFile } from 'node:fs/promises';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Listed by hand, in order, rather than read from the directory: a migration that exists must
 * never be skipped because of a file-name typo, and the order is part of the schema's history.
 * Never edit a migration that has shipped; add the next one.
 */
export const MIGRATION_FILES = ['001-initial.sql', '002-list-order.sql'] as const;

export async function loadMigrations(): Promise<Migration[]> {
  return Promise.all(
    MIGRATION_FILES.map(async (file) => {
      const version = Number.parseInt(file.slice(0, 3), 10);
      const sql = await readFile(new URL(`./${file}`, import.meta.url), 'utf8');
      return { version, name: file, sql };
    }),
  );
}
