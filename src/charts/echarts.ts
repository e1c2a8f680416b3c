/** ECharts, imported modularly: only the charts, components and renderers the app draws with. */
import * as echarts from 'echarts/core';
import { BarChart, TreemapChart, HeatmapChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent, DatasetComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent,
  VisualMapComponent, GraphicComponent,
} from 'echarts/components';
// SVG: the live chart can hand over its own vector drawing for exports (PNG is rasterised from it).
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart, TreemapChart, HeatmapChart, ScatterChart, AriaComponent, DatasetComponent, GridComponent,
  LegendComponent, TitleComponent, TooltipComponent, VisualMapComponent, GraphicComponent, SVGRenderer,
]);

export { echarts };
export type { EChartsCoreOption as ChartOption, ECharts } from 'echarts/core';
