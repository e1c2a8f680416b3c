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

/** A checked table, ready to load: its records as a plain CSV, with what was found in them. */
export interface ImportedCsv {
  table: string;
  /** The checked records written out again: comma-separated, header first, quoted where needed. */
  csv: string;
  /** The delimiter the text came with (a comma, or a tab for text pasted from a spreadsheet, say). */
  delimiter: string;
  columns: ImportColumn[];
  rows: number;
  importedAt: string;
}

/** The app's own tables (and those it loads them through): an import may not replace them. */
export const RESERVED_TABLES: readonly string[] = [
  'figures', 'figures_linked', 'figures_facets', 'figures_repeated', 'figures_ranked', 'figures_metrics', 'figures_metric_points', 'documents', 'document_texts', 'figures_staging',
  'documents_staging', 'texts_staging', 'figures_add', 'documents_add', 'texts_add',
];

/** Most rows an import takes (the engine holds every table in the page's memory). */
export const IMPORT_MAX_ROWS = 1_000_000;

/** A table name an analyst can type in SQL without quotes. */
const TABLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * A plain number as DuckDB reads it, without leading zeros (`000123` is a code, kept as text) and with at most
 * 15 significant digits (a longer one, an account or ID number, would not survive as a double).
 */
const NUMBER = /^[+-]?(?:(?:0|[1-9]\d*)(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?$/;
const WHOLE = /^[+-]?(?:0|[1-9]\d*)$/;

function significantDigits(v: string): number {
  const mantissa = v.replace(/[eE].*$/, '').replace(/[^0-9]/g, '').replace(/^0+/, '');
  return mantissa.replace(/0+$/, '').length;
}

function isNumber(v: string): boolean {
  return NUMBER.test(v) && significantDigits(v) <= 15;
}

/**
 * A table name from a file name, unlike every name in `taken`: `Budget 2023.csv` → `budget_2023`, `投资.csv` →
 * `imported` (then `imported_2`, …).
 */
export function tableNameFromFile(fileName: string, taken: readonly string[] = []): string {
  const base = fileName.replace(/\.[^.]*$/, '').toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  const plain = base === '' ? 'imported' : /^[a-z_]/.test(base) ? base : `t_${base}`;
  const name = (RESERVED_TABLES.includes(plain) ? `${plain}_imported` : plain).slice(0, 56);
  if (!taken.includes(name)) return name;
  let n = 2;
  while (taken.includes(`${name}_${n}`)) n += 1;
  return `${name}_${n}`;
}

/** Why `table` cannot name an import, or null when it can. */
export function tableNameProblem(table: string): string | null {
  if (!TABLE_NAME.test(table)) return '表名只能用小写字母、数字和下划线，并以字母或下划线开头（最多 63 个字符）';
  if (RESERVED_TABLES.includes(table)) return `“${table}”是看板自带的表，不能被导入覆盖`;
  return null;
}

/** Where a record starts in the text: its offset and its 1-based line. */
interface RecordStart {
  offset: number;
  line: number;
}

/**
 * Scans the text (up to `until`) as a CSV reader does (a quote opens a field only at its start; inside one,
 * `""` is a quote and a line break belongs to the field): the start of each record that PapaParse keeps with
 * `skipEmptyLines: 'greedy'` (a record of nothing but whitespace, delimiters and quotes is skipped), and the
 * field the scan stopped in. Lets a message name the line an analyst sees in an editor, blank lines and
 * multi-line fields included.
 */
function scan(text: string, delimiter: string, until = text.length) {
  const starts: RecordStart[] = [];
  let quoted = false;
  let fieldStart = true;
  let field = 1;
  let line = 1;
  let start: RecordStart = { offset: 0, line: 1 };
  let content = false;
  let i = 0;
  for (; i < text.length && i < until; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        content = true;
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        if (c === '\n') line += 1;
        if (c.trim() !== '') content = true;
      }
      continue;
    }
    if (c === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (c === delimiter) {
      field += 1;
      fieldStart = true;
    } else if (c === '\n') {
      line += 1;
      if (content) starts.push(start);
      start = { offset: i + 1, line };
      content = false;
      field = 1;
      fieldStart = true;
    } else {
      fieldStart = false;
      if (c.trim() !== '') content = true;
    }
  }
  // Scanned to the end: the last record counts if it has content; stopped early: the record under way counts.
  if (content || i < text.length) starts.push(start);
  return { starts, field };
}

function columnType(values: readonly string[]): ImportColumnType {
  const present = values.filter((v) => v !== '');
  if (present.length === 0 || !present.every(isNumber)) return 'VARCHAR';
  return present.every((v) => WHOLE.test(v)) ? 'BIGINT' : 'DOUBLE';
}

/**
 * Checks a CSV (or tab-separated text pasted from a spreadsheet; the delimiter is detected) with a header row:
 * every record must have as many fields as the header, header names must be present and distinct, quotes must
 * close. Number columns are typed as such when every value in them is a plain number. Rows are the text's
 * lines as an editor numbers them (a record spanning lines is named by its first). Throws a {@link CsvError}
 * naming the row and column.
 */
export function checkImportCsv(input: string, table: string, now: () => Date = () => new Date()): ImportedCsv {
  const problem = tableNameProblem(table);
  if (problem) throw new CsvError(problem, 0);
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new CsvError('没有内容：请粘贴或选择一个带表头的 CSV', 1);
  // One record beyond the limit is enough to refuse a text that is too long, without reading all of it.
  const parsed = Papa.parse<string[]>(text, {
    skipEmptyLines: 'greedy', delimitersToGuess: [',', '\t', ';', '|'], preview: IMPORT_MAX_ROWS + 2,
  });
  const delimiter = parsed.meta.delimiter || ',';
  // Only a refusal needs to know where records start: a text that passes is never scanned.
  let scanned: RecordStart[] | null = null;
  const lineOf = (record: number) => (scanned ??= scan(text, delimiter).starts)[record]?.line ?? record + 1;
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    // The record and field the quote is in: the text scanned up to it.
    const at = quoteError.index ?? 0;
    const upTo = scan(text, delimiter, at);
    const record = Math.max(0, upTo.starts.length - 1);
    const column = upTo.field;
    const name = record > 0 ? parsed.data[0]?.[column - 1]?.trim() : undefined;
    const line = upTo.starts[record]?.line ?? 1;
    const what = quoteError.code === 'MissingQuotes' ? '引号没有闭合' : '引号后面还有字符（字段里的引号要写成两个 ""）';
    throw new CsvError(`第 ${line} 行，第 ${column} 列${name ? `（${name}）` : ''}：${what}`, line, name);
  }
  const [header, ...body] = parsed.data;
  if (!header) throw new CsvError('没有内容：请粘贴或选择一个带表头的 CSV', 1);
  const names = header.map((h) => h.trim());
  const headerLine = lineOf(0);
  names.forEach((name, i) => {
    if (name === '') throw new CsvError(`第 ${headerLine} 行，第 ${i + 1} 列：表头为空，每一列都需要列名`, headerLine);
    const first = names.findIndex((other) => other.toLowerCase() === name.toLowerCase());
    if (first !== i) throw new CsvError(`第 ${headerLine} 行，第 ${i + 1} 列：列名“${name}”与第 ${first + 1} 列重复`, headerLine, name);
  });
  if (body.length === 0) throw new CsvError('只有表头，没有数据行', headerLine + 1);
  if (body.length > IMPORT_MAX_ROWS) {
    throw new CsvError(`共 ${body.length} 行，超过导入上限 ${IMPORT_MAX_ROWS} 行`, IMPORT_MAX_ROWS + 2);
  }
  body.forEach((fields, i) => {
    if (fields.length === names.length) return;
    const row = lineOf(i + 1);
    if (fields.length > names.length) {
      throw new CsvError(`第 ${row} 行，第 ${names.length + 1} 列：多出一列（表头只有 ${names.length} 列）`, row);
    }
    const missing = names[fields.length] as string;
    throw new CsvError(`第 ${row} 行，第 ${fields.length + 1} 列（${missing}）：缺少这一列（只有 ${fields.length} 列，表头有 ${names.length} 列）`, row, missing);
  });
  const columns = names.map((name, j) => ({ name, type: columnType(body.map((fields) => (fields[j] ?? '').trim())) }));
  // What the engine reads is written from the records checked here (comma-separated, quoted where needed,
  // number cells trimmed): it cannot read the text differently, count other rows, or trip on a blank line.
  const numeric = columns.map((c) => c.type !== 'VARCHAR');
  const csv = Papa.unparse(
    { fields: names, data: body.map((fields) => fields.map((v, j) => (numeric[j] ? v.trim() : v))) },
    { delimiter: ',', newline: '\n' },
  );
  return { table, csv: `${csv}\n`, delimiter, columns, rows: body.length, importedAt: now().toISOString() };
}
