/**
 * Public face of the figure extractor: a pure core that runs in Node and in the browser.
 */
export { extractFigures } from './extractFigures';
export { documentPlace, relabelPlace } from './place';
export { coverageAccount } from './coverageAccount';
export type { CoverageAccount, DigitRunEntry } from './coverageAccount';
export { toFiguresCsv, csvField } from './toFiguresCsv';
export { applyOverrides } from './overrides';
export { parseOverridesCsv, OVERRIDE_COLUMNS } from './overridesCsv';
export { EXCLUSION_REASONS } from './exclusions';
export type { ExclusionReason } from './exclusions';
export { scaleDecimal, normalizeNumber } from './decimal';
export { FIGURE_COLUMNS, CATEGORIES, KINDS, QUALIFIERS } from './types';
export type { FigureRow, FigureColumn, Category, Kind, Override, ExtractOptions } from './types';
