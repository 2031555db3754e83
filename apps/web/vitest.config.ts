// Component and unit tests, in jsdom. From the repo root: `npx vitest run --config apps/web/vitest.config.ts`.
import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      include: ['src/**/*.test.{ts,tsx}'],
      setupFiles: ['src/test/setup.ts'],
      css: false,
      restoreMocks: true,
      // CI runs these beside PostgreSQL and other suites on 2 cores: 5 s was too tight for typed forms.
      testTimeout: 15_000,
    },
  }),
);
