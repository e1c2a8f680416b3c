import { beforeAll, describe, expect, it } from 'vitest';
import { checkImportCsv, type ImportedCsv } from '../../src/data/import-csv';
import { createImportedTable, dropImportedTable, loadTables, lockEngine, type NotRestoredImport } from '../../src/db';
import { raw, sql } from '../../src/sql';
import { createTestEngine } from '../util/test-db';
import { SAMPLE_DOCUMENTS_CSV, SAMPLE_FIGURES, sampleFiguresCsv } from '../util/sample-data';

let engine: Awaited<ReturnType<typeof createTestEngine>>;
/** What the start said it could not load again. */
let notRestored: NotRestoredImport[] = [];

/** An import as kept from an earlier visit whose text no longer reads with its columns' types. */
const broken: ImportedCsv = {
  table: 'broken', csv: 'n\nnot a number\n', delimiter: ',', columns: [{ name: 'n', type: 'BIGINT' }], rows: 1,
  importedAt: '2026-01-01T00:00:00.000Z',
};

beforeAll(async () => {
  engine = await createTestEngine();
  notRestored = await loadTables(engine, {
    figuresCsv: sampleFiguresCsv(),
    documentsCsv: SAMPLE_DOCUMENTS_CSV,
    imports: async () => [checkImportCsv('k,v\na,1\n', 'kept'), broken],
  });
  // As in the app: imports happen once the engine is closed to every file outside its import directory.
  await lockEngine(engine);
});

const columnTypes = (table: string) => engine.query(sql`SELECT column_name, data_type FROM information_schema.columns
  WHERE table_name = ${table} ORDER BY ordinal_position`);

describe('imported tables', () => {
  it('loads a checked text into the locked engine with the types the check found', async () => {
    await createImportedTable(engine, checkImportCsv('district,projects,amount\n滨海,12,3.5\n高新区,,-0.25\n', 'investment'));
    expect((await columnTypes('investment')).map((c) => `${String(c.column_name)} ${String(c.data_type)}`))
      .toEqual(['district VARCHAR', 'projects BIGINT', 'amount DOUBLE']);
    expect(await engine.query(sql`SELECT * FROM investment ORDER BY district`)).toEqual([
      { district: '滨海', projects: 12, amount: 3.5 },
      { district: '高新区', projects: null, amount: -0.25 },
    ]);
  });

  it('reads tab-separated text and quoted fields as the check did', async () => {
    await createImportedTable(engine, checkImportCsv('name\tnote\na\t"x\ty"\nb\t"line\nbreak"\n', 'pasted'));
    expect(await engine.query(sql`SELECT note FROM pasted ORDER BY name`)).toEqual([{ note: 'x\ty' }, { note: 'line\nbreak' }]);
  });

  it('holds exactly the records the check counted, codes and spaces as they were written', async () => {
    const imported = checkImportCsv('code,n,note\n000001, 5 , padded \n\n,,\n600519,6,"a ""quote"""\n', 'exact');
    await createImportedTable(engine, imported);
    const rows = await engine.query(sql`SELECT * FROM exact ORDER BY code`);
    expect(rows).toEqual([{ code: '000001', n: 5, note: ' padded ' }, { code: '600519', n: 6, note: 'a "quote"' }]);
    expect(rows).toHaveLength(imported.rows);
  });

  it('replaces a table of the same name on a new import', async () => {
    await createImportedTable(engine, checkImportCsv('a\n1\n', 'again'));
    await createImportedTable(engine, checkImportCsv('b\nx\ny\n', 'again'));
    expect(await engine.query(sql`SELECT * FROM again`)).toEqual([{ b: 'x' }, { b: 'y' }]);
  });

  it('leaves the table of that name, and every other, as they were when an import fails to read', async () => {
    await createImportedTable(engine, checkImportCsv('n\n5\n', 'safe'));
    await expect(createImportedTable(engine, { ...broken, table: 'safe' })).rejects.toThrow(/Could not convert|Conversion Error/);
    expect(await engine.query(sql`SELECT * FROM safe`)).toEqual([{ n: 5 }]);
    const [figures] = await engine.query(sql`SELECT count(*) AS n FROM figures`);
    expect(figures?.n).toBe(SAMPLE_FIGURES.length);
  });

  it('loads the imports kept from earlier visits at start, and reports one that no longer loads', async () => {
    expect(await engine.query(sql`SELECT * FROM kept`)).toEqual([{ k: 'a', v: 1 }]);
    expect(notRestored.map((p) => p.table)).toEqual(['broken']);
    await expect(engine.query(sql`SELECT * FROM broken`)).rejects.toThrow(/does not exist/);
  });

  it('lets go of the registered text once the read is over, whether it succeeded or failed', async () => {
    const registered: string[] = [];
    const dropped: string[] = [];
    const spy = {
      ...engine,
      registerText: async (name: string, text: string) => {
        registered.push(name);
        await engine.registerText(name, text);
      },
      dropFile: async (name: string) => {
        dropped.push(name);
        await engine.dropFile(name);
      },
    };
    await createImportedTable(spy, checkImportCsv('a\n1\n', 'spied'));
    await expect(createImportedTable(spy, { ...broken, table: 'spied' })).rejects.toThrow();
    expect(registered).toHaveLength(2);
    expect(dropped).toEqual(registered);
    expect(new Set(registered).size).toBe(2);
    expect(registered.every((name) => name.startsWith('imports/spied-'))).toBe(true);
  });

  it('drops an imported table', async () => {
    await createImportedTable(engine, checkImportCsv('a\n1\n', 'gone'));
    await dropImportedTable(engine, 'gone');
    await expect(engine.query(sql`SELECT * FROM gone`)).rejects.toThrow(/does not exist/);
  });

  it('opens only the import directory: other files registered later stay out of reach', async () => {
    await engine.registerText('elsewhere.csv', 'a\n1\n');
    await expect(engine.query(raw("SELECT * FROM read_csv('elsewhere.csv')"))).rejects.toThrow(/Permission Error/);
  });
});
