import type { ReactNode } from 'react';
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
  // answer stays on screen, marked busy and dimmed after a moment: never read as the new state's. The wrapper
  // is always there (no box of its own), so the views inside are updated, not rebuilt, when the answer comes.
  return (
    <div className="query-state" aria-busy={query.isPlaceholderData}>
      {children(query.data)}
    </div>
  );
}
