export type { Engine, ReadOnlyResult, ResultColumn } from './engine';
export type { Row } from './rows';
export { toRows, toPlainValue } from './rows';
export { QueryError, EngineStartError } from './errors';
export {
  loadTables, appendReport, encodeFigures, encodedColumnTypes, installFigures, ENCODE_MIN_ROWS, ENCODED_FIGURE_COLUMNS, FIGURE_COLUMNS, FIGURE_COLUMN_TYPES, LOADED_FIGURE_COLUMN_TYPES, DOCUMENT_COLUMN_TYPES,
} from './tables';
export type { TableSources, ReportRows, FigureColumn, NotLoadedReport } from './tables';
export { EngineHost, lockEngine } from './engine-host';
export type { StartEngine, LoadedWorkspace } from './engine-host';
export { createImportedTable, dropImportedTable, IMPORT_DIR, type NotRestoredImport } from './imports';
export type { EngineStatus, LoadedCounts } from './engine-status';
