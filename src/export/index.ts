/** Export: chart images (PNG/SVG/clipboard), data files (CSV/XLSX) and the presentation deck. */
export { ChartExportMenu, type ChartExportSpec } from './ChartExportMenu';
export { TableExportButtons } from './TableExportButtons';
export { chartImageMeta, describePeriod, describeSource, metaSubtitle, type ChartImageMeta } from './chart-meta';
export { composeChartSvg, escapeXml, type ComposedSvg } from './chart-svg';
export { neutralise, toCsv, BOM } from './csv';
export { safeFileName } from './file-name';
export { chartSvg, copyPng, downloadBlob, svgToPng, PNG_SCALES } from './image';
export { figuresTable, type ExportColumn, type ExportTable } from './table';
export { toXlsx, sheetName } from './xlsx';
export { deck, DeckStore, DECK_STORAGE_KEY } from './deck-store';
export { decodeDeck, encodeDeck, slideQuery, DeckFormatError, type Slide } from './deck-codec';
