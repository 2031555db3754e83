export * from './test-app';
export * from './graphql-client';
export * from './factories';
export * from './test-database';
export * from './hackathon-factories';
export * from './team-factories';
export * from './submission-factories';
export * from './jury-factories';
