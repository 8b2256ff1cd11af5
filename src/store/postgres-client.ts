import pg from 'pg';
import type { SqlClient, SqlExecutor } from './sql-client.ts';

export interface PostgresClientOptions {
  connectionString: string;
  /** Pool size per process; a worker needs about its store concurrency plus one. */
  maxConnections?: number;
}

export function createPostgresClient(options: PostgresClientOptions): SqlClient {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    // A dead server must surface as an error the queue can retry, not as a hang.
    connectionTimeoutMillis: 10_000,
  });
  // A connection the server drops emits 'error' on the pool (idle) or on the client itself (checked
  // out, or after a failed query already released it, see node-postgres #2762). An unheard 'error'
  // event kills the process, so both get a listener; the query that was cut off rejects on its
  // own, and the pool replaces the dead connection.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));

  const executorOf = (runner: pg.Pool | pg.PoolClient): SqlExecutor => ({
    async query<Row extends object>(text: string, params: readonly unknown[] = []) {
      const result = await runner.query(text, params as unknown[]);
      return result.rows as Row[];
    },
    async exec(script: string) {
      await runner.query(script);
    },
  });

  return {
    dialect: 'postgres',
    ...executorOf(pool),
    async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken: Error | undefined;
      // Remembered so that a connection the server dropped between statements is not pooled again.
      const onError = (error: Error) => {
        broken = error;
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const value = await fn(executorOf(client));
        await client.query('COMMIT');
        return value;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          // The connection itself is gone: do not hand it back to the pool.
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        }
        throw error;
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    },
    async close() {
      await pool.end();
    },
  };
}
