import { useSyncExternalStore } from 'react';
import { useAppEngine } from './engine-context';
import { t } from '../i18n/zh';

/** The engine's state in the header, in words: start-up steps and download, what it holds, or the failure. */
export function EngineStatusBadge() {
  const { host } = useAppEngine();
  const status = useSyncExternalStore(host.subscribe, host.getStatus);
  switch (status.phase) {
    case 'idle':
      return null;
    case 'starting': {
      const percent = status.fraction !== undefined ? ` ${Math.round(status.fraction * 100)}%` : '';
      return (
        <div className="engine-status starting" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" />
          {t.engine.starting}：{t.engine[status.step]}
          {percent}
        </div>
      );
    }
    case 'ready':
      return (
        <div className="engine-status ready" role="status" data-engine="ready" title={t.engine.startedIn(status.startedMs)}>
          {status.loaded ? t.engine.loaded(status.loaded.reports, status.loaded.figures) : t.engine.ready}
        </div>
      );
    case 'reloading':
      return (
        <div className="engine-status starting" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" />
          {t.engine.reloading}
        </div>
      );
    case 'error':
      return (
        <div className="engine-status error" role="alert">
          {t.engine.failed}：{status.error.message}
        </div>
      );
  }
}
