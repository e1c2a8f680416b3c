/**
 * Announced (bubbling) by a chart, or a facet list, once what it shows is up to date with the data it was
 * given — drawn, or found unchanged. The benchmark and the browser tests wait for it.
 */
export const CHART_RENDERED_EVENT = 'figures-board:chart-rendered';
