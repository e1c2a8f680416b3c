import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { EChart } from '../../charts/EChart';
import { t } from '../../i18n/zh';
import { embeddedDataOptions } from '../../queries';
import { QueryState } from '../shared/QueryState';
import { KpiCard } from '../shared/KpiCard';
import { buildFigureBarsOption, figureBarsUnit, type FigureBarDatum } from '../shared/figure-bars-option';
import { buildOverview, type OverviewPanel } from './build-overview';

export interface OverviewViewProps {
  onOpenFigure: (id: string) => void;
  onOpenTheme: (categories: readonly string[]) => void;
}

/**
 * The leadership overview: one panel per theme with headline cards and one or two charts. It draws from
 * the parsed CSV, so it does not wait for the query engine.
 */
export function OverviewView(props: OverviewViewProps) {
  const data = useQuery(embeddedDataOptions());
  return (
    <QueryState query={data}>
      {({ figures }) => <OverviewPanels figures={figures} {...props} />}
    </QueryState>
  );
}

function OverviewPanels({ figures, onOpenFigure, onOpenTheme }: OverviewViewProps & { figures: Parameters<typeof buildOverview>[0] }) {
  const panels = useMemo(() => buildOverview(figures), [figures]);
  return (
    <div className="overview-grid">
      {panels.map((panel) => (
        <ThemePanel key={panel.theme.key} panel={panel} onOpenFigure={onOpenFigure} onOpenTheme={onOpenTheme} />
      ))}
    </div>
  );
}

function ThemePanel({ panel, onOpenFigure, onOpenTheme }: OverviewViewProps & { panel: OverviewPanel }) {
  const title = t.overview.themes[panel.theme.key] ?? panel.theme.key;
  const charts = useMemo(
    () =>
      panel.charts.map((chart) => {
        const unit = figureBarsUnit(chart.figures, chart.baseUnit);
        const chartTitle = t.overview.chartTitle(title, unit);
        return {
          key: chart.baseUnit,
          title: chartTitle,
          exportSpec: { title: chartTitle, unit, figures: chart.figures },
          option: buildFigureBarsOption(chart.figures, { title: chartTitle, baseUnit: chart.baseUnit, compact: true }),
          height: 60 + chart.figures.length * 28,
        };
      }),
    [panel, title],
  );
  return (
    <section className="theme-panel" aria-labelledby={`theme-${panel.theme.key}`} data-theme={panel.theme.key}>
      <header>
        <h2 id={`theme-${panel.theme.key}`}>{title}</h2>
        <button type="button" className="link" onClick={() => onOpenTheme(panel.theme.categories)}>
          {t.common.figures(panel.total)} →
        </button>
      </header>
      {panel.total === 0 ? (
        <p className="muted">{t.overview.noFigures}</p>
      ) : (
        <>
          <div className="kpi-row">
            {panel.kpis.map((figure) => (
              <KpiCard key={figure.id} figure={figure} onSource={onOpenFigure} />
            ))}
          </div>
          {charts.map((chart) => (
            <figure key={chart.key} className="chart-figure">
              <figcaption>{chart.title}</figcaption>
              <EChart
                option={chart.option}
                height={chart.height}
                label={chart.title}
                chartId={`overview-${panel.theme.key}-${chart.key}`}
                exportSpec={chart.exportSpec}
                onClick={(e) => {
                  const id = (e.data as FigureBarDatum | undefined)?.figureId;
                  if (id) onOpenFigure(id);
                }}
              />
            </figure>
          ))}
        </>
      )}
    </section>
  );
}
