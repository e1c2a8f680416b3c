/** The chart types only some views draw (imported for its side effect by those lazily loaded views). */
import { HeatmapChart, LineChart, ScatterChart, TreemapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { echarts } from './echarts';

echarts.use([TreemapChart, HeatmapChart, LineChart, ScatterChart, VisualMapComponent, LabelLayout]);
