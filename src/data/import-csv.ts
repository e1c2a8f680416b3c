/**
 * An analyst's own table, pasted or chosen as a file: checked here before the engine sees it, so that a
 * malformed text is refused with the row and column at fault and nothing already loaded is touched.
 */
import Papa from 'papaparse';
import { CsvError } from './parse-csv';

/** The types an imported column can take: whole numbers, other numbers, or text. */
export type ImportColumnType = 'BIGINT' | 'DOUBLE' | 'VARCHAR';

export interface ImportColumn {
  name: string;
  type: ImportColumnType;
}

/** A checked table, ready to load: its text as given, with what was found in it. */
export interface ImportedCsv {
  table: string;
  csv: string;
  delimiter: string;
  columns: ImportColumn[];
  rows: number;
  importedAt: string;
}

/** The app's own tables (and those it loads them through): an import may not replace them. */
export const RESERVED_TABLES: readonly string[] = ['figures', 'documents', 'figures_staging', 'documents_staging'];

/** Most rows an import takes (the engine holds every table in the page's memory). */
export const IMPORT_MAX_ROWS = 1_000_000;

/** A table name an analyst can type in SQL without quotes. */
const TABLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** A whole number that fits a double exactly, and any other plain decimal number. */
const WHOLE = /^[+-]?\d{1,15}$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A suggested table name from a file name: `2023 投资.csv` → `t_2023`; the analyst can change it. */
export function tableNameFromFile(fileName: string): string {
  const base = fileName.replace(/\.[^.]*$/, '').toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  if (base === '') return 'imported';
  const name = /^[a-z_]/.test(base) ? base : `t_${base}`;
  return RESERVED_TABLES.includes(name) ? `${name}_imported` : name.slice(0, 63);
}

/** Why `table` cannot name an import, or null when it can. */
export function tableNameProblem(table: string): string | null {
  if (!TABLE_NAME.test(table)) return '表名只能用小写字母、数字和下划线，并以字母或下划线开头（最多 63 个字符）';
  if (RESERVED_TABLES.includes(table)) return `“${table}”是看板自带的表，不能被导入覆盖`;
  return null;
}

/** The 1-based column (counted in fields) at `offset` of a record that starts at `recordStart`. */
function fieldAt(text: string, recordStart: number, offset: number, delimiter: string): number {
  let field = 1;
  let quoted = false;
  for (let i = recordStart; i < offset && i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === delimiter) field += 1;
  }
  return field;
}

/** The offset where record `row` (0-based) starts, counting quoted line breaks as part of their field. */
function recordStart(text: string, row: number): number {
  let seen = 0;
  let quoted = false;
  for (let i = 0; i < text.length && seen < row; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '\n') {
      seen += 1;
      if (seen === row) return i + 1;
    }
  }
  return row === 0 ? 0 : text.length;
}

function columnType(values: readonly string[]): ImportColumnType {
  const present = values.filter((v) => v !== '');
  if (present.length === 0) return 'VARCHAR';
  if (present.every((v) => WHOLE.test(v))) return 'BIGINT';
  if (present.every((v) => NUMBER.test(v))) return 'DOUBLE';
  return 'VARCHAR';
}

/**
 * Checks a CSV (or tab-separated text pasted from a spreadsheet; the delimiter is detected) with a header row:
 * every record must have as many fields as the header, header names must be present and distinct, quotes must
 * close. Numbers columns are typed as such when every value in them is a plain number. Rows count as a
 * spreadsheet does: the header is row 1. Throws a {@link CsvError} naming the row and column.
 */
export function checkImportCsv(input: string, table: string, now: () => Date = () => new Date()): ImportedCsv {
  const problem = tableNameProblem(table);
  if (problem) throw new CsvError(problem, 0);
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new CsvError('没有内容：请粘贴或选择一个带表头的 CSV', 1);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', delimitersToGuess: [',', '\t', ';', '|'] });
  const delimiter = parsed.meta.delimiter || ',';
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    const row = (quoteError.row ?? 0);
    const start = recordStart(text, row);
    const column = fieldAt(text, start, quoteError.index ?? start, delimiter);
    const header = parsed.data[0];
    const name = row > 0 && header ? header[column - 1] : undefined;
    throw new CsvError(`第 ${row + 1} 行，第 ${column} 列${name ? `（${name}）` : ''}：引号没有闭合`, row + 1, name);
  }
  const [header, ...body] = parsed.data;
  if (!header) throw new CsvError('没有内容：请粘贴或选择一个带表头的 CSV', 1);
  const names = header.map((h) => h.trim());
  names.forEach((name, i) => {
    if (name === '') throw new CsvError(`第 1 行，第 ${i + 1} 列：表头为空，每一列都需要列名`, 1);
    const first = names.findIndex((other) => other.toLowerCase() === name.toLowerCase());
    if (first !== i) throw new CsvError(`第 1 行，第 ${i + 1} 列：列名“${name}”与第 ${first + 1} 列重复`, 1, name);
  });
  if (body.length === 0) throw new CsvError('只有表头，没有数据行', 2);
  if (body.length > IMPORT_MAX_ROWS) {
    throw new CsvError(`共 ${body.length} 行，超过导入上限 ${IMPORT_MAX_ROWS} 行`, IMPORT_MAX_ROWS + 2);
  }
  body.forEach((fields, i) => {
    if (fields.length === names.length) return;
    const row = i + 2;
    if (fields.length > names.length) {
      throw new CsvError(`第 ${row} 行，第 ${names.length + 1} 列：多出一列（表头只有 ${names.length} 列）`, row);
    }
    const missing = names[fields.length] as string;
    throw new CsvError(`第 ${row} 行，第 ${fields.length + 1} 列（${missing}）：缺少这一列（只有 ${fields.length} 列，表头有 ${names.length} 列）`, row, missing);
  });
  const columns = names.map((name, j) => ({ name, type: columnType(body.map((fields) => (fields[j] ?? '').trim())) }));
  return { table, csv: text, delimiter, columns, rows: body.length, importedAt: now().toISOString() };
}
