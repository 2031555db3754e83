// Jest reads `testTimeout` from the root config only, not from a project: the integration project
// (real PostgreSQL, real HTTP servers) sets its one-minute default here.
jest.setTimeout(60_000);
