import { AppError } from '../errors/app-error.ts';

// Keyset cursors: the time (to the microsecond, as PostgreSQL stores it) and the id of the last item of a page.
// Opaque to clients (base64url), checked on the way back in so a forged cursor is a 400, not a SQL error.

export interface Keyset {
  /** ISO 8601 UTC with microseconds, e.g. 2024-03-01T08:00:00.123456Z */
  at: string;
  id: string;
}

const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** SQL that renders a timestamptz column as the cursor's time text. */
export const keysetTime = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export function encodeCursor(key: Keyset): string {
  return Buffer.from(`${key.at}|${key.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined, path: string): Keyset | null {
  if (cursor === undefined || cursor === '') return null;
  const [at, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (rest.length > 0 || !at || !id || !AT.test(at) || !ID.test(id)) {
    throw new AppError('VALIDATION_FAILED', { errors: [{ path, message: 'invalid_cursor' }] });
  }
  return { at, id };
}
