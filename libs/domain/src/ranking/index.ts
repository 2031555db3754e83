export * from './rounding';
export * from './weighted-score';
export * from './rank-entries';
export * from './team-scores';
