/**
 * ECharts, imported modularly: the bar charts and components the first screen draws with. Views that need
 * more (treemap, heat map) import `./echarts-extra` themselves, so those modules load with them.
 */
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import {
  AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent,
} from 'echarts/components';
import { LegacyGridContainLabel } from 'echarts/features';
// SVG: the live chart can hand over its own vector drawing for exports (PNG is rasterised from it).
import { SVGRenderer } from 'echarts/renderers';
import { createMeasureText } from './text-measure';

echarts.use([
  BarChart, AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent,
  // Our grids use `containLabel`, which ECharts 6 keeps in this legacy feature.
  LegacyGridContainLabel, SVGRenderer,
]);

// Text is measured in the family it is drawn in (see text-measure.ts). Without a document (the SVG string
// renderer under Node), ECharts keeps its own estimate.
if (typeof document !== 'undefined') {
  echarts.setPlatformAPI({ measureText: createMeasureText(() => document.createElement('canvas').getContext('2d')) });
}

export { echarts };
export type { EChartsCoreOption as ChartOption, ECharts } from 'echarts/core';
