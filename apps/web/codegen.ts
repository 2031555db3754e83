// GraphQL Code Generator: typed documents for the web client, from the API's committed schema.
// Run from the repo root: `npx graphql-codegen --config apps/web/codegen.ts`.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodegenConfig } from '@graphql-codegen/cli';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const apiSchema = resolve(repoRoot, 'apps/api/schema.gql');
// Until the API commits its generated schema, local runs may read the shared contract.
// CI must type the client against what the API really serves, so it never falls back.
const contractSchema = resolve(repoRoot, '../shared/api/schema.graphql');

/**
 * WEB_SCHEMA=contract types the client against the shared contract (while an API feature is still being
 * built in parallel); the default, and the only choice in CI, is the API's generated schema.
 */
function pickSchema(): string {
  const choice = process.env.WEB_SCHEMA ?? 'api';
  if (process.env.CI && choice !== 'api') {
    throw new Error('CI types the client against apps/api/schema.gql only (unset WEB_SCHEMA).');
  }
  if (choice === 'contract') return contractSchema;
  if (existsSync(apiSchema)) return apiSchema;
  if (process.env.CI) {
    throw new Error(
      'apps/api/schema.gql is missing: generate it from the API before running codegen in CI.',
    );
  }
  console.warn(`[codegen] ${apiSchema} not found, using the contract ${contractSchema}`);
  return contractSchema;
}

const config: CodegenConfig = {
  schema: pickSchema(),
  documents: [resolve(repoRoot, 'apps/web/src/**/*.graphql')],
  ignoreNoDocuments: false,
  generates: {
    [resolve(repoRoot, 'apps/web/src/gql') + '/']: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { DateTime: 'string' },
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;
