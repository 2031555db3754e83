#!/usr/bin/env node
// `npm test`: every suite (API unit + integration with Jest, web with Vitest, browser end-to-end),
// then one closing line "N passed, N failed" read from the runners' JSON results.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const out = join(root, 'test-results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const extra = process.argv.slice(2);

// Fault and browser tests drive the built app: build it once when a fresh clone has no build yet.
if (!existsSync(join(root, 'dist/apps/api/apps/api/src/main.js')) || !existsSync(join(root, 'apps/web/dist/index.html'))) {
  console.log('=== build (first run) ===');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.log('\n0 passed, 1 failed');
    process.exit(1);
  }
}

// Without DATABASE_URL every suite shares one embedded PostgreSQL, started here and stopped at the end.
let embedded;
if (!process.env.DATABASE_URL) {
  const { startEmbeddedPostgres } = await import(join(root, 'dist/apps/api/apps/api/src/database/embedded-postgres.js'));
  embedded = await startEmbeddedPostgres('/var/tmp/ensemble-test-pg', 54330, 'postgres');
  process.env.DATABASE_URL = embedded.url;
}
const suites = [
  {
    name: 'api (jest)',
    cmd: 'npx',
    args: ['jest', '--json', '--forceExit', `--outputFile=${join(out, 'jest.json')}`, ...extra],
    read: () => {
      const r = JSON.parse(readFileSync(join(out, 'jest.json'), 'utf8'));
      return { passed: r.numPassedTests, failed: r.numFailedTests + r.numRuntimeErrorTestSuites };
    },
  },
];
if (existsSync(join(root, 'apps/web/vitest.config.ts')) && extra.length === 0) {
  suites.push({
    name: 'web (vitest)',
    cmd: 'npx',
    args: ['vitest', 'run', '--config', 'apps/web/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${join(out, 'vitest.json')}`],
    read: () => {
      const r = JSON.parse(readFileSync(join(out, 'vitest.json'), 'utf8'));
      return { passed: r.numPassedTests, failed: r.numFailedTests + (r.numFailedTestSuites ?? 0) };
    },
  });
}
const chromium = existsSync('/usr/bin/chromium');
if (!chromium) console.log('Browser end-to-end tests skipped: /usr/bin/chromium is missing (apt-get install chromium).');
if (chromium && existsSync(join(root, 'tests/e2e/run.mjs')) && extra.length === 0) {
  suites.push({
    name: 'browser end-to-end',
    cmd: 'node',
    args: ['tests/e2e/run.mjs', `--json=${join(out, 'e2e.json')}`],
    read: () => JSON.parse(readFileSync(join(out, 'e2e.json'), 'utf8')),
  });
}

let passed = 0;
let failed = 0;
for (const suite of suites) {
  console.log(`\n=== ${suite.name} ===`);
  const res = spawnSync(suite.cmd, suite.args, { cwd: root, stdio: 'inherit', env: process.env });
  let counts;
  try {
    counts = suite.read();
  } catch {
    counts = { passed: 0, failed: 1 };
    console.error(`${suite.name}: no results could be read (exit code ${res.status})`);
  }
  if (res.status !== 0 && counts.failed === 0) counts.failed = 1;
  console.log(`${suite.name}: ${counts.passed} passed, ${counts.failed} failed`);
  passed += counts.passed;
  failed += counts.failed;
}
await embedded?.stop();
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
