import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { startServer, type RunningServer } from './server.ts';

const ARTIFACTS = new URL('../artifacts/', import.meta.url);

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the server under test listens, e.g. http://127.0.0.1:41234 */
    baseUrl: string;
    /** Its database, for what only the database shows (SMS codes from the recording transport). */
    databaseUrl: string;
  }
}

let server: RunningServer | null = null;

/** One real CareLoop server for the whole browser run, on its own fresh database with demo data. */
export async function setup(project: TestProject) {
  // Screenshots of this run only, so a FAILED-… picture is never one left over from an earlier run.
  await rm(ARTIFACTS, { recursive: true, force: true });
  const started = Date.now();
  server = await startServer();
  console.log(`e2e: server ready at ${server.baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide('baseUrl', server.baseUrl);
  project.provide('databaseUrl', server.databaseUrl);
}

export async function teardown() {
  await server?.stop();
  server = null;
}
