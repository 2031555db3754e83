// Vite config for the web client. Run from the repo root with `--config apps/web/vite.config.ts`:
// paths below are resolved from this file, so the working directory does not matter.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/** Matches modules of the given npm packages (exact names, scoped or not). */
function vendor(...packages: string[]): RegExp {
  const names = packages.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(`[\\\\/]node_modules[\\\\/](?:${names})[\\\\/]`);
}

const apiTarget = process.env.ENSEMBLE_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: webRoot,
  // Keep Vite's dependency cache with the root node_modules rather than creating apps/web/node_modules.
  cacheDir: fileURLToPath(new URL('../../node_modules/.vite/web', import.meta.url)),
  // Vite 8 transforms TSX itself with oxc; @vitejs/plugin-react is not needed
  // (and has no React Fast Refresh here: a full reload on edit is acceptable).
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/graphql': { target: apiTarget, changeOrigin: true, ws: true },
      '/api': { target: apiTarget, changeOrigin: true },
      '/health': { target: apiTarget, changeOrigin: true },
    },
  },
  preview: { port: 4173 },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      onwarn(warning, warn) {
        // Mantine and React Router mark their modules "use client" for React Server Components;
        // meaningless in a client-only bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      output: {
        // Libraries change less often than our code: in their own chunks they stay cached across
        // releases. First matching group wins. Mantine is deliberately not grouped: each of its
        // components then travels with the lazy pages that use it, which keeps the first visit small.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: vendor('react', 'react-dom', 'scheduler', 'react-router', 'cookie'),
            },
            {
              name: 'apollo',
              test: vendor('@apollo', '@wry', 'optimism', 'graphql', 'rxjs', 'tslib'),
            },
            {
              name: 'i18n',
              test: vendor('i18next', 'react-i18next', 'html-parse-stringify', 'void-elements'),
            },
          ],
        },
      },
    },
  },
});
