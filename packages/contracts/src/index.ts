export * from './common.ts';
export * from './roles.ts';
export * from './identity.ts';
export * from './patients.ts';
export * from './orgs.ts';
export * from './audit.ts';
export * from './resident-id.ts';
export * from './followup.ts';
