import { loadMigrations } from './migrations/index.ts';
import type { SqlClient } from './sql-client.ts';

/** Arbitrary constant: every reportmill process migrating the same database takes this lock. */
const MIGRATION_LOCK_KEY = 7_413_201;

/**
 * Applies the pending migrations, each in its own transaction. Several workers may start at the
 * same moment against one PostgreSQL: the advisory lock makes them take turns, and the one that
 * comes second finds nothing left to do.
 */
export async function migrate(client: SqlClient): Promise<number[]> {
  // Under the lock too: two concurrent CREATE TABLE IF NOT EXISTS can still collide in PostgreSQL.
  await client.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY,
         name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
  });
  const applied: number[] = [];
  for (const migration of await loadMigrations()) {
    const done = await client.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      const rows = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (rows.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}
