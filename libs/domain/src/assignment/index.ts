export * from './assignment.types';
export * from './assign-jurors';
export * from './reassign-after-recusal';
