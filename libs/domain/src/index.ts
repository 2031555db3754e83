export * from './accounts';
export * from './phases';
export * from './moderation';
export * from './ranking';
export * from './assignment';
