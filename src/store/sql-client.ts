/**
 * The little SQL surface the store needs, so one store implementation runs on both PostgreSQL
 * (`pg`) and PGlite: the schema and every statement are shared, only the driver differs.
 */
export interface SqlExecutor {
  /** One statement with `$1…` parameters. */
  query<Row extends object = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** A script of several statements, no parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface SqlClient extends SqlExecutor {
  readonly dialect: 'postgres' | 'pglite';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
