import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // electron-store imports `electron`; inlining it lets a test's vi.mock('electron') reach it.
    server: { deps: { inline: ['electron-store'] } },
  },
});
