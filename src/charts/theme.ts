/** The board's chart look: a calm palette and CJK-first fonts, shared by screen, slides and exports. */
/** Fourteen distinct colours: one per category (13) with one to spare, so no two series of a chart share one. */
export const PALETTE = [
  '#2f5d8a', '#d1603d', '#3f8f6b', '#c29a2e', '#7a5195', '#4a9bb5', '#a64d79', '#6b7a8f',
  '#8c564b', '#99c945', '#e377c2', '#24796c', '#f28e2b', '#bcbd22',
];

/**
 * CJK-first font list. Names are single-quoted: ECharts' SVG string renderer (the export path) copies the font
 * into a double-quoted `style` attribute without escaping, so a double quote here would break the SVG.
 */
export const FONT_FAMILY =
  "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Helvetica Neue', Arial, sans-serif";

export const BASE_TEXT_STYLE = { fontFamily: FONT_FAMILY, color: '#1f2933' };
