/**
 * The one conversion point for values leaving DuckDB. Arrow gives BIGINT as `bigint` and DECIMAL as scaled
 * integers; views receive plain JSON-safe rows. DECIMALs are converted by moving the decimal point in the
 * integer's digits and parsing that text, so 262.48 arrives as 262.48 — DuckDB's own `castDecimalToDouble`
 * divides in floating point and yields 262.47999999999996.
 */

/** A plain row: every value is JSON-serialisable. */
export type Row = Record<string, string | number | boolean | null>;

/** The structural slice of an Arrow table that we read (avoids importing apache-arrow directly). */
export interface ArrowTableLike {
  schema: { fields: readonly ArrowFieldLike[] };
  toArray(): readonly ({ toJSON(): Record<string, unknown> } | null)[];
}

interface ArrowFieldLike {
  name: string;
  type: { typeId: number; scale?: number };
}

/** Arrow's type id for DECIMAL. */
const ARROW_DECIMAL = 7;

/** `decimalToNumber('262480000', 6)` → 262.48: the scaled integer's digits with the point put back. */
export function decimalToNumber(scaledInteger: string, scale: number): number {
  const negative = scaledInteger.startsWith('-');
  const digits = (negative ? scaledInteger.slice(1) : scaledInteger).padStart(scale + 1, '0');
  const text = scale > 0 ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return Number(negative ? `-${text}` : text);
}

/** Converts one value to a JSON-safe scalar. */
export function toPlainValue(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'bigint':
      return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
        ? Number(value)
        : value.toString();
    case 'string':
    case 'boolean':
      return value;
    default:
      if (value instanceof Date) return value.toISOString();
      return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  }
}

/** Converts an Arrow result to plain rows, keeping the schema's column order. */
export function toRows(table: ArrowTableLike): Row[] {
  const fields = table.schema.fields.map((f) => ({
    name: f.name,
    decimalScale: f.type.typeId === ARROW_DECIMAL ? (f.type.scale ?? 0) : null,
  }));
  return table.toArray().map((record) => {
    const source = record?.toJSON() ?? {};
    const row: Row = {};
    for (const { name, decimalScale } of fields) {
      const value = source[name];
      row[name] =
        decimalScale !== null && value !== null && value !== undefined
          ? decimalToNumber(String(value), decimalScale)
          : toPlainValue(value);
    }
    return row;
  });
}

/** The column names of an Arrow result. */
export function columnNames(table: ArrowTableLike): string[] {
  return table.schema.fields.map((f) => f.name);
}
