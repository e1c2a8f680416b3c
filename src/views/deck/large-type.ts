import type { ChartOption } from '../../charts/echarts';

type Obj = Record<string, unknown>;

const asList = (value: unknown): Obj[] | undefined =>
  value === undefined ? undefined : (Array.isArray(value) ? value : [value]).map((v) => v as Obj);

const withFont = (part: unknown, fontSize: number): Obj => ({ ...(part as Obj | undefined), fontSize });

/**
 * The presentation theme of a chart: the same option with large type on axes, labels and legend, and without
 * its own title (the slide shows it).
 */
export function largeTypeOption(option: ChartOption, fontSize = 18): ChartOption {
  const o = option as Obj;
  const axes = (value: unknown) =>
    asList(value)?.map((axis) => ({ ...axis, axisLabel: withFont(axis.axisLabel, fontSize), nameTextStyle: withFont(axis.nameTextStyle, fontSize) }));
  return {
    ...o,
    title: undefined,
    textStyle: withFont(o.textStyle, fontSize),
    legend: asList(o.legend)?.map((l) => ({ ...l, top: 0, textStyle: withFont(l.textStyle, fontSize) })),
    xAxis: axes(o.xAxis),
    yAxis: axes(o.yAxis),
    grid: asList(o.grid)?.map((g) => ({ ...g, top: 36 })),
    series: asList(o.series)?.map((s) => ({
      ...s,
      label: withFont(s.label, fontSize),
      ...(s.upperLabel ? { upperLabel: { ...(s.upperLabel as Obj), fontSize, height: fontSize + 10 } } : {}),
    })),
  } as ChartOption;
}
