import { queryOptions } from '@tanstack/react-query';
import { checkImportCsvOffThread } from '../data/check-off-thread';
import type { ImportedCsv } from '../data/import-csv';
import { deleteStoredImport, loadStoredImports, storeImport } from '../data/imports-store';
import { createImportedTable, dropImportedTable, type Engine } from '../db';

export interface ImportOutcome {
  imported: ImportedCsv;
  /** Set when the table is loaded but could not be kept for the next visit (storage full or unavailable). */
  notKept: string | null;
}

/**
 * Checks `text`, loads it as `table`, then keeps it for the next visits. A text that fails the check or the
 * engine's read throws (a CsvError names its row and column) and changes nothing: not the tables loaded, not
 * what is kept.
 */
export async function importCsvTable(
  engine: () => Promise<Engine>, text: string, table: string, confirmLoad: (imported: ImportedCsv) => boolean = () => true,
): Promise<ImportOutcome | null> {
  const imported = await checkImportCsvOffThread(text, table);
  // Asked once the text is known to be good (replacing a table of the same name, say): null when declined.
  if (!confirmLoad(imported)) return null;
  await createImportedTable(await engine(), imported);
  try {
    await storeImport(imported);
    return { imported, notKept: null };
  } catch (error) {
    // An older table kept under this name must not come back on the next visit in place of this one.
    await deleteStoredImport(table).catch(() => undefined);
    return { imported, notKept: error instanceof Error ? error.message : String(error) };
  }
}

/** Drops an imported table and forgets it. */
export async function removeImportedTable(engine: () => Promise<Engine>, table: string): Promise<void> {
  await dropImportedTable(await engine(), table);
  await deleteStoredImport(table);
}

/** The kept imports, once the engine has loaded them (those it could not: `loadedWorkspace().importsNotRestored`). */
export function importsOptions(engine: () => Promise<Engine>) {
  return queryOptions({
    queryKey: ['imports'],
    queryFn: async () => {
      await engine();
      const kept = await loadStoredImports().catch(() => [] as ImportedCsv[]);
      return { kept };
    },
  });
}
