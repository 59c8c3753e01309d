export * from './rules';
export * from './templates';
