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
  numRows: number;
  /** The column at `index`: an Arrow vector, iterable over its values across chunks. */
  getChildAt(index: number): Iterable<unknown> | null;
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

const TWO_32 = 4294967296;

/**
 * The digits of an Arrow DECIMAL's scaled integer. Arrow hands over 128-bit values as four little-endian
 * 32-bit words (two's complement); they are read directly — as a number below 2^53, else as a BigInt —
 * which is much faster than Arrow's own big-number `toString` (kept for any other shape).
 */
export function decimalDigits(value: unknown): string {
  if (value instanceof Uint32Array && value.length === 4) {
    const [w0 = 0, w1 = 0, w2 = 0, w3 = 0] = value;
    if (w3 === 0 && w2 === 0 && w1 < 0x200000) return String(w1 * TWO_32 + w0);
    const words = (BigInt(w3) << 96n) | (BigInt(w2) << 64n) | (BigInt(w1) << 32n) | BigInt(w0);
    return BigInt.asIntN(128, words).toString();
  }
  return String(value);
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

/**
 * Converts an Arrow result to plain rows, keeping the schema's column order. It walks column by column
 * (Arrow's row proxies cost several microseconds a row), converting each value once.
 */
export function toRows(table: ArrowTableLike): Row[] {
  const rows: Row[] = Array.from({ length: table.numRows }, () => ({}));
  table.schema.fields.forEach((field, index) => {
    const { name } = field;
    const scale = field.type.typeId === ARROW_DECIMAL ? (field.type.scale ?? 0) : null;
    const column = table.getChildAt(index);
    if (!column) {
      for (const row of rows) row[name] = null;
      return;
    }
    let i = 0;
    for (const value of column) {
      const row = rows[i++];
      if (!row) break;
      row[name] =
        scale !== null && value !== null && value !== undefined
          ? decimalToNumber(decimalDigits(value), scale)
          : toPlainValue(value);
    }
  });
  return rows;
}

/** The column names of an Arrow result. */
export function columnNames(table: ArrowTableLike): string[] {
  return table.schema.fields.map((f) => f.name);
}
