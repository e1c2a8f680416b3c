export { sql, join, and, inList, ident, raw, literal, inlineParams } from './sql';
export type { SqlQuery, SqlFragment, SqlValue } from './sql';
