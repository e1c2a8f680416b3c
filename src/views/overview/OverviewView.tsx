import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { EChart } from '../../charts/EChart';
import { t } from '../../i18n/zh';
import { useRunner } from '../../app/engine-context';
import { documentsOptions, figuresOptions, reportFiguresParams, type DocumentRow } from '../../queries';
import { QueryState } from '../shared/QueryState';
import { KpiCard } from '../shared/KpiCard';
import { buildFigureBarsOption, figureBarsUnit, type FigureBarDatum } from '../shared/figure-bars-option';
import { buildOverview, overviewReport, type OverviewPanel } from './build-overview';

export interface OverviewViewProps {
  onOpenFigure: (id: string) => void;
  /** Opens a theme's figures; `docId` names the report when the workspace shows more than one. */
  onOpenTheme: (categories: readonly string[], docId: string | null) => void;
}

export interface OverviewProps extends OverviewViewProps {
  /** The report the overview is of (null: the first one shown). */
  docId: string | null;
  onPickReport: (docId: string) => void;
  onGo: (view: 'compare' | 'pivot' | 'reports') => void;
}

/**
 * The leadership overview of one report: what it is, what to do first, then one panel per theme with headline
 * cards and one or two charts.
 */
export function OverviewView({ docId, onPickReport, onGo, ...props }: OverviewProps) {
  const runner = useRunner();
  const documents = useQuery(documentsOptions(runner));
  return (
    <QueryState query={documents}>
      {(docs) => {
        const shown = docs.filter((d) => !d.hidden);
        const report = overviewReport(docs, docId);
        if (!report) {
          return (
            <div className="empty-state" role="status">
              <strong>{t.overview.noReports}</strong>
              <p><button type="button" className="link" onClick={() => onGo('reports')}>{t.reports.add} →</button></p>
            </div>
          );
        }
        return (
          <>
            <OverviewIntro report={report} others={shown.filter((d) => d !== report)} onPickReport={onPickReport} onGo={onGo} />
            <ReportPanels docId={report.doc_id} {...props}
              onOpenTheme={(categories) => props.onOpenTheme(categories, shown.length > 1 ? report.doc_id : null)} />
          </>
        );
      }}
    </QueryState>
  );
}

/** How many other reports the intro names (a workspace of hundreds is listed in the 报告 view). */
const OTHERS_LISTED = 6;

/** Names the report, links its source, and says what to do first. */
function OverviewIntro({ report, others, onPickReport, onGo }: {
  report: DocumentRow; others: DocumentRow[]; onPickReport: (docId: string) => void; onGo: OverviewProps['onGo'];
}) {
  return (
    <section className="overview-intro" aria-labelledby="overview-report">
      <div>
        <h2 id="overview-report">{report.title}</h2>
        <p className="muted">
          {[report.publisher, report.published, report.place].filter(Boolean).join(' · ')}
          {report.url && <> · <a href={report.url} target="_blank" rel="noreferrer noopener">{t.provenance.openOriginal}</a></>}
        </p>
        {others.length > 0 && (
          <p className="other-reports">
            <span className="muted">{t.overview.otherReports}</span>
            {others.slice(0, OTHERS_LISTED).map((d) => (
              <button key={d.doc_id} type="button" className="link" onClick={() => onPickReport(d.doc_id)}>{d.title}</button>
            ))}
            {others.length > OTHERS_LISTED && (
              <button type="button" className="link" onClick={() => onGo('reports')}>{t.overview.allReports(others.length + 1)}</button>
            )}
          </p>
        )}
      </div>
      <ul className="first-steps" aria-label={t.overview.firstSteps}>
        <li><button type="button" className="link" onClick={() => onGo('compare')}>{t.overview.stepCompare}</button></li>
        <li><button type="button" className="link" onClick={() => onGo('pivot')}>{t.overview.stepPivot}</button></li>
        <li><button type="button" className="link" onClick={() => onGo('reports')}>{t.overview.stepAdd}</button></li>
      </ul>
    </section>
  );
}

function ReportPanels({ docId, ...props }: OverviewViewProps & { docId: string }) {
  const figures = useQuery(figuresOptions(useRunner(), reportFiguresParams(docId)));
  return <QueryState query={figures}>{(rows) => <OverviewPanels figures={rows} {...props} />}</QueryState>;
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
        <button type="button" className="link" onClick={() => onOpenTheme(panel.theme.categories, null)}>
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
