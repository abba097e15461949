import { defineConfig } from 'vitest/config';

// Browser journeys against the real server (built apps, real PostgreSQL) in Debian's chromium.
export default defineConfig({
  test: {
    include: ['src/**/*.e2e.ts'],
    globalSetup: ['src/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
