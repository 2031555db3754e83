export * from './phase-machine';
