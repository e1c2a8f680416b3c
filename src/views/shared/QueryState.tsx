import { useEffect, useState, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { t } from '../../i18n/zh';
import { useAppEngine } from '../../app/engine-context';

/** A readable error with a retry button, shown in the view that failed — never a blank page. */
export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const message = error instanceof Error ? error.message : String(error);
  const name = error instanceof Error ? error.name : '';
  const title =
    name === 'EngineStartError' ? t.engine.failed : name === 'QueryError' ? t.common.queryFailed : t.common.errorTitle;
  return (
    <div className="error-box" role="alert">
      <strong>{title}</strong>
      <p>{message}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t.common.retry}
        </button>
      )}
    </div>
  );
}

export function Loading({ label = t.common.loading }: { label?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function EmptyState() {
  return (
    <div className="empty-state" role="status">
      <strong>{t.common.empty}</strong>
      <p>{t.common.emptyHint}</p>
    </div>
  );
}

/**
 * Renders a query's loading and error states, or its data through `children`. A retry also forgets a failed
 * engine start, so the engine gets another chance.
 */
export function QueryState<T>({ query, children, loadingLabel }: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  loadingLabel?: string;
}) {
  const { host } = useAppEngine();
  if (query.isError) {
    return (
      <ErrorBox
        error={query.error}
        onRetry={() => {
          host.retry();
          void query.refetch();
        }}
      />
    );
  }
  if (query.data === undefined) return <Loading label={loadingLabel} />;
  // While the answer for a new state is on its way (a filter click, or the engine still starting), the last
  // answer stays on screen, marked busy at once and dimmed only once the wait is long enough to see: never read
  // as the new state's. The wrapper is always there (no box of its own), so the views inside are updated, not
  // rebuilt, when the answer comes.
  return <BusyWrapper busy={query.isPlaceholderData}>{children(query.data)}</BusyWrapper>;
}

/** How long an answer may take before the last one on screen is dimmed. */
export const DIM_AFTER_MS = 300;

/**
 * `aria-busy` follows `busy` at once; the dimming (`data-dim`) only after DIM_AFTER_MS. No style reads
 * `aria-busy`: setting it restyles nothing, where a style on it made the browser restyle everything inside
 * (a chart's SVG, a list of 500 places) at each click, and so delayed the handling of a fast answer by tens of
 * milliseconds on a slow machine — for a dimming that a fast answer never shows.
 */
function BusyWrapper({ busy, children }: { busy: boolean; children: ReactNode }) {
  const [dim, setDim] = useState(false);
  // An answer came: not dimmed any longer (set while rendering, so the answer is never drawn dimmed).
  if (!busy && dim) setDim(false);
  useEffect(() => {
    if (!busy) return;
    const timer = setTimeout(() => setDim(true), DIM_AFTER_MS);
    return () => clearTimeout(timer);
  }, [busy]);
  return (
    <div className="query-state" aria-busy={busy} data-dim={busy && dim ? '' : undefined}>
      {children}
    </div>
  );
}
