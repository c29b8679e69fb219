import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Shown in the message, e.g. the lab title. */
  label: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/** Catches a lab's rendering error so the rest of the app keeps running, and offers a reload. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`[${this.props.label}]`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div className="lab-error" role="alert">
        <h2>{this.props.label} stopped with an error</h2>
        <p>{this.state.error.message}</p>
        <button onClick={() => this.setState({ error: null })}>Reload this lab</button>
      </div>
    );
  }
}
