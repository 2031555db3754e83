export * from './test-app';
export * from './graphql-client';
export * from './factories';
export * from './test-database';
