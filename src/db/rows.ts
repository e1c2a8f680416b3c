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
  getChildAt(index: number): ArrowVectorLike | null;
}

/** An Arrow vector: iterable over its values; its chunks' buffers are read directly for UTF-8 text. */
export interface ArrowVectorLike extends Iterable<unknown> {
  data?: readonly ArrowDataLike[];
}

interface ArrowDataLike {
  length: number;
  offset: number;
  nullCount: number;
  nullBitmap?: Uint8Array | null;
  values?: Uint8Array | null;
  valueOffsets?: Int32Array | null;
}

interface ArrowFieldLike {
  name: string;
  type: { typeId: number; scale?: number };
}

/** Arrow's type ids for UTF-8 text (32-bit offsets) and DECIMAL. */
const ARROW_UTF8 = 5;
const ARROW_DECIMAL = 7;

const utf8 = new TextDecoder();

/**
 * The values of a UTF-8 column, decoded one chunk at a time: one decode of the chunk's whole byte buffer, then
 * each value sliced out by its offsets (byte offsets turned into UTF-16 offsets in the same pass). Arrow's
 * iterator decodes value by value, and that call dominated converting a result of a few hundred rows. Null when
 * the vector does not expose the buffers expected (then the iterator is used).
 */
export function utf8Values(column: ArrowVectorLike): (string | null)[] | null {
  if (!column.data) return null;
  const out: (string | null)[] = [];
  for (const chunk of column.data) {
    const { values, valueOffsets, nullBitmap, offset, length, nullCount } = chunk;
    if (!values || !valueOffsets || valueOffsets.length < offset + length + 1) return null;
    const first = valueOffsets[offset] ?? 0;
    const last = valueOffsets[offset + length] ?? first;
    const text = utf8.decode(values.subarray(first, last));
    // UTF-16 position of each byte boundary: continuation bytes (10xxxxxx) add nothing, a 4-byte sequence's
    // lead (11110xxx) adds a surrogate pair, every other byte one unit.
    let byte = first;
    let unit = 0;
    const unitAt = (target: number) => {
      for (; byte < target; byte++) {
        const b = values[byte] ?? 0;
        if ((b & 0xc0) !== 0x80) unit += b >= 0xf0 ? 2 : 1;
      }
      return unit;
    };
    let start = 0;
    for (let i = 0; i < length; i++) {
      const end = unitAt(valueOffsets[offset + i + 1] ?? last);
      const valid = nullCount === 0 || !nullBitmap || ((nullBitmap[(offset + i) >> 3] ?? 0) >> ((offset + i) & 7)) & 1;
      out.push(valid ? text.slice(start, end) : null);
      start = end;
    }
  }
  return out;
}

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
    const text = field.type.typeId === ARROW_UTF8 ? utf8Values(column) : null;
    if (text && text.length === rows.length) {
      rows.forEach((row, n) => {
        row[name] = text[n] ?? null;
      });
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
