// Keyset cursors live in the platform (other modules page the same way); records keeps its import path.
export * from '../../platform/db/keyset.ts';
