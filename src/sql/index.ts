export { sql, join, and, inList, ident, raw, literal } from './sql';
export type { SqlQuery, SqlFragment, SqlValue } from './sql';
