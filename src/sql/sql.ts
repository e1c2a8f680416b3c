/**
 * A tiny SQL builder: statements are composed from fragments whose user-supplied values are placeholders (`?`)
 * with the values beside them, and whose identifiers are always quoted by {@link ident}. Nothing here
 * concatenates input: a value reaches SQL text only bound, or written by {@link literal} exactly where its
 * placeholder is ({@link inlineParams}).
 */

/** A bindable parameter value. */
export type SqlValue = string | number | boolean | null;

/** SQL text with `?` placeholders and the values bound to them, in order. */
export interface SqlQuery {
  readonly text: string;
  readonly params: readonly SqlValue[];
  /** The text split at its placeholders (one more part than params), when built by this module. */
  readonly parts?: readonly string[];
}

const FRAGMENT = Symbol('sql-fragment');

/** A piece of SQL produced by this module (never by string concatenation of input). */
export interface SqlFragment extends SqlQuery {
  readonly parts: readonly string[];
  readonly [FRAGMENT]: true;
}

/** A fragment without parameters. */
function fragment(text: string): SqlFragment {
  return { text, params: [], parts: [text], [FRAGMENT]: true };
}

/** A fragment from its parts (split at the placeholders) and the values bound between them. */
function assembled(parts: readonly string[], params: readonly SqlValue[]): SqlFragment {
  return { text: parts.join('?'), params, parts, [FRAGMENT]: true };
}

/** Appends `next` to `parts`: its first part continues the last one, the rest follow. */
function appendParts(parts: string[], next: readonly string[]): void {
  parts[parts.length - 1] += next[0] ?? '';
  for (let i = 1; i < next.length; i++) parts.push(next[i] as string);
}

function isFragment(x: unknown): x is SqlFragment {
  return typeof x === 'object' && x !== null && FRAGMENT in x;
}

/**
 * Tagged template: `sql\`SELECT * FROM figures WHERE category = ${c}\`` binds `c` as a parameter;
 * interpolated fragments (from `sql`, `ident`, `join`) are spliced in with their own parameters.
 */
export function sql(strings: TemplateStringsArray, ...values: readonly (SqlValue | SqlFragment)[]): SqlFragment {
  const parts: string[] = [strings[0] ?? ''];
  const params: SqlValue[] = [];
  values.forEach((value, i) => {
    if (isFragment(value)) {
      appendParts(parts, value.parts);
      params.push(...value.params);
    } else {
      parts.push('');
      params.push(value);
    }
    appendParts(parts, [strings[i + 1] ?? '']);
  });
  return assembled(parts, params);
}

/** Joins fragments with a separator (default `, `). */
export function join(fragments: readonly SqlFragment[], separator = ', '): SqlFragment {
  const parts: string[] = [''];
  fragments.forEach((f, i) => {
    if (i > 0) appendParts(parts, [separator]);
    appendParts(parts, f.parts);
  });
  return assembled(parts, fragments.flatMap((f) => f.params));
}

/** `a AND b AND …`, or `TRUE` when there are no conditions. */
export function and(conditions: readonly SqlFragment[]): SqlFragment {
  if (conditions.length === 0) return fragment('TRUE');
  return join(conditions.map((c) => sql`(${c})`), ' AND ');
}

/** `col IN (?, ?, …)` with every value bound; an empty list matches nothing. */
export function inList(column: SqlFragment, values: readonly SqlValue[]): SqlFragment {
  if (values.length === 0) return fragment('FALSE');
  return sql`${column} IN (${join(values.map((v) => sql`${v}`))})`;
}

/**
 * Quotes an identifier. When `allowed` is given, the name must be one of them — a column picked in the UI is
 * checked against the table's schema before it reaches SQL.
 */
export function ident(name: string, allowed?: readonly string[]): SqlFragment {
  if (allowed && !allowed.includes(name)) {
    throw new Error(`Unknown column "${name}"; expected one of: ${allowed.join(', ')}`);
  }
  if (name.length === 0) throw new Error('An identifier cannot be empty');
  return fragment(`"${name.replaceAll('"', '""')}"`);
}

/** A trusted SQL keyword or expression written in our own source code (never user input). */
export function raw(text: string): SqlFragment {
  return fragment(text);
}

/**
 * Inlines a value as an escaped SQL literal — for the few places DuckDB cannot take a parameter
 * (e.g. file names in `read_csv`). Prefer bound parameters everywhere else.
 */
export function literal(value: SqlValue): SqlFragment {
  if (value === null) return fragment('NULL');
  if (typeof value === 'boolean') return fragment(value ? 'TRUE' : 'FALSE');
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cannot write ${value} as a SQL literal`);
    return fragment(String(value));
  }
  if (value.includes('\0')) throw new Error('Cannot write a text containing NUL as a SQL literal');
  return fragment(`'${value.replaceAll("'", "''")}'`);
}

/**
 * The query as one self-contained text, every bound value written in its place by {@link literal} — for an
 * engine where a prepared statement costs a message each way per step (prepare, run, close), each of which
 * waits for a free page thread. Null when that cannot be done exactly, and the query then stays bound: a query
 * not built here (no parts); a text a literal cannot carry (NUL); a number, whose literal could be typed
 * differently from the bound value (3.5 is a DECIMAL, a bound 3.5 a DOUBLE) or read as a comment after a minus.
 */
export function inlineParams(query: SqlQuery): string | null {
  if (query.params.length === 0) return query.text;
  const { parts } = query;
  if (!parts || parts.length !== query.params.length + 1) return null;
  const exact = (v: SqlValue) => v === null || typeof v === 'boolean' || (typeof v === 'string' && !v.includes('\0'));
  if (!query.params.every(exact)) return null;
  return parts.map((part, i) => (i === 0 ? part : `${literal(query.params[i - 1] as SqlValue).text}${part}`)).join('');
}
