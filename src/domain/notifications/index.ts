export * from './rules';
export * from './templates';
export * from './answer-letter';
