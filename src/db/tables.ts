import { ident, join, literal, sql } from '../sql';
import type { Engine } from './engine';

/** Column name → DuckDB type, in the order of `data/figures.csv`. */
export const FIGURE_COLUMN_TYPES = {
  id: 'VARCHAR',
  doc_id: 'VARCHAR',
  line: 'INTEGER',
  start: 'INTEGER',
  end: 'INTEGER',
  section: 'VARCHAR',
  section_title: 'VARCHAR',
  value: 'DECIMAL(24,6)',
  unit: 'VARCHAR',
  qualifier: 'VARCHAR',
  value_base: 'DECIMAL(38,6)',
  base_unit: 'VARCHAR',
  kind: 'VARCHAR',
  period: 'VARCHAR',
  period_end: 'VARCHAR',
  category: 'VARCHAR',
  indicator: 'VARCHAR',
  subject: 'VARCHAR',
  quote: 'VARCHAR',
} as const;

/** Column name → DuckDB type, in the order of `data/documents.csv`. */
export const DOCUMENT_COLUMN_TYPES = {
  doc_id: 'VARCHAR',
  title: 'VARCHAR',
  publisher: 'VARCHAR',
  published: 'VARCHAR',
  url: 'VARCHAR',
  file: 'VARCHAR',
} as const;

export type FigureColumn = keyof typeof FIGURE_COLUMN_TYPES;
export const FIGURE_COLUMNS = Object.keys(FIGURE_COLUMN_TYPES) as FigureColumn[];

/** The CSV texts that make up the embedded data. */
export interface TableSources {
  figuresCsv: string;
  documentsCsv: string;
}

function readCsvStatement(table: string, file: string, types: Record<string, string>) {
  const columns = join(
    Object.entries(types).map(([name, type]) => sql`${literal(name)}: ${literal(type)}`),
  );
  return sql`CREATE OR REPLACE TABLE ${ident(table)} AS SELECT * FROM read_csv(${literal(file)},
    header = true, delim = ',', quote = '"', escape = '"', auto_detect = false,
    columns = {${columns}})`;
}

/** Loads the figures and documents tables with explicit column types (an empty CSV field reads as NULL). */
export async function loadTables(engine: Engine, sources: TableSources): Promise<void> {
  await engine.registerText('figures.csv', sources.figuresCsv);
  await engine.registerText('documents.csv', sources.documentsCsv);
  await engine.query(readCsvStatement('figures', 'figures.csv', FIGURE_COLUMN_TYPES));
  await engine.query(readCsvStatement('documents', 'documents.csv', DOCUMENT_COLUMN_TYPES));
}
