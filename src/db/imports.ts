/**
 * Tables an analyst imports (see src/data/import-csv.ts) as DuckDB tables. Their texts are registered under
 * IMPORT_DIR, the one directory the engine may still read once it is locked (see `lockEngine`), and read with
 * the columns and types the check found. `CREATE OR REPLACE` is one statement: if the read fails, the table
 * that had the name before (and every other table) is left as it was.
 */
import type { ImportedCsv } from '../data/import-csv';
import { ident, join, literal, sql } from '../sql';
import type { Engine } from './engine';

/** Where imported texts are registered: readable by the engine after the lock, nothing else is. */
export const IMPORT_DIR = 'imports/';

let registrations = 0;

export async function createImportedTable(engine: Engine, imported: ImportedCsv): Promise<void> {
  // A new file name each time: a failed import never changes the file an existing table was read from.
  registrations += 1;
  const file = `${IMPORT_DIR}${imported.table}-${registrations}.csv`;
  await engine.registerText(file, imported.csv);
  const columns = join(imported.columns.map((c) => sql`${literal(c.name)}: ${literal(c.type)}`));
  try {
    await engine.query(sql`CREATE OR REPLACE TABLE ${ident(imported.table)} AS SELECT * FROM read_csv(${literal(file)},
      header = true, delim = ',', quote = '"', escape = '"', auto_detect = false, strict_mode = true,
      max_line_size = 67108864, columns = {${columns}})`);
  } finally {
    // The table holds its own copy: the text is let go of either way (the kept copy is the browser's).
    await engine.dropFile(file).catch(() => undefined);
  }
}

export async function dropImportedTable(engine: Engine, table: string): Promise<void> {
  await engine.query(sql`DROP TABLE IF EXISTS ${ident(table)}`);
}

/** An import kept from an earlier visit that could not be loaded again at start-up, with the engine's reason. */
export interface NotRestoredImport {
  table: string;
  message: string;
}

/**
 * Loads the imports kept from earlier visits, one by one: one that fails is reported (and kept in storage, so
 * nothing is lost), the others load all the same. Returns those that failed.
 */
export async function restoreImportedTables(engine: Engine, imports: readonly ImportedCsv[]): Promise<NotRestoredImport[]> {
  const failed: NotRestoredImport[] = [];
  for (const imported of imports) {
    try {
      await createImportedTable(engine, imported);
    } catch (error) {
      failed.push({ table: imported.table, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return failed;
}
