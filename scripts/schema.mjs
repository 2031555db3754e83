#!/usr/bin/env node
// Builds the API (skipped with SCHEMA_REBUILD=0 when it was just built), then writes or checks apps/api/schema.gql (see apps/api/src/graphql/schema-cli.ts).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const cli = 'dist/apps/api/apps/api/src/graphql/schema-cli.js';
if (!existsSync(cli) || process.env.SCHEMA_REBUILD !== '0') {
  const build = spawnSync('npx', ['nest', 'build', 'api'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const res = spawnSync(process.execPath, [cli, process.argv[2] ?? 'check'], { stdio: 'inherit' });
process.exit(res.status ?? 1);
