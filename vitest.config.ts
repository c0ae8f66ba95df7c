import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // One snapshot and WordNet cache shared by every test file (keyed by content, so always safe).
    env: { DEALDESK_CACHE_DIR: join(tmpdir(), 'dealdesk-test-cache') },
  },
});
