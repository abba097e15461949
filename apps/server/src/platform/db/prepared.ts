import type pg from 'pg';

/**
 * A statement run as a named prepared statement: PostgreSQL plans it once per connection instead of on every
 * request. Used only on the hottest paths (session lookup, patient read), where planning dominated the cost.
 */
export interface Prepared<Row> {
  readonly name: string;
  readonly text: string;
  run(pool: pg.Pool, values: unknown[]): Promise<Row[]>;
}

export function prepared<Row extends pg.QueryResultRow>(name: string, text: string): Prepared<Row> {
  return {
    name,
    text,
    async run(pool, values) {
      const result = await pool.query<Row>({ name, text, values });
      return result.rows;
    },
  };
}
