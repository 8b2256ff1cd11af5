import { resolve } from 'node:path';

export function resolveHome(home?: string): string {
  return resolve(home ?? process.env.REPORTMILL_HOME ?? './.reportmill');
}

export function databaseUrlOf(options: { databaseUrl?: string }): string | undefined {
  const url = options.databaseUrl ?? process.env.DATABASE_URL;
  return url === undefined || url === '' ? undefined : url;
}

// PGlite and pg are each loaded only when that store is opened: a run uses one of them.
export const loadPostgres = async () => (await import('./postgres-client.ts')).createPostgresClient;
