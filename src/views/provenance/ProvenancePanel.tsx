import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { FigureRecord } from '../../data/figure-record';
import { dimensionValueLabel, t } from '../../i18n/zh';
import { formatAsWritten, formatQuantity } from '../../lib/format';
import { figureContextOptions, sourceTextOptions, type DocumentRow } from '../../queries';
import { ErrorBox, Loading, QueryState } from '../shared/QueryState';
import { neighbours, paragraphSegments } from './provenance';
import { metricById } from '../../extract/metrics';
import { useRunner } from '../../app/engine-context';

export interface ProvenancePanelProps {
  figureId: string;
  onNavigate: (id: string) => void;
  onClose: () => void;
}

/** Where a number comes from: its sentence highlighted in its paragraph, section, period and document. */
export function ProvenancePanel({ figureId, onNavigate, onClose }: ProvenancePanelProps) {
  const data = useQuery(figureContextOptions(useRunner(), figureId));
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  useEffect(() => panel.current?.focus(), [figureId]);
  return (
    <aside className="provenance" ref={panel} tabIndex={-1} aria-labelledby="provenance-title" data-testid="provenance">
      <header>
        <h2 id="provenance-title">{t.provenance.title}</h2>
        <button type="button" className="icon" aria-label={t.common.close} onClick={onClose}>×</button>
      </header>
      <QueryState query={data}>
        {({ figure, figures, document }) => {
          if (!figure) return <ErrorBox error={new Error(t.provenance.notFound(figureId))} />;
          return <ProvenanceBody figure={figure} figures={figures} document={document ?? undefined} onNavigate={onNavigate} />;
        }}
      </QueryState>
    </aside>
  );
}

function ProvenanceBody({ figure, figures, document, onNavigate }: {
  figure: FigureRecord; figures: FigureRecord[]; document: DocumentRow | undefined; onNavigate: (id: string) => void;
}) {
  const { previous, next } = neighbours(figure, figures);
  const mentions = figures.filter((f) => f.fact_id === figure.fact_id && f.id !== figure.id);
  const total = figure.part_of ? figures.find((f) => f.id === figure.part_of) : undefined;
  return (
    <div className="provenance-body">
      <div className="prov-value">{formatAsWritten(figure)}</div>
      <div className="prov-indicator">{figure.indicator}</div>
      <dl>
        <dt>{t.provenance.baseValue}</dt><dd>{formatQuantity(figure.value_base, figure.base_unit)}</dd>
        <dt>{t.dimensions.subject}</dt><dd>{figure.subject || t.common.none}</dd>
        <dt>{t.dimensions.category}</dt><dd>{dimensionValueLabel('category', figure.category)}</dd>
        <dt>{t.provenance.section}</dt><dd>{figure.section} {figure.section_title}</dd>
        <dt>{t.provenance.period}</dt><dd>{figure.period || t.common.none}{figure.period_start ? t.provenance.dates(figure.period_start, figure.period_end) : ''}</dd>
        <dt>{t.provenance.aggregation}</dt><dd>{dimensionValueLabel('agg', figure.agg)}</dd>
        {figure.metric && (
          <><dt>{t.provenance.metric}</dt><dd>{metricById(figure.metric)?.name_zh ?? figure.metric}</dd></>
        )}
        <dt>{t.provenance.basis}</dt><dd>{t.metrics.basis[figure.basis] ?? figure.basis}{figure.data_year !== null ? t.provenance.dataYear(figure.data_year) : ''}</dd>
        <dt>{t.provenance.place}</dt><dd>{figure.place || t.common.none}</dd>
        {mentions.length > 0 && (
          <><dt>{t.provenance.sameFact}</dt><dd>{mentions.map((m) => (
            <button type="button" className="linklike" key={m.id} onClick={() => onNavigate(m.id)}>{t.provenance.line(m.line)}</button>
          ))}</dd></>
        )}
        {total && (
          <><dt>{t.provenance.partOf}</dt><dd>
            <button type="button" className="linklike" onClick={() => onNavigate(total.id)}>{total.indicator} {formatAsWritten(total)}</button>
          </dd></>
        )}
        {figure.parts > 0 && (
          <><dt>{t.provenance.parts}</dt><dd>
            {t.provenance.nParts(figure.parts)}
            <span className="part-list">
              {figures.filter((f) => f.part_of === figure.fact_id && f.mention === 1).map((part) => (
                <button type="button" className="linklike" key={part.id} onClick={() => onNavigate(part.id)}>
                  {part.subject && part.subject !== figure.subject ? `${part.subject} ` : ''}{formatAsWritten(part)}
                </button>
              ))}
            </span>
          </dd></>
        )}
        {document && (
          <>
            <dt>{t.provenance.document}</dt><dd>{document.title}</dd>
            <dt>{t.provenance.publisher}</dt><dd>{document.publisher} · {document.published}</dd>
          </>
        )}
      </dl>
      <h3>{t.provenance.line(figure.line)}</h3>
      {document ? <Paragraph figure={figure} figures={figures} docId={document.doc_id} onNavigate={onNavigate} /> : <blockquote>{figure.quote}</blockquote>}
      <p className="prov-quote"><span className="muted">{t.provenance.quote}</span><q data-testid="provenance-quote">{figure.quote}</q></p>
      <nav className="prov-nav" aria-label={t.provenance.neighbours}>
        <button type="button" disabled={!previous} onClick={() => previous && onNavigate(previous.id)}>← {t.provenance.previous}</button>
        <button type="button" disabled={!next} onClick={() => next && onNavigate(next.id)}>{t.provenance.next} →</button>
      </nav>
      {document?.url && (
        <p><a href={document.url} target="_blank" rel="noreferrer noopener">{t.provenance.openOriginal}</a></p>
      )}
    </div>
  );
}

function Paragraph({ figure, figures, docId, onNavigate }: {
  figure: FigureRecord; figures: FigureRecord[]; docId: string; onNavigate: (id: string) => void;
}) {
  const runner = useRunner();
  const text = useQuery(sourceTextOptions(runner, docId));
  if (text.isError) return <ErrorBox error={text.error} onRetry={() => void text.refetch()} />;
  if (text.data === undefined) return <Loading label={t.provenance.loadingText} />;
  let segments;
  try {
    segments = paragraphSegments(text.data, figure, figures.filter((f) => f.line === figure.line));
  } catch (error) {
    return <ErrorBox error={error} />;
  }
  return (
    <blockquote className="paragraph" data-testid="provenance-paragraph">
      {segments.map((s, i) =>
        s.current ? (
          <mark key={i}>{s.text}</mark>
        ) : s.figureId ? (
          <button key={i} type="button" className="inline-figure" onClick={() => onNavigate(s.figureId!)}>{s.text}</button>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </blockquote>
  );
}
