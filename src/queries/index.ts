export * from './filters';
export * from './figures-query';
export * from './facets-query';
export * from './group-query';
export * from './documents-query';
export * from './embedded-query';
export { run, type QueryRunner } from './run';
export * from './source-text-query';
