import { Component, type ReactNode } from 'react';
import { t } from '../i18n/zh';

interface ViewBoundaryProps {
  /** The view's name: a new view (or a retry) starts clean. */
  view: string;
  children: ReactNode;
}

interface ViewBoundaryState {
  error: Error | null;
  view: string;
}

/**
 * Keeps a throw inside one view in that view: the header, the tabs and the other views keep working, and the
 * analyst reads what went wrong with a retry, instead of a blank page.
 */
export class ViewBoundary extends Component<ViewBoundaryProps, ViewBoundaryState> {
  override state: ViewBoundaryState = { error: null, view: this.props.view };

  static getDerivedStateFromError(error: unknown): Partial<ViewBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: ViewBoundaryProps, state: ViewBoundaryState): Partial<ViewBoundaryState> | null {
    return props.view !== state.view ? { error: null, view: props.view } : null;
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="error-box" role="alert" data-testid="view-error">
        <strong>{t.common.viewFailed}</strong>
        <p>{error.message}</p>
        <button type="button" onClick={() => this.setState({ error: null })}>{t.common.retry}</button>
      </div>
    );
  }
}
