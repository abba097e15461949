import { defineConfig } from 'vitest/config';

// One run covers every workspace: pure packages, the server (unit and integration against a real PostgreSQL),
// and the apps' unit tests. Browser journeys live in e2e/ and run with `npm run test:e2e`.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'packages',
          include: ['packages/*/src/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'server',
          include: ['apps/server/src/**/*.test.ts', 'apps/server/test/**/*.test.ts'],
          globalSetup: ['apps/server/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'apps',
          include: ['apps/patient/src/**/*.test.{ts,tsx}', 'apps/console/src/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
});
