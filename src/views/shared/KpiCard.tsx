import type { FigureRecord } from '../../data/figure-record';
import { formatAsWritten } from '../../lib/format';
import { t } from '../../i18n/zh';

/** A headline number as the report writes it, with what it measures, its period and subject, and a source link. */
export function KpiCard({ figure, onSource }: { figure: FigureRecord; onSource: (id: string) => void }) {
  return (
    <article className="kpi-card" data-figure={figure.id}>
      <div className="kpi-value">{formatAsWritten(figure)}</div>
      <div className="kpi-indicator">{figure.indicator}</div>
      <div className="kpi-meta">
        {[figure.subject, figure.period].filter(Boolean).join(' · ')}
      </div>
      <button type="button" className="link source-link" onClick={() => onSource(figure.id)}>
        {t.common.source}
      </button>
    </article>
  );
}
