// Tables of the checkups module (migration 004). The Database interface in schema.ts extends this one.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CheckupsTables {}
