/**
 * A tiny SQL builder: statements are composed from fragments whose user-supplied values are always bound
 * parameters (`?`), and whose identifiers are always quoted by {@link ident}. Nothing here concatenates input.
 */

/** A bindable parameter value. */
export type SqlValue = string | number | boolean | null;

/** SQL text with `?` placeholders and the values bound to them, in order. */
export interface SqlQuery {
  readonly text: string;
  readonly params: readonly SqlValue[];
}

const FRAGMENT = Symbol('sql-fragment');

/** A piece of SQL produced by this module (never by string concatenation of input). */
export interface SqlFragment extends SqlQuery {
  readonly [FRAGMENT]: true;
}

function fragment(text: string, params: readonly SqlValue[]): SqlFragment {
  return { text, params, [FRAGMENT]: true };
}

function isFragment(x: unknown): x is SqlFragment {
  return typeof x === 'object' && x !== null && FRAGMENT in x;
}

/**
 * Tagged template: `sql\`SELECT * FROM figures WHERE category = ${c}\`` binds `c` as a parameter;
 * interpolated fragments (from `sql`, `ident`, `join`) are spliced in with their own parameters.
 */
export function sql(strings: TemplateStringsArray, ...values: readonly (SqlValue | SqlFragment)[]): SqlFragment {
  let text = strings[0] ?? '';
  const params: SqlValue[] = [];
  values.forEach((value, i) => {
    if (isFragment(value)) {
      text += value.text;
      params.push(...value.params);
    } else {
      text += '?';
      params.push(value);
    }
    text += strings[i + 1] ?? '';
  });
  return fragment(text, params);
}

/** Joins fragments with a separator (default `, `). */
export function join(parts: readonly SqlFragment[], separator = ', '): SqlFragment {
  return fragment(
    parts.map((p) => p.text).join(separator),
    parts.flatMap((p) => p.params),
  );
}

/** `a AND b AND …`, or `TRUE` when there are no conditions. */
export function and(conditions: readonly SqlFragment[]): SqlFragment {
  if (conditions.length === 0) return fragment('TRUE', []);
  return join(conditions.map((c) => fragment(`(${c.text})`, c.params)), ' AND ');
}

/** `col IN (?, ?, …)` with every value bound; an empty list matches nothing. */
export function inList(column: SqlFragment, values: readonly SqlValue[]): SqlFragment {
  if (values.length === 0) return fragment('FALSE', []);
  return fragment(`${column.text} IN (${values.map(() => '?').join(', ')})`, [...column.params, ...values]);
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
  return fragment(`"${name.replaceAll('"', '""')}"`, []);
}

/** A trusted SQL keyword or expression written in our own source code (never user input). */
export function raw(text: string): SqlFragment {
  return fragment(text, []);
}

/**
 * Inlines a value as an escaped SQL literal — for the few places DuckDB cannot take a parameter
 * (e.g. file names in `read_csv`). Prefer bound parameters everywhere else.
 */
export function literal(value: SqlValue): SqlFragment {
  if (value === null) return fragment('NULL', []);
  if (typeof value === 'boolean') return fragment(value ? 'TRUE' : 'FALSE', []);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cannot write ${value} as a SQL literal`);
    return fragment(String(value), []);
  }
  return fragment(`'${value.replaceAll("'", "''")}'`, []);
}
