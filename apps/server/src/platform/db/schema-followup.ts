// Tables of the follow-up module (migration 005). The Database interface in schema.ts extends this one.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FollowupTables {}
