import { describe, expect, it } from 'vitest';
import { checkImportCsv, tableNameFromFile, tableNameProblem } from '../../src/data/import-csv';
import { CsvError } from '../../src/data/parse-csv';

const AT = () => new Date('2026-01-02T03:04:05Z');

/** The CsvError a text is refused with (the test fails if it is accepted). */
function refusal(text: string, table = 'investment'): CsvError {
  try {
    checkImportCsv(text, table, AT);
  } catch (error) {
    if (error instanceof CsvError) return error;
    throw error;
  }
  throw new Error(`accepted: ${JSON.stringify(text)}`);
}

describe('checkImportCsv', () => {
  it('types each column from its values: whole numbers, other numbers, text (empty fields are left out)', () => {
    const imported = checkImportCsv('district,projects,amount,note\n滨海,12,3.5,\n高新区,7,-0.25,重点\n', 'investment', AT);
    expect(imported).toEqual({
      table: 'investment',
      csv: 'district,projects,amount,note\n滨海,12,3.5,\n高新区,7,-0.25,重点\n',
      delimiter: ',',
      columns: [
        { name: 'district', type: 'VARCHAR' }, { name: 'projects', type: 'BIGINT' },
        { name: 'amount', type: 'DOUBLE' }, { name: 'note', type: 'VARCHAR' },
      ],
      rows: 2,
      importedAt: '2026-01-02T03:04:05.000Z',
    });
  });

  it('takes tab-separated text pasted from a spreadsheet, with Windows line ends and a byte-order mark', () => {
    const imported = checkImportCsv('\uFEFF地区\t数量\r\n滨海\t1,200\r\n高新区\t35\r\n', 'pasted', AT);
    expect(imported.delimiter).toBe('\t');
    // "1,200" is not a plain number: the column stays text rather than losing a row to a failed cast.
    expect(imported.columns).toEqual([{ name: '地区', type: 'VARCHAR' }, { name: '数量', type: 'VARCHAR' }]);
    // What the engine reads is the checked records written out again, comma-separated and quoted where needed.
    expect(imported.csv).toBe('地区,数量\n滨海,"1,200"\n高新区,35\n');
  });

  it('keeps codes with leading zeros and numbers too long for a double as text', () => {
    const imported = checkImportCsv('code,account,ratio,zero\n000001,6222021234567890123,0.5,0\n600519,6222021234567890124,12.,0.0\n', 'codes', AT);
    expect(imported.columns.map((c) => c.type)).toEqual(['VARCHAR', 'VARCHAR', 'DOUBLE', 'DOUBLE']);
    expect(checkImportCsv('n\n123456789012345\n', 'n15', AT).columns[0]?.type).toBe('BIGINT');
    expect(checkImportCsv('n\n1234567890123456\n', 'n16', AT).columns[0]?.type).toBe('VARCHAR');
  });

  it('writes number cells trimmed, and leaves out records the check skipped (blank, or only delimiters)', () => {
    const imported = checkImportCsv('a,b\n 1 , x \n\n,\n\t\n2,y\n', 'spaced', AT);
    expect(imported.columns).toEqual([{ name: 'a', type: 'BIGINT' }, { name: 'b', type: 'VARCHAR' }]);
    expect(imported.rows).toBe(2);
    // Spaces around text are kept (quoted, so that no reader trims them).
    expect(imported.csv).toBe('a,b\n1," x "\n2,y\n');
  });

  it('keeps a quoted field with the delimiter and a line break in it as one field', () => {
    const imported = checkImportCsv('name,text\na,"one, two\nthree"\nb,plain\n', 'quoted', AT);
    expect(imported.rows).toBe(2);
  });

  it('names the row and the column of a record with a field missing', () => {
    const error = refusal('district,projects,amount\n滨海,12,3.5\n高新区,7\n');
    expect(error.row).toBe(3);
    expect(error.column).toBe('amount');
    expect(error.message).toBe('第 3 行，第 3 列（amount）：缺少这一列（只有 2 列，表头有 3 列）');
  });

  it('names the row and the column of a record with a field too many', () => {
    const error = refusal('a,b\n1,2\n3,4\n5,6,7\n');
    expect(error.row).toBe(4);
    expect(error.message).toBe('第 4 行，第 3 列：多出一列（表头只有 2 列）');
  });

  it('names the row and the column where a quote is left open', () => {
    const error = refusal('a,b,c\n1,2,3\n4,"5,6\n');
    expect(error.row).toBe(3);
    expect(error.column).toBe('b');
    expect(error.message).toMatch(/^第 3 行，第 2 列（b）：引号没有闭合/);
  });

  it('names the line an editor shows, past blank lines and fields that span lines', () => {
    expect(refusal('a,b\n1,2\n\n\n\n3\n').message).toBe('第 6 行，第 2 列（b）：缺少这一列（只有 1 列，表头有 2 列）');
    expect(refusal('a,b\n"one\ntwo",2\n3\n').row).toBe(4);
  });

  it('takes a quote inside an unquoted field as text, and names the field of a stray one after a closing quote', () => {
    expect(checkImportCsv('a,b,c\n5" tv,2,3\n', 'inches', AT).rows).toBe(1);
    const stray = refusal('a,b,c\n5" tv,2,3\n1,"2"x,3\n');
    expect(stray.message).toBe('第 3 行，第 2 列（b）：引号后面还有字符（字段里的引号要写成两个 ""）');
  });

  it('refuses an empty or repeated column name in the header, naming the column', () => {
    expect(refusal('a,,c\n1,2,3\n').message).toBe('第 1 行，第 2 列：表头为空，每一列都需要列名');
    const repeated = refusal('Amount,x,amount\n1,2,3\n');
    expect(repeated.message).toBe('第 1 行，第 3 列：列名“amount”与第 1 列重复');
    expect(repeated.column).toBe('amount');
  });

  it('refuses nothing to import: no text, or a header alone', () => {
    expect(refusal('  \n').message).toMatch(/没有内容/);
    expect(refusal('a,b\n').message).toBe('只有表头，没有数据行');
  });

  it('refuses a table name that is not a plain identifier, or one of the app\'s own tables', () => {
    expect(refusal('a\n1\n', 'figures').message).toMatch(/看板自带的表/);
    expect(refusal('a\n1\n', 'My Table').message).toMatch(/小写字母/);
    expect(tableNameProblem('t_2023')).toBeNull();
  });
});

describe('tableNameFromFile', () => {
  it('suggests a plain identifier from a file name', () => {
    expect(tableNameFromFile('Investment 2023.csv')).toBe('investment_2023');
    expect(tableNameFromFile('2023.tsv')).toBe('t_2023');
    expect(tableNameFromFile('投资.csv')).toBe('imported');
    expect(tableNameFromFile('figures.csv')).toBe('figures_imported');
  });

  it('never suggests the name of a table already imported', () => {
    expect(tableNameFromFile('投资.csv', ['imported'])).toBe('imported_2');
    expect(tableNameFromFile('人口.csv', ['imported', 'imported_2'])).toBe('imported_3');
    expect(tableNameFromFile('Budget.csv', ['imported'])).toBe('budget');
  });
});
