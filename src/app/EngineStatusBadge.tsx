import { useSyncExternalStore } from 'react';
import { getEngineStatus, subscribeEngineStatus } from '../db';
import { t } from '../i18n/zh';

/** The engine's start-up progress in the header: steps, download fraction, time to ready, or the failure. */
export function EngineStatusBadge() {
  const status = useSyncExternalStore(subscribeEngineStatus, getEngineStatus);
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
        <div className="engine-status ready" role="status" data-engine="ready">
          {t.engine.readyIn(status.startedMs)}
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
