// Fault tests stop databases and kill processes: two minutes each by default (see jest-timeouts.ts).
jest.setTimeout(120_000);
